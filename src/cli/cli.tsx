#!/usr/bin/env node
// Composition root: parse the arguments, hand them to the command (each in src/commands/, loaded on
// demand), and map errors to exit codes — the only place that does.
import { parseCli } from './args.js';
import { HELP, commandHelp } from './help.js';
import { EXIT, UserError, errorMessage, type ExitCode } from '../core/errors.js';
import { toolVersion } from '../version.js';
import { io } from '../commands/cli-context.js';

async function main(argv: string[]): Promise<ExitCode> {
  const args = parseCli(argv, Boolean(process.stdout.isTTY && process.stdin.isTTY));
  switch (args.command) {
    case 'version':
      process.stdout.write(`${toolVersion()}\n`);
      return EXIT.ok;
    case 'help':
      process.stdout.write(args.topic ? commandHelp(args.topic) : HELP);
      return EXIT.ok;
    case 'checklist': {
      const { checklistCommand } = await import('../commands/checklist.js');
      return checklistCommand(args);
    }
    case 'canary': {
      const { canaryCommand } = await import('../commands/canary.js');
      return canaryCommand(args);
    }
    case 'rollout': {
      const { rolloutCommand } = await import('../commands/rollout/command.js');
      return rolloutCommand(args);
    }
    case 'completion': {
      const { completionFor } = await import('../commands/completion.js');
      process.stdout.write(await completionFor(args.shell));
      return EXIT.ok;
    }
    case 'scan': {
      const { runScan } = await import('../commands/scan.js');
      process.stdout.write(await runScan(args.file, args.json));
      return EXIT.ok;
    }
    case 'lint': {
      const { runLint } = await import('../commands/lint.js');
      return runLint(args, (t) => process.stdout.write(t));
    }
    case 'info': {
      const { runInfo } = await import('../commands/info.js');
      process.stdout.write(await runInfo(args, toolVersion()));
      return EXIT.ok;
    }
    case 'bundle': {
      const { runBundleCommand } = await import('../commands/bundle.js');
      return runBundleCommand(args);
    }
    case 'fix': {
      if (args.kube) {
        const { kubeFixCommand } = await import('../commands/kube/fix.js');
        return kubeFixCommand(args);
      }
      const { fixCommand } = await import('../commands/fix/command.js');
      return fixCommand(args);
    }
    case 'rollback': {
      // the one rollback of every kind; Docker is connected only when the entry changed a container
      const { rollbackCommand } = await import('../commands/rollback.js');
      return rollbackCommand(args, io);
    }
    case 'history': {
      const { runHistoryCommand } = await import('../commands/history.js');
      return runHistoryCommand(args, io);
    }
    case 'diagnose': {
      if (args.kube) {
        const { kubeDiagnoseCommand } = await import('../commands/kube/diagnose.js');
        return kubeDiagnoseCommand(args);
      }
      const { diagnoseCommand } = await import('../commands/diagnose-command.js');
      return diagnoseCommand(args);
    }
    case 'home': {
      // the home loop is its own chunk: a command that is not `home` never parses it
      const { homeLoop } = await import('../commands/home-loop.js');
      return homeLoop(args);
    }
  }
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
    const e = await import('../adapters/docker/client.js').then(
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
