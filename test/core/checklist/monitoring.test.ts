// The checklist's `monitoring` item takes what Falco refuses from the diagnosis (config/refusals.ts,
// diagnose's FD-CONF-REFUSED): metrics Falco would not start with fail the item, naming the refusal.
// Inputs are made from a real diagnosis of the 0.42.1 falco.yaml, as `checklist` makes them.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../src/adapters/catalogue-files.js';
import { runBuiltin } from '../../../src/core/checklist/builtins.js';
import { diagnosisInputs } from '../../../src/core/checklist/evaluate.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { setKey, unsetKey } from '../../../src/core/falco/config/edit.js';
import type { Catalogue } from '../../../src/core/runbook/load.js';
import { fixture, REPO } from '../helpers/fixtures.js';
import { makeSnapshot } from '../helpers/snapshot.js';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
});
const ready = { stateDirOk: true, stateDirMode: '0700', dryRunChecked: 0, problems: [] };
const shipped = fixture('releases/falco-0.42.1.yaml');
const metricsOn = setKey(shipped, ['metrics', 'enabled'], true);

function both(yaml: string) {
  const d = diagnose(makeSnapshot({ cpuPercent: 4, memBytes: 60 * 2 ** 20, falcoYaml: yaml }), catalogue, {
    toolVersion: 't',
    source: 'bundle',
    thresholds: {},
    only: [],
    now: new Date(0),
  });
  const refused = d.report.findings.filter((f) => f.code === 'FD-CONF-REFUSED').map((f) => f.title.replace(/^Falco refuses to start: /, ''));
  return { refused, monitoring: runBuiltin('monitoring', { ...diagnosisInputs(d), rollout: null, rollback: ready }) };
}

describe('checklist monitoring: what diagnose says Falco refuses', () => {
  it('metrics on with metrics.output_rule false and no other output: refused (process_events.cpp@0.42.1:458), so the item fails and names it', () => {
    const r = both(setKey(metricsOn, ['metrics', 'output_rule'], false));
    expect(r.refused).toEqual([expect.stringContaining('Metrics are enabled with no output configured')]);
    expect(r.monitoring.status).toBe('fail');
    expect(r.monitoring.evidence.map((e) => e.observed)).toContain(`refused: ${r.refused[0]}`);
  });

  it('metrics.output_rule absent is false in code (configuration.cpp@0.42.1:620), not the shipped true: refused, fails', () => {
    const r = both(unsetKey(metricsOn, ['metrics', 'output_rule']));
    expect(r.refused).toEqual([expect.stringContaining('Metrics are enabled with no output configured')]);
    expect(r.monitoring.status).toBe('fail');
  });

  it('a metrics.interval without a unit is 0 ms to Falco (falco_utils.cpp@0.42.1 parse_prometheus_interval): refused, fails', () => {
    const r = both(setKey(metricsOn, ['metrics', 'interval'], 5000));
    expect(r.refused).toEqual([expect.stringContaining('minimum value of 100ms')]);
    expect(r.monitoring.status).toBe('fail');
    expect(r.monitoring.evidence.map((e) => e.observed)).toContain(`refused: ${r.refused[0]}`);
  });

  it('metrics to a file, or to /metrics on a running webserver, with nothing refused: passes', () => {
    const file = both(setKey(setKey(metricsOn, ['metrics', 'output_rule'], false), ['metrics', 'output_file'], '/var/log/falco-metrics.jsonl'));
    expect(file).toMatchObject({ refused: [], monitoring: { status: 'pass' } });
    const prom = both(setKey(setKey(metricsOn, ['metrics', 'output_rule'], false), ['webserver', 'prometheus_metrics_enabled'], true));
    expect(prom).toMatchObject({ refused: [], monitoring: { status: 'pass' } });
    // Falco 0.42.1 accepts the Prometheus flag as an output even with the webserver off, but nothing serves /metrics
    const off = both(
      setKey(setKey(setKey(metricsOn, ['metrics', 'output_rule'], false), ['webserver', 'prometheus_metrics_enabled'], true), ['webserver', 'enabled'], false),
    );
    expect(off).toMatchObject({ refused: [], monitoring: { status: 'fail' } });
  });

  it('the shipped file with metrics on (output_rule true, interval 1h): accepted and passes; metrics off fails without a refusal', () => {
    expect(both(metricsOn)).toMatchObject({ refused: [], monitoring: { status: 'pass' } });
    expect(both(shipped)).toMatchObject({ refused: [], monitoring: { status: 'fail' } });
  });
});
