#!/usr/bin/env node
// Composition root: parse arguments, build the adapters, pick a front end (Ink | JSON | markdown),
// and map errors to exit codes — the only place that does.
import { parseCli, type CliArgs, type Shell } from './cli/args.js';
import { HELP, commandHelp } from './cli/help.js';
import { EXIT, UserError, errorMessage, type ExitCode } from './core/errors.js';
import { severityRank } from './core/findings.js';
import type { DiagnosisReport } from './core/report.js';
import type { DiagnoseEvent } from './core/events.js';
import { channel } from './core/channel.js';
import { toolVersion } from './version.js';
import type { DiagnoseRun, SnapshotSource } from './commands/diagnose.js';
import { toJson } from './report/json.js';
import { toMarkdown } from './report/markdown.js';
import { progressLine } from './report/progress.js';
import { collectOptions, connectDocker, fixRequest, io, readCatalogue, runDiagnosis, timings } from './commands/cli-context.js';

async function main(argv: string[]): Promise<ExitCode> {
  // checklist and rollout parse their own flags (and answer their own --help): commands/walks.ts
  const walk = argv[0];
  if (walk === 'rollout' || walk === 'checklist') {
    const { runWalk } = await import('./commands/walks.js');
    return runWalk(walk, argv.slice(1), toolVersion());
  }
  const args = parseCli(argv, Boolean(process.stdout.isTTY && process.stdin.isTTY));
  switch (args.command) {
    case 'version':
      process.stdout.write(`${toolVersion()}\n`);
      return EXIT.ok;
    case 'help':
      process.stdout.write(args.topic ? commandHelp(args.topic) : HELP);
      return EXIT.ok;
    case 'checklist': // after a global flag (falco-doctor --no-color checklist): the walk with the rest
    case 'rollout': {
      const { runWalk } = await import('./commands/walks.js');
      return runWalk(
        args.command,
        argv.filter((a, i) => i !== argv.indexOf(args.command)),
        toolVersion(),
      );
    }
    case 'completion': {
      const { completionFor } = await import('./commands/completion.js');
      process.stdout.write(await completionFor(args.target as Shell));
      return EXIT.ok;
    }
    case 'scan': {
      const { runScan } = await import('./commands/scan.js');
      process.stdout.write(await runScan(args.target ?? '', args.format === 'json'));
      return EXIT.ok;
    }
    case 'lint': {
      const { runLint } = await import('./commands/lint.js');
      return runLint(
        {
          files: args.files,
          falcoVersion: args.falcoVersion,
          overrides: args.overrides,
          rules: args.rulesPaths,
          json: args.format === 'json',
          failOn: args.failOn,
        },
        (t) => process.stdout.write(t),
      );
    }
    case 'info': {
      const { runInfo } = await import('./commands/info.js');
      process.stdout.write(await runInfo(args, toolVersion()));
      return EXIT.ok;
    }
    case 'bundle':
      return bundle(args);
    case 'fix':
      return fixCommand(args);
    case 'rollback': {
      const { runRollbackCommand } = await import('./commands/rollback.js');
      return runRollbackCommand(await connectDocker(), { id: args.target, last: args.last, stateDir: args.stateDir, timings: timings(args) }, io);
    }
    case 'history': {
      const { runHistoryCommand } = await import('./commands/history.js');
      return runHistoryCommand({ stateDir: args.stateDir, json: args.format === 'json' }, io);
    }
    case 'diagnose':
      return diagnoseCommand(args);
    case 'home': {
      // the home loop is its own chunk: a command that is not `home` never parses it
      const { homeLoop } = await import('./commands/home-loop.js');
      return homeLoop(args);
    }
  }
}

async function fixCommand(args: CliArgs): Promise<ExitCode> {
  const { runFixCommand, prepareFix } = await import('./commands/fix.js');
  const docker = await connectDocker();
  const req = fixRequest(args, args.target ?? '', args.container, await readCatalogue());
  if (args.format !== 'ui' || args.yes) return runFixCommand(docker, req, args.yes, io);
  const prepared = await prepareFix(docker, req, (l) => io.err(`${l}\n`));
  const { runFixFlow } = await import('./commands/diagnose-fixes.js');
  return runFixFlow(docker, prepared, req, args);
}

