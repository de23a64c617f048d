// Drops as Falco really reports them (issue 19): it acts on drops only for a second with more than
// syscall_event_drops.threshold of its events dropped, at most once per 1/rate s, and its `log` action
// writes at DEBUG, which log_level info hides (userspace/falco/event_drops.cpp@0.44.1:104,117,147, the same
// in every release 0.35.0–0.44.1). So a quiet log is not "no drops": the doctor counts drops from Falco's
// counters, says when it cannot, and names drops that stayed under the alert threshold.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import type { Catalogue } from '../../src/core/runbook/load.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { setKey } from '../../src/core/falco/config/edit.js';
import { fixture, REPO, sample } from './helpers/fixtures.js';
import { makeSnapshot } from './helpers/snapshot.js';

const MB = 1024 * 1024;
const Y0421 = fixture('releases/falco-0.42.1.yaml');
let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await readCatalogue(path.join(REPO, 'runbooks'));
});

function run(s: Snapshot) {
  return diagnose(s, catalogue, { toolVersion: 't', source: 'bundle', thresholds: {}, only: [], now: new Date(0) }).report;
}
const snap = (falcoYaml: string, logLines: string[] = [], cmd = ['/usr/bin/falco']) => {
  const s = makeSnapshot({ cpuPercent: 5, memBytes: 60 * MB, falcoYaml, logLines });
  s.target.cmd = cmd;
  return s;
};
const find = (r: ReturnType<typeof run>, code: string) => r.findings.find((f) => f.code === code);
const dropCodes = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.runbook === 'event-drops').map((f) => f.code);

/** The real 0.42.1 JSON metrics snapshot with its drop and event counters and time set. */
function snapshotLine(nDrops: number, nEvts: number, seconds: number): string {
  const s = JSON.parse(sample('metrics-snapshot.json').trim().split('\n')[0] as string) as { output_fields: Record<string, unknown> };
  s.output_fields['scap.n_drops'] = nDrops;
  s.output_fields['scap.n_evts'] = nEvts;
  s.output_fields['evt.time'] = (1_795_421_675 + seconds) * 1e9;
  return JSON.stringify(s);
}
const metricsOn = (yaml: string, interval = '1m') => setKey(setKey(yaml, ['metrics', 'enabled'], true), ['metrics', 'interval'], interval);

describe('drops the configuration hides', () => {
  it('held-out case: actions [log] with metrics off raises FD-DROP-BLIND (the log action writes at debug level)', () => {
    const s = snap(setKey(Y0421, ['syscall_event_drops', 'actions'], ['log']), [], ['/usr/bin/falco', '-U']);
    const r = run(s);
    expect(dropCodes(r)).toEqual(['FD-DROP-BLIND']);
    const f = find(r, 'FD-DROP-BLIND')!;
    expect(f.severity).toBe('warning');
    expect(f.explanation).toContain('metrics.enabled is false');
    expect(f.explanation).toContain('log: written at debug level, which log_level info hides');
    expect(r.facts['drops.visibility']).toBe('none');
    // not "no drops": unknown
    expect(r.facts['drops.detected']).toBeNull();
    expect(f.fixes.map((x) => [x.id, x.refused])).toEqual([
      ['drop-counters-prometheus', null],
      ['drop-counters-snapshots', null],
      ['drop-actions-alert', null],
    ]);
    // a key already at its value is no change: only what moves is listed
    expect(f.fixes[0]!.summary).toBe('metrics.enabled: false → true; webserver.prometheus_metrics_enabled: false → true');
    expect(f.fixes[1]!.summary).toBe('metrics.enabled: false → true; metrics.interval: 1h → 1m');
  });

  it('the same [log] at log_level debug reaches the log: no longer blind, but still not measured', () => {
    let yaml = setKey(Y0421, ['syscall_event_drops', 'actions'], ['log']);
    yaml = setKey(yaml, ['log_level'], 'debug');
    const r = run(snap(yaml, [], ['/usr/bin/falco', '-U']));
    expect(r.facts['drops.visibility']).toBe('alerts');
    expect(dropCodes(r)).toEqual(['FD-DROP-UNMEASURED']);
  });

  it('0.42.1 as shipped (metrics off, outputs buffered without -U): a warning that drops cannot be measured, not an info', () => {
    const r = run(snap(Y0421));
    const f = find(r, 'FD-DROP-UNMEASURED')!;
    expect(f.severity).toBe('warning');
    expect(f.explanation).toContain('does not mean Falco dropped nothing');
    expect(f.explanation).toContain('metrics.enabled is false');
    expect(f.explanation).toContain('block-buffered');
    expect(f.explanation).toContain('more than 10.0 %');
    expect(f.explanation).toContain('once every 30 s');
    expect(f.evidence.find((e) => e.fact === 'drops.visibility')?.observed).toBe('late-alerts');
    expect(r.facts['drops.counted']).toBeNull();
    expect(r.runbooks.find((x) => x.id === 'event-drops')?.status).toBe('problem');
  });

  it('0.44.1 as shipped (alerts unbuffered, metrics off): drops under the threshold are unseen, so still a warning', () => {
    const s = snap(fixture('falco-0.44.1.yaml'));
    s.falco.versionOutput = 'Falco version: 0.44.1';
    const r = run(s);
    expect(r.facts['drops.visibility']).toBe('alerts');
    expect(find(r, 'FD-DROP-UNMEASURED')?.explanation).toContain('alert: "Falco internal: syscall event drop" on stdout');
  });

  it('metrics on at the shipped 1h interval: one snapshot in the look-back counts nothing, and the fix shortens it', () => {
    const r = run(snap(metricsOn(Y0421, '1h'), [snapshotLine(0, 4692, 0)], ['/usr/bin/falco', '-U']));
    const f = find(r, 'FD-DROP-UNMEASURED')!;
    expect(f.explanation).toContain('1 metrics snapshot(s) with scap.n_drops');
    expect(f.explanation).toContain('(metrics.interval: 1h): a count needs two');
    expect(f.fixes.find((x) => x.id === 'drop-counters-snapshots')?.summary).toBe('metrics.interval: 1h → 1m');
  });
});

