// knowledge/helm-chart-falco.json is generated from ../shared/fixtures/kubernetes/chart by one command
// (npm run helm-defaults): re-derived here, any drift fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELM_DEFAULTS_FILE, renderHelmDefaults } from '../../../scripts/helm-defaults-inputs.js';

describe('Helm chart defaults', () => {
  it('match the chart in ../shared (regenerate with npm run helm-defaults)', () => {
    const committed = readFileSync(HELM_DEFAULTS_FILE, 'utf8');
    expect(committed).toBe(renderHelmDefaults());
    expect(JSON.parse(committed).provenance).toMatchObject({
      chart: 'falco',
      version: '9.1.0',
      appVersion: '0.44.1',
      commit: '548458c6e66dfc8d74f302fc5779b6e888635b15',
    });
  });
});
