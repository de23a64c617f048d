// The rollout's drop count of a window is diagnose's: the same parse of Falco's log (one drop printed
// by both the `log` action and the alert is one drop) and the same counter increase.
import { describe, expect, it } from 'vitest';
import { countDrops } from '../../../src/core/rollout/drops.js';
import { windowDrops } from '../../../src/core/diagnosis/counters.js';
import { readWindowLog } from '../../../src/core/diagnosis/window-log.js';
import { parsePrometheus } from '../../../src/core/falco/parse/prometheus.js';
import { diagnoseShape } from '../helpers/diagnose-shape.js';
import { sample } from '../helpers/fixtures.js';

const MB = 1024 * 1024;
const alert = sample('drop-alert-text.txt').trim();
// falco_logger::log on stderr (logger.cpp@0.42.1): the alert's message without priority or fields
const logAction = 'Mon Nov 23 08:01:26 2026: Falco internal: syscall event drop. 146905 system calls dropped in last second.';

/** The real 0.42.1 JSON metrics snapshot with its scap.n_drops, event counter and time set. */
function snapshotLine(nDrops: number, seconds: number, nEvts = 1_000_000 + seconds * 10_000): string {
  const s = JSON.parse(sample('metrics-snapshot.json').trim().split('\n')[0] as string) as { output_fields: Record<string, unknown> };
  s.output_fields['scap.n_drops'] = nDrops;
  s.output_fields['scap.n_evts'] = nEvts;
  s.output_fields['evt.time'] = (1_795_421_675 + seconds) * 1e9;
  return JSON.stringify(s);
}

async function diagnoseFacts(lines: string[]) {
  return (await diagnoseShape({ cpuPercent: 4, memBytes: 60 * MB, logLines: lines })).facts;
}

describe('rollout drops, counted as diagnose counts them', () => {
  it('one drop written by the log action (stderr) and the alert (stdout) counts once (event_drops.cpp@0.42.1:149)', async () => {
    const lines = [logAction, alert];
    const r = countDrops(lines);
    expect(r.drops).toBe(146905);
    expect(r.source).toMatch(/^drop alerts \(1,/);
    const facts = await diagnoseFacts(lines);
    expect(facts['drops.alerts']).toBe(1);
    expect(facts['drops.max_per_second']).toBe(r.drops);
  });

  it("with metrics snapshots: Falco's counter, the same number as diagnose's drops.counted, also across a reload", async () => {
    const steady = [snapshotLine(100, 0), logAction, alert, snapshotLine(250, 60)];
    expect(countDrops(steady).drops).toBe(150);
    expect((await diagnoseFacts(steady))['drops.counted']).toBe(150);
    // a reload restarts the counter from zero: 100 → 250, then 0 → 30 after it
    const reloaded = [snapshotLine(100, 0), snapshotLine(250, 60), snapshotLine(30, 120, 40_000)];
    expect(countDrops(reloaded).drops).toBe(180);
    expect((await diagnoseFacts(reloaded))['drops.counted']).toBe(180);
  });

  it('counters that did not move (no event counted: a reload under way, one reading repeated) and a quiet log are no zero, in both', async () => {
    const standing = [snapshotLine(100, 0, 5_000), snapshotLine(100, 60, 5_000)];
    expect(countDrops(standing).drops).toBeNull();
    expect((await diagnoseFacts(standing))['drops.counted']).toBeNull();
    // no snapshot, no drop alert: Falco alerts only above its threshold and logs at debug level
    expect(countDrops([]).drops).toBeNull();
  });

  it('one figure for the canary and the rollout: /metrics read at both ends wins over the snapshots, as in drops.counted', async () => {
    const prom = (drops: number, evts: number) => parsePrometheus(`falcosecurity_scap_n_evts_total ${evts}\nfalcosecurity_scap_n_drops_total ${drops}\n`);
    const lines = [snapshotLine(100, 0), snapshotLine(250, 60)];
    const both = { ...readWindowLog(lines), promStart: prom(10, 1000), promEnd: prom(40, 5000) };
    expect(windowDrops(both)).toEqual({ drops: 30, source: 'falcosecurity_scap_n_drops_total of /metrics' });
    // without /metrics (the rollout reads none) the snapshots count, as countDrops does
    expect(windowDrops({ ...both, promStart: null, promEnd: null })).toEqual(countDrops(lines));
    // /metrics that counted no event measure nothing: no fall back to an older figure
    expect(windowDrops({ ...both, promEnd: prom(10, 1000) }).drops).toBeNull();
  });
});
