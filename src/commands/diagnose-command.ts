// `falco-doctor diagnose` as the operator runs it: the Ink screen in a terminal (f/e/w hand the chosen
// fixes to the one diagnose → fix flow), JSON or markdown elsewhere, and the exit code the report earns.
import { EXIT, UserError, type ExitCode } from '../core/errors.js';
import { severityRank } from '../core/findings.js';
import type { DiagnosisReport } from '../core/report.js';
import type { DiagnoseEvent } from '../core/events.js';
import { channel } from '../core/channel.js';
import { toolVersion } from '../version.js';
import type { DiagnoseRun, SnapshotSource } from './diagnose.js';
import { toJson } from '../report/json.js';
import { toMarkdown } from '../report/markdown.js';
import { progressLine } from '../report/progress.js';
import { collectOptions, connectDocker, readCatalogue, runDiagnosis } from './cli-context.js';
import type { DiagnoseSettings } from '../cli/requests.js';

export async function diagnoseCommand(args: DiagnoseSettings): Promise<ExitCode> {
  if (args.format === 'ui') return diagnoseScreen(args);
  const { source, run } = await diagnoseInputs(args);
  const { report } = await runDiagnosis(source, run, (e) => {
    const line = progressLine(e);
    if (line) process.stderr.write(`${line}\n`);
  });
  process.stdout.write(args.format === 'json' ? toJson(report) : toMarkdown(report));
  return exitFor(report, args);
}

/** The runbooks (checked against --runbook) and where the snapshot comes from. */
export async function diagnoseInputs(args: DiagnoseSettings): Promise<{ source: SnapshotSource; run: DiagnoseRun }> {
  const catalogue = await readCatalogue();
  const known = catalogue.runbooks.map((r) => r.id);
  for (const id of args.runbooks) if (!known.includes(id)) throw new UserError(`--runbook: unknown runbook "${id}"`, `runbooks: ${known.join(', ')}`);
  const source: SnapshotSource = args.bundle
    ? { kind: 'bundle', snapshot: await (await import('../adapters/bundle-file.js')).readBundle(args.bundle) }
    : { kind: 'live', docker: await connectDocker(), collect: collectOptions(args) };
  return { source, run: { catalogue, thresholds: args.thresholds, only: args.runbooks, toolVersion: toolVersion() } };
}

/**
 * The diagnose screen is mounted first: reading the runbooks (YAML), the bundle and an offline
 * evaluation take a few hundred ms of CPU, and the first frame does not wait for them. A failure
 * among them shows on the screen and gives the same exit code once the operator quits.
 */
async function diagnoseScreen(args: DiagnoseSettings): Promise<ExitCode> {
  const { runDiagnoseUi } = await import('../ui/diagnose/run.js');
  const events = channel<DiagnoseEvent>();
  const screen = runDiagnoseUi(events, { noColor: args.noColor });
  await new Promise<void>((resolve) => setImmediate(resolve));
  const diagnosed = (async () => {
    try {
      events.push({ type: 'step-started', id: 'inputs', title: args.bundle ? `Read the runbooks and ${args.bundle}` : 'Read the runbooks' });
      const { source, run } = await diagnoseInputs(args);
      events.push({ type: 'step-finished', id: 'inputs', status: 'ok', detail: `${run.catalogue.runbooks.length} runbook files` });
      const { snapshot } = await runDiagnosis(source, run, (e) => events.push(e), events.signal);
      events.close();
      return { live: source.kind === 'live', snapshot, catalogue: run.catalogue };
    } catch (e) {
      events.fail(e);
      return null;
    }
  })();
  const { report, error, fixIds = [] } = await screen;
  if (error) throw error;
  if (report && fixIds.length > 0) {
    const done = await diagnosed;
    if (done?.live) {
      const { applyChosenFixes } = await import('./diagnose-fixes.js');
      return applyChosenFixes(fixIds, done.snapshot, args, done.catalogue);
    }
  }
  // quit before the diagnosis finished: nothing to judge
  return report ? exitFor(report, args) : EXIT.interrupted;
}

export function exitFor(report: DiagnosisReport, args: DiagnoseSettings): ExitCode {
  if (report.configErrors.length > 0) {
    process.stderr.write(`falco-doctor: Falco's configuration is invalid: ${report.configErrors.join('; ')}\n`);
    return EXIT.usage;
  }
  if (report.target.state !== 'running') {
    process.stderr.write(
      `falco-doctor: the Falco container ${report.target.name} is ${report.target.state}: nothing to measure; see its log (docker logs ${report.target.name})\n`,
    );
    return EXIT.unreachable;
  }
  if (args.failOn === 'none') return EXIT.ok;
  const bar = severityRank(args.failOn);
  return report.findings.some((f) => severityRank(f.severity) >= bar) ? EXIT.findings : EXIT.ok;
}
