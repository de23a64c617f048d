// `r` on the home screen: the staged rollout's status, read-only — the report `rollout status`
// prints, the plan and the command for the next step. The steps themselves stay with
// `falco-doctor rollout next` (a phase is monitored for hours; it is not a screen to leave with q).
import { readCatalogue } from '../../adapters/catalogue-files.js';
import { stateDir as resolveStateDir } from '../../adapters/paths.js';
import { readRolloutPlan } from '../../adapters/rollout/plan-file.js';
import { readRolloutState, rolloutDir } from '../../adapters/rollout/state-file.js';
import { errorMessage } from '../../core/errors.js';
import { rolloutReport } from '../../core/rollout/report.js';
import type { RolloutView } from '../../ui/home/rollout/run.js';

/** what `rollout next` records as planPath when no --plan was given */
const SHIPPED_PLAN = 'checklists/staged-rollout.yaml';

export interface RolloutScreenOptions {
  stateDir: string | null;
  service: string | null;
  noColor: boolean;
}

export async function loadRolloutView(opts: Omit<RolloutScreenOptions, 'noColor'>, env: NodeJS.ProcessEnv = process.env): Promise<RolloutView> {
  const dir = resolveStateDir(env, opts.stateDir);
  const base = { stateDir: rolloutDir(dir), stateDirFlag: opts.stateDir, service: opts.service };
  try {
    const catalogue = await readCatalogue();
    const state = await readRolloutState(dir);
    // the plan the rollout was started with (`rollout next --plan FILE`), else the shipped one
    const planFile = state && state.planPath !== SHIPPED_PLAN ? state.planPath : null;
    const plan = await readRolloutPlan(planFile, Object.keys(catalogue.fixes));
    const report = rolloutReport(state, plan, Date.now());
    return {
      ...base,
      report,
      loadError: null,
      plan: { baselineWindow: plan.baseline.window, phases: plan.phases.map((p) => ({ id: p.id, title: p.title, window: p.window ?? plan.monitor.window })) },
      fixTitles: Object.fromEntries(Object.entries(catalogue.fixes).map(([id, f]) => [id, f.title])),
    };
  } catch (e) {
    return { ...base, report: null, loadError: errorMessage(e), plan: null, fixTitles: {} };
  }
}

export async function runRolloutScreen(opts: RolloutScreenOptions): Promise<void> {
  const { runRolloutUi } = await import('../../ui/home/rollout/run.js');
  const load = () => loadRolloutView(opts);
  await runRolloutUi(await load(), load, { noColor: opts.noColor });
}
