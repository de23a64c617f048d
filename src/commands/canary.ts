// `falco-doctor canary`: proves Falco still detects. Measures the target once (config, rules, buffering),
// picks a canary (core/canary/target.ts), asks before it fires (--yes off a terminal), paces canaries
// (state dir), fires it in a throwaway container (adapters/canary/fire.ts), waits for the alert
// (adapters/canary/watch.ts) and judges it with Falco's drop counters over the window (core/canary/verdict.ts).
import { randomBytes } from 'node:crypto';
import { confirm } from '../ui/confirm.js';
import { EXIT, UserError, type ExitCode } from '../core/errors.js';
import { buildContext } from '../core/diagnosis/context.js';
import { droppedInWindow } from '../core/diagnosis/counters.js';
import { webserverSettings } from '../core/falco/webserver.js';
import { canaryMarker, argvWithMarker } from '../core/canary/schema.js';
import { pickCanary } from '../core/canary/target.js';
import { judge } from '../core/canary/verdict.js';
import { formatCanary, type CanaryReport } from '../core/canary/format.js';
import { paceRefusal } from '../core/canary/pace.js';
import type { Snapshot } from '../core/snapshot.js';
import type { DockerClient } from '../adapters/docker/client.js';
import { collectSnapshot } from '../adapters/collect.js';
import { liveCollectOptions } from '../adapters/collect-options.js';
import { stateDir as resolveStateDir } from '../adapters/paths.js';
import { httpGet, webserverUrl } from '../adapters/webserver.js';
import { readCanaries } from '../adapters/canary/read-canaries.js';
import { readCanaryState, writeCanaryState } from '../adapters/canary/state-file.js';
import { fireCanary } from '../adapters/canary/fire.js';
import { fileOffsets, waitForAlert } from '../adapters/canary/watch.js';
import type { CliArgs } from '../cli/args.js';
import type { CommandIo } from './fix/fix.js';

export type CanaryArgs = Pick<CliArgs, 'container' | 'format' | 'yes' | 'force' | 'timeoutSeconds' | 'stateDir' | 'kube' | 'node'>;

export async function canaryCommand(args: CanaryArgs): Promise<ExitCode> {
  const { connectDocker, io } = await import('./cli-context.js');
  const { toolVersion } = await import('../version.js');
  if (args.kube) {
    const { runKubeCanary } = await import('./canary-kube.js');
    return runKubeCanary({ ...args, kube: args.kube }, { io, confirm, toolVersion: toolVersion() });
  }
  return runCanary(args, { docker: await connectDocker(), io, confirm, toolVersion: toolVersion() });
}

export async function runCanary(
  args: CanaryArgs,
  deps: { docker: DockerClient; io: CommandIo; confirm: (q: string) => Promise<boolean>; toolVersion: string },
): Promise<ExitCode> {
  const canaries = await readCanaries();
  const dir = resolveStateDir(process.env, args.stateDir);
  const snapshot = await collectSnapshot(
    deps.docker,
    liveCollectOptions({ container: args.container, windowMs: 0, lookbackMs: 0, toolVersion: deps.toolVersion }),
    () => {},
  );
  const t = snapshot.target;
  if (!t.state.running || t.state.restarting)
    throw new UserError(`Falco (${t.name}) is not running: a canary would prove nothing`, 'start it, then run the canary', EXIT.unreachable);
  const ctx = buildContext(snapshot);
  const target = pickCanary(ctx, canaries);
  const pace = paceRefusal(await readCanaryState(dir), Date.now(), args.force);
  if (pace) throw new UserError(pace, 'wait, or pass --force');
  const what = `fire canary ${target.canary.id} (rule "${target.canary.rule}") on ${t.name}? Its alert reaches every output Falco has (pager, Slack)`;
  if (!args.yes && !(await deps.confirm(what)))
    throw new UserError('the canary was not fired: it needs a yes', 'pass --yes (its alert reaches every output Falco is configured with)');

  const marker = canaryMarker(Date.now(), randomBytes(6).toString('hex'));
  await writeCanaryState(dir, { lastAt: new Date().toISOString(), marker, rule: target.canary.rule, detected: null });
  const metricsUrl = prometheusUrl(snapshot, ctx);
  const metricsStart = metricsUrl
    ? await httpGet(metricsUrl).then(
        (r) => r.body,
        () => null,
      )
    : null;
  const offsets = await fileOffsets(target.channels);
  if (args.format !== 'json') deps.io.err(`firing ${target.canary.id}: ${argvWithMarker(target.canary, marker).join(' ')}\n`);
  const fired = await fireCanary(deps.docker, { image: t.image, name: marker, argv: argvWithMarker(target.canary, marker), files: target.canary.files });
  const timeoutMs = args.timeoutSeconds * 1000;
  const seen = await waitForAlert(deps.docker, {
    falcoId: t.id,
    channels: target.channels,
    offsets,
    canary: target.canary,
    marker,
    actionAtMs: fired.startedAtMs,
    timeoutMs,
  });
  const metricsEnd = metricsUrl
    ? await httpGet(metricsUrl).then(
        (r) => r.body,
        () => null,
      )
    : null;
  const drops = windowDrops(snapshot, { start: fired.startedAtMs, end: Date.now(), lines: seen.logLines, metricsStart, metricsEnd });
  const verdict = judge(target, { marker, actionAtMs: fired.startedAtMs, timeoutMs, alert: seen.alert, drops });
  await writeCanaryState(dir, { lastAt: new Date(fired.startedAtMs).toISOString(), marker, rule: target.canary.rule, detected: verdict.detected });
  const report: CanaryReport = {
    schemaVersion: 1,
    target: t.name,
    firedAt: new Date(fired.startedAtMs).toISOString(),
    timeoutMs,
    actionExit: fired.exitCode,
    drops,
    verdict,
  };
  deps.io.out(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatCanary(report));
  return verdict.detected ? EXIT.ok : EXIT.findings;
}

function prometheusUrl(snapshot: Snapshot, ctx: ReturnType<typeof buildContext>): string | null {
  const ws = webserverSettings(ctx.config);
  const url = webserverUrl(snapshot.target, ws);
  return url && ws.prometheus ? `${url}/metrics` : null;
}

/** Falco's drop counters over the canary's window, read as diagnose reads them (the same context). */
export function windowDrops(
  s: Snapshot,
  w: { start: number; end: number; lines: string[]; metricsStart: string | null; metricsEnd: string | null },
): number | null {
  const ctx = buildContext({
    ...s,
    window: { start: w.start, end: w.end },
    logs: { ...s.logs, sinceMs: w.start, window: w.lines.map((text) => ({ stream: 'stdout' as const, t: '', text })) },
    webserver: { ...s.webserver, metricsStart: w.metricsStart, metricsEnd: w.metricsEnd },
  });
  const counted = droppedInWindow(ctx);
  // else the drop alerts' own counts (each says how many events the second lost): a lower bound
  return counted ?? (ctx.dropAlerts.length > 0 ? ctx.dropAlerts.reduce((n, a) => n + a.nDrops, 0) : null);
}
