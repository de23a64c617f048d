// Regenerates knowledge/helm-chart-falco.json from ../shared/fixtures/kubernetes/chart (chart falco's
// values.yaml and Chart.yaml). Run: npm run helm-defaults
import { writeFileSync } from 'node:fs';
import { HELM_DEFAULTS_FILE, renderHelmDefaults } from './helm-defaults-inputs.js';

writeFileSync(HELM_DEFAULTS_FILE, renderHelmDefaults());
console.error(`wrote ${HELM_DEFAULTS_FILE}`);
