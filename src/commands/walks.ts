// `checklist` and `rollout` have flags of their own (ROLLOUT_OPTIONS, CHECKLIST_OPTIONS) and a
// `-- CMD ARGS` tail for the exec probe, so src/cli/cli.tsx hands them their argv whole.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { EXIT, UserError, type ExitCode } from '../core/errors.js';
import { commandHelp } from '../cli/help.js';
import { readCatalogue } from '../adapters/catalogue-files.js';
import { connectDocker } from '../adapters/docker/client.js';
import { runRolloutCommand } from './rollout/rollout.js';
import { ROLLOUT_OPTIONS, toRolloutRequest } from './rollout/args.js';
import { CHECKLIST_OPTIONS, runChecklistCommand, toChecklistRequest } from './checklist.js';

const io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) };

/** y/N on the terminal; without one the answer is no (use --yes). */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export async function runWalk(command: 'rollout' | 'checklist', rest: string[], version: string): Promise<ExitCode> {
  const dash = rest.indexOf('--');
  const words = dash < 0 ? rest : rest.slice(0, dash);
  const after = dash < 0 ? [] : rest.slice(dash + 1);
  // before the flags are parsed: `rollout next --probe-url … --help` shows the help, not an error
  if (words.includes('--help') || words.includes('-h')) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  const parse = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw new UserError(`${command}: ${(e as Error).message.split('\n')[0]}`, `see falco-doctor ${command} --help`);
    }
  };
  const catalogue = await readCatalogue();
  if (command === 'rollout') {
    const { values, positionals } = parse(() => parseArgs({ args: words, options: ROLLOUT_OPTIONS, allowPositionals: true, strict: true }));
    return (await runRolloutCommand(toRolloutRequest(values, positionals[0], after, catalogue, version), { docker: connectDocker(), io, confirm })) as ExitCode;
  }
  const { values, positionals } = parse(() => parseArgs({ args: words, options: CHECKLIST_OPTIONS, allowPositionals: true, strict: true }));
  const tty = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  return (await runChecklistCommand(toChecklistRequest(values, positionals, catalogue, version, tty), { docker: connectDocker(), io })) as ExitCode;
}