async function bundle(args: CliArgs): Promise<ExitCode> {
  const out = args.output ?? `falco-doctor-bundle-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  const { collectSnapshot } = await import('./adapters/collect.js');
  const snapshot = await collectSnapshot(await connectDocker(), collectOptions(args), (e) => {
    const line = progressLine(e);
    if (line) process.stderr.write(`${line}\n`);
  });
  const { writeBundle } = await import('./adapters/bundle-file.js');
  await writeBundle(out, snapshot);
  process.stderr.write(`bundle written to ${out} (redacted)\n`);
  return EXIT.ok;
}

async function diagnoseCommand(args: CliArgs): Promise<ExitCode> {
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
async function diagnoseInputs(args: CliArgs): Promise<{ source: SnapshotSource; run: DiagnoseRun }> {
  const catalogue = await readCatalogue();
  const known = catalogue.runbooks.map((r) => r.id);
  for (const id of args.runbooks) if (!known.includes(id)) throw new UserError(`--runbook: unknown runbook "${id}"`, `runbooks: ${known.join(', ')}`);
  const source: SnapshotSource = args.bundle
    ? { kind: 'bundle', snapshot: await (await import('./adapters/bundle-file.js')).readBundle(args.bundle) }
    : { kind: 'live', docker: await connectDocker(), collect: collectOptions(args) };
  return { source, run: { catalogue, thresholds: args.thresholds, only: args.runbooks, toolVersion: toolVersion() } };
}

/**
 * The diagnose screen is mounted first: reading the runbooks (YAML), the bundle and an offline
 * evaluation take a few hundred ms of CPU, and the first frame does not wait for them. A failure
 * among them shows on the screen and gives the same exit code once the operator quits.
 */
async function diagnoseScreen(args: CliArgs): Promise<ExitCode> {
  const { runDiagnoseUi } = await import('./ui/diagnose/run.js');
  const events = channel<DiagnoseEvent>();
  const screen = runDiagnoseUi(events, { noColor: args.noColor });
  await new Promise<void>((resolve) => setImmediate(resolve));
  const diagnosed = (async () => {
    try {
      events.push({ type: 'step-started', id: 'inputs', title: args.bundle ? `Read the runbooks and ${args.bundle}` : 'Read the runbooks' });
      const { source, run } = await diagnoseInputs(args);
      events.push({ type: 'step-finished', id: 'inputs', status: 'ok', detail: `${run.catalogue.runbooks.length} runbook files` });
      const { snapshot } = await runDiagnosis(source, run, (e) => events.push(e));
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
      const { applyChosenFixes } = await import('./commands/diagnose-fixes.js');
      return applyChosenFixes(fixIds, done.snapshot, args, done.catalogue);
    }
  }
  // quit before the diagnosis finished: nothing to judge
  return report ? exitFor(report, args) : EXIT.interrupted;
}

function exitFor(report: DiagnosisReport, args: CliArgs): ExitCode {
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

// Every wait inside has its own timeout; this handle only keeps Node from exiting silently (with 0)
// if a socket is dropped under a pending request.
const keepAlive = setInterval(() => {}, 60_000);
main(process.argv.slice(2)).then(
  (code) => {
    clearInterval(keepAlive);
    process.exitCode = code;
    // a quit mid-run leaves probes in flight; they have nothing left to report to
    if (code === EXIT.interrupted) process.exit(code);
  },
  async (raw: unknown) => {
    clearInterval(keepAlive);
    // Docker went away mid-run (dockerd stopped): the same exit 5 and message as when it was never there
    // (should the client's chunk fail to load, e.g. dist/ replaced under a running TUI, the error is kept)
    const e = await import('./adapters/docker/client.js').then(
      ({ isEngineGone, dockerUnreachable }) => (isEngineGone(raw) ? dockerUnreachable(raw) : raw),
      () => raw,
    );
    if (e instanceof UserError) {
      process.stderr.write(`falco-doctor: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
      process.exitCode = e.exitCode;
      return;
    }
    process.stderr.write(`falco-doctor: ${errorMessage(e)}\n`);
    if (process.env['FALCO_DOCTOR_DEBUG'] && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = EXIT.runtime;
  },
);
