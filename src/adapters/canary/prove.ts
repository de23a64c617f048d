// One canary run against the live Falco container, start to verdict: measure the target (config, rules,
// buffering), pick the canary, fire it in a throwaway container, wait for the alert, judge it with
// Falco's drop counters over the window, and record the proof in the state dir (written before it fires,
// so a run that dies mid-way still counts for the pacing). Used by `falco-doctor canary` and by every
// change's detection check (adapters/canary/detection-check.ts). Asking and pacing are the caller's.
import { randomBytes } from 'node:crypto';
import { EXIT, UserError } from '../../core/errors.js';
import { buildContext } from '../../core/diagnosis/context.js';
import { windowDrops } from '../../core/diagnosis/counters.js';
import { canaryMarker, argvWithMarker } from '../../core/canary/schema.js';
import { pickCanary } from '../../core/canary/target.js';
import { judge } from '../../core/canary/verdict.js';
import { proofOf } from '../../core/canary/proof.js';
import type { CanaryReport } from '../../core/canary/format.js';
import { paceRefusal, type CanaryState } from '../../core/canary/pace.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { DockerClient } from '../docker/client.js';
import { collectSnapshot } from '../collect.js';
import { liveCollectOptions } from '../collect-options.js';
import { httpGet } from '../webserver.js';
import { waitUntilCounting } from '../apply/counting.js';
import { readCanaries } from './read-canaries.js';
import { readCanaryState, readConsent, recordConsent, writeCanaryState } from './state-file.js';
import { fireCanary } from './fire.js';
import { fileOffsets, waitForAlert } from './watch.js';

const CAPTURE_WAIT_MS = 30_000;

export interface ProveOptions {
  /** --container NAME|ID; null: discover Falco as diagnose does */
  container: string | null;
  stateDir: string;
  timeoutMs: number;
  toolVersion: string;
  /** recorded with the proof: "canary", or the change it verifies */
  by: string;
  /** false: refuse when a canary fired less than a few minutes ago (core/canary/pace.ts) */
  force: boolean;
  /** asked before it fires (the question names the canary and the target); absent: fire */
  confirm?: (question: string) => Promise<boolean>;
  /** told the action before it fires */
  onFire?: (argv: string[]) => void;
}

export async function proveDetection(docker: DockerClient, o: ProveOptions): Promise<CanaryReport> {
  const canaries = await readCanaries();
  const snapshot = await collectSnapshot(
    docker,
    liveCollectOptions({ container: o.container, windowMs: 0, lookbackMs: 0, toolVersion: o.toolVersion }),
    () => {},
  );
  const t = snapshot.target;
  if (!t.state.running || t.state.restarting)
    throw new UserError(`Falco (${t.name}) is not running: a canary would prove nothing`, 'start it, then run the canary', EXIT.unreachable);
  const ctx = buildContext(snapshot);
  const target = pickCanary(ctx, canaries);
  const last = await readCanaryState(o.stateDir);
  const pace = paceRefusal(last, Date.now(), o.force);
  if (pace) throw new UserError(pace, 'wait, or pass --force');
  const question = `fire canary ${target.canary.id} (rule "${target.canary.rule}") on ${t.name}? Its alert reaches every output Falco has (pager, Slack)`;
  if (o.confirm && !(await o.confirm(question)))
    throw new UserError('the canary was not fired: it needs a yes', 'pass --yes (its alert reaches every output Falco is configured with)');
  // a yes on the terminal, when no answer is kept yet, is the operator's consent to canaries around
  // changes; an earlier "no" to that question stays (it is only asked there)
  if (o.confirm && (await readConsent(o.stateDir).catch(() => null)) === null) await recordConsent(o.stateDir, o.by);
  const marker = canaryMarker(Date.now(), randomBytes(6).toString('hex'));
  const record = (s: Pick<CanaryState, 'lastAt' | 'detected'> & Partial<CanaryState>) =>
    writeCanaryState(o.stateDir, { marker, rule: target.canary.rule, target: t.name, channel: null, latencyMs: null, reasons: [], by: o.by, ...s });
  await record({ lastAt: new Date().toISOString(), detected: null });
  const metricsUrl = ctx.target.urls.metrics;
  const readMetrics = () =>
    metricsUrl
      ? httpGet(metricsUrl).then(
          (r) => r.body,
          () => null,
        )
      : Promise.resolve(null);
  // just after a reload Falco answers before its probe is loaded: an action fired then is not seen at all
  const capture = await waitUntilCounting(metricsUrl, CAPTURE_WAIT_MS);
  const metricsStart = await readMetrics();
  const offsets = await fileOffsets(target.channels);
  const argv = argvWithMarker(target.canary, marker);
  o.onFire?.(argv);
  const fired = await fireCanary(docker, { image: t.image, name: marker, argv, files: target.canary.files });
  const seen = await waitForAlert(docker, {
    falcoId: t.id,
    channels: target.channels,
    offsets,
    canary: target.canary,
    marker,
    actionAtMs: fired.startedAtMs,
    timeoutMs: o.timeoutMs,
  });
  const metricsEnd = await readMetrics();
  const drops = dropsOverWindow(snapshot, { start: fired.startedAtMs, end: Date.now(), lines: seen.logLines, metricsStart, metricsEnd });
  const verdict = judge(target, { marker, actionAtMs: fired.startedAtMs, timeoutMs: o.timeoutMs, alert: seen.alert, drops });
  await record({ lastAt: new Date(fired.startedAtMs).toISOString(), ...proofOf(verdict) });
  return {
    schemaVersion: 1,
    target: t.name,
    firedAt: new Date(fired.startedAtMs).toISOString(),
    timeoutMs: o.timeoutMs,
    actionExit: fired.exitCode,
    drops,
    capture,
    verdict,
  };
}

/** Falco's drop counters over the canary's window, read as diagnose reads them (the same context). */
export function dropsOverWindow(
  s: Snapshot,
  w: { start: number; end: number; lines: string[]; metricsStart: string | null; metricsEnd: string | null },
): number | null {
  const ctx = buildContext({
    ...s,
    window: { start: w.start, end: w.end },
    logs: { ...s.logs, sinceMs: w.start, window: w.lines.map((text) => ({ stream: 'stdout' as const, t: '', text })) },
    webserver: { ...s.webserver, metricsStart: w.metricsStart, metricsEnd: w.metricsEnd },
  });
  return windowDrops(ctx).drops;
}
