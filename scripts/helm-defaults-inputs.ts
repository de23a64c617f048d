// The Falco Helm chart's defaults (values.yaml and Chart.yaml of chart falco, ../shared/fixtures/kubernetes/chart)
// as the data file the Helm-values lint merges an operator's values over. Used by
// scripts/gen-helm-defaults.ts and its drift test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CHART_DIR = fileURLToPath(new URL('../../shared/fixtures/kubernetes/chart/', import.meta.url));
export const HELM_DEFAULTS_FILE = `${ROOT}knowledge/helm-chart-falco.json`;

export function renderHelmDefaults(): string {
  const chart = parse(readFileSync(`${CHART_DIR}Chart.yaml`, 'utf8')) as { name: string; version: string; appVersion: string };
  const readme = readFileSync(`${CHART_DIR}../README.md`, 'utf8');
  const commit = /chart\/:.*?commit ([0-9a-f]{40})/s.exec(readme)?.[1] ?? null;
  const values = parse(readFileSync(`${CHART_DIR}values.yaml`, 'utf8')) as unknown;
  const doc = {
    provenance: {
      chart: chart.name,
      version: chart.version,
      appVersion: chart.appVersion,
      source: 'falcosecurity/charts charts/falco/values.yaml',
      commit,
      generatedBy: 'npm run helm-defaults (scripts/gen-helm-defaults.ts)',
    },
    values,
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}
