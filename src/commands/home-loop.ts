// The home screen and the screens it opens from it (d diagnose, c checklist, r rollout, h history,
// u undo), one after another in the same process until the operator quits.
import { EXIT, errorMessage, type ExitCode } from '../core/errors.js';
import type { DiagnoseEvent } from '../core/events.js';
import { channel } from '../core/channel.js';
import { toolVersion } from '../version.js';
import { collectOptions, connectDocker, readCatalogue, runDiagnosis, timings } from './cli-context.js';
import type { HomeArgs } from '../cli/requests.js';

/** How long the home screen's canary waits for its alert. */
const HOME_CANARY_TIMEOUT_MS = 10_000;

/** The home screen, and the screens it opens (d diagnose, c checklist, r rollout, h history, u undo), until the operator quits. */
export async function homeLoop(args: HomeArgs): Promise<ExitCode> {
  const { runHome, writeLastReport } = await import('./home.js');
  const { enterAlternateScreen } = await import('../ui/alternate-screen.js');
  const screen = enterAlternateScreen();
  try {
    return await screens(args, runHome, writeLastReport, () => screen.clear());
  } finally {
    screen.leave();
  }
}

async function screens(
  args: HomeArgs,
  runHome: typeof import('./home.js').runHome,
  writeLastReport: typeof import('./home.js').writeLastReport,
  clear: () => void,
): Promise<ExitCode> {
  let notice: string | null = null;
  for (; ; clear()) {
    const { next, lastChangeId } = await runHome({
      notice,
      container: args.container,
      service: args.service,
      stateDir: args.stateDir,
      intervalMs: args.intervalSeconds * 1000,
      noColor: args.noColor,
      available: ['diagnose', 'checklist', 'rollout', 'history'],
    });
    notice = null;
    if (next === 'quit') return EXIT.ok;
    if (next === 'canary') {
      // p: the canary, asked first; its verdict shows on the home screen's detection line
      notice = await proveFromHome(args);
      continue;
    }
    if (next === 'checklist') {
      // the checklist judges by the home screen's target, state dir and --threshold, sampled 5 s
      const { checklistCommand } = await import('./checklist.js');
      await checklistCommand({ ...args, operands: [], note: null, checklistPath: null, windowSeconds: 5 });
      continue;
    }
    if (next === 'history' || next === 'undo') {
      // u is the history screen opened on the undo of the last change: the same rollback, the same y/n
      const { runHistoryScreen } = await import('./history-ui.js');
      await runHistoryScreen(await connectDocker(), {
        stateDir: args.stateDir,
        timings: timings(args),
        noColor: args.noColor,
        undoId: next === 'undo' ? lastChangeId : null,
      });
      continue;
    }
    if (next === 'rollout') {
      const { runRolloutScreen } = await import('./rollout/screen.js');
      await runRolloutScreen({ stateDir: args.stateDir, service: args.service, noColor: args.noColor });
      continue;
    }
    if (next !== 'diagnose') continue;
    const { runDiagnoseUi } = await import('../ui/diagnose/run.js');
    const catalogue = await readCatalogue();
    const run = { catalogue, thresholds: args.thresholds, only: args.runbooks, toolVersion: toolVersion() };
    const events = channel<DiagnoseEvent>();
    // quitting the screen aborts events.signal: the sampling stops instead of running on behind the home screen
    const source = { kind: 'live', docker: await connectDocker(), collect: collectOptions(args) } as const;
    const measured = runDiagnosis(source, run, (e) => events.push(e), events.signal).then(
      (d) => {
        events.close();
        return d.snapshot;
      },
      (e: unknown) => {
        events.fail(e);
        return null;
      },
    );
    const { report, fixIds = [] } = await runDiagnoseUi(events, { noColor: args.noColor });
    // the home screen shows the open findings of the last diagnosis (the tool's own state dir)
    if (report) await writeLastReport(report, args.stateDir);
    // f/e/w: the same fix flow as `falco-doctor diagnose`, then back to the home screen
    if (report && fixIds.length > 0) {
      const { applyChosenFixes } = await import('./diagnose-fixes.js');
      await applyChosenFixes(fixIds, await measured, args, catalogue);
    }
  }
}

/** The canary from the home screen: null when it was detected (the detection line shows it), else the
 *  first reason it was not, or why it did not fire. */
async function proveFromHome(args: HomeArgs): Promise<string | null> {
  const { proveDetection } = await import('../adapters/canary/prove.js');
  const { stateDir } = await import('../adapters/paths.js');
  const { confirm } = await import('../ui/confirm.js');
  try {
    const r = await proveDetection(await connectDocker(), {
      container: args.container,
      stateDir: stateDir(process.env, args.stateDir),
      timeoutMs: HOME_CANARY_TIMEOUT_MS,
      toolVersion: toolVersion(),
      by: 'canary',
      force: false,
      confirm,
    });
    const why = r.verdict.reasons[0];
    return r.verdict.detected ? null : why ? `${why.code}: ${why.text}` : 'canary: not detected';
  } catch (e) {
    return `canary: ${errorMessage(e)}`;
  }
}