describe('drops counted by Falco', () => {
  it('counters with drops and no alert: FD-DROP-UNALERTED beside the cause (drops stayed under the 10 % threshold)', () => {
    const lines = [snapshotLine(1000, 1_000_000, 0), snapshotLine(21_000, 2_000_000, 60)];
    const r = run(snap(metricsOn(Y0421), lines, ['/usr/bin/falco', '-U']));
    expect(r.facts['drops.counted']).toBe(20_000);
    expect(r.facts['drops.counted_percent']).toBe(2);
    expect(r.facts['drops.detected']).toBe(true);
    expect(dropCodes(r)).toEqual(['FD-DROP-BUFFER', 'FD-DROP-UNALERTED']);
    const f = find(r, 'FD-DROP-UNALERTED')!;
    expect(f.title).toBe("Falco's counters show 20000 dropped events, and not one drop alert");
    expect(f.explanation).toContain('(2 % of its events)');
    expect(f.explanation).toContain('more than 10.0 % of the events were dropped');
  });

  it('counters with no drops: "no" is measured, and nothing about visibility is raised', () => {
    const lines = [snapshotLine(0, 1_000_000, 0), snapshotLine(0, 2_000_000, 60)];
    const r = run(snap(metricsOn(Y0421), lines, ['/usr/bin/falco', '-U']));
    expect(r.facts['drops.detected']).toBe(false);
    expect(r.facts['drops.visibility']).toBe('counted');
    expect(dropCodes(r)).toEqual([]);
  });

  it('/metrics read at both ends counts drops whatever the log says', () => {
    const prom = sample('webserver-metrics-prometheus.http.txt');
    const evts = Number(/^falcosecurity_scap_n_evts_total (\d+)$/m.exec(prom)![1]);
    // Falco sees the whole host: between the two readings its event counter moves
    const at = (drops: number, moreEvents = 0) =>
      prom
        .replace(/^falcosecurity_scap_n_drops_total \d+$/m, `falcosecurity_scap_n_drops_total ${drops}`)
        .replace(/^falcosecurity_scap_n_evts_total \d+$/m, `falcosecurity_scap_n_evts_total ${evts + moreEvents}`);
    let yaml = setKey(metricsOn(Y0421, '1h'), ['webserver', 'prometheus_metrics_enabled'], true);
    yaml = setKey(yaml, ['metrics', 'output_rule'], false);
    const s = snap(yaml, [], ['/usr/bin/falco', '-U']);
    s.webserver = { url: 'http://127.0.0.1:8765', healthz: null, metricsStart: at(0), metricsEnd: at(0, 250_000), error: null };
    expect(run(s).facts['drops.counter_status']).toBe('/metrics falcosecurity_scap_n_drops_total, read at both ends of the window');
    expect(dropCodes(run(s))).toEqual([]);
    // read at both ends but standing still (a reload under way): nothing was counted, and it says so
    s.webserver.metricsEnd = at(0);
    expect(run(s).facts['drops.counted']).toBeNull();
    expect(find(run(s), 'FD-DROP-UNMEASURED')?.explanation).toContain('counted no event in the window');
    s.webserver.metricsEnd = at(0, 250_000);
    s.webserver.metricsEnd = null;
    s.webserver.error = 'http://127.0.0.1:8765/metrics: ECONNREFUSED';
    expect(find(run(s), 'FD-DROP-UNMEASURED')?.explanation).toContain(
      '/metrics is served but was not read at both ends of the window (http://127.0.0.1:8765/metrics: ECONNREFUSED)',
    );
  });
});

describe('the counter fixes stay within what the release reads and starts with', () => {
  it('Prometheus metrics are refused on 0.37 (webserver.prometheus_metrics_enabled is read from 0.38.0)', () => {
    const s = snap(setKey(Y0421, ['syscall_event_drops', 'actions'], ['ignore']));
    s.falco.versionOutput = 'Falco version: 0.37.1';
    const fixes = find(run(s), 'FD-DROP-BLIND')!.fixes;
    expect(fixes.find((x) => x.id === 'drop-counters-prometheus')?.refused?.reason).toBe('Falco 0.37.1 does not read webserver.prometheus_metrics_enabled');
    expect(fixes.find((x) => x.id === 'drop-counters-snapshots')?.refused).toBeNull();
  });

  it('metrics on with metrics.interval absent is refused: its code default "5000" has no unit (configuration.cpp@0.42.1:618, process_events.cpp@0.42.1 init_stats_writer)', () => {
    const yaml = Y0421.replace(/^ {2}interval: 1h\n/m, '');
    expect(yaml).not.toMatch(/^ {2}interval: 1h$/m);
    const fixes = find(run(snap(yaml)), 'FD-DROP-UNMEASURED')!.fixes;
    expect(fixes.find((x) => x.id === 'drop-counters-prometheus')?.refused?.reason).toMatch(
      /^Falco would refuse to start: Metrics interval .*metrics\.interval: 5000, the default in code/,
    );
    expect(fixes.find((x) => x.id === 'drop-counters-snapshots')?.summary).toBe('metrics.enabled: false → true; metrics.interval: (default) → 1m');
  });
});
