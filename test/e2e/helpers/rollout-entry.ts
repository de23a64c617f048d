// Test entry for `falco-doctor rollout` and `checklist` until the lead wires them into src/cli.tsx:
// the same flags (ROLLOUT_OPTIONS / CHECKLIST_OPTIONS), adapters and exit-code mapping. Run with tsx:
//   tsx test/e2e/helpers/rollout-entry.ts rollout next --service ai-trading-bot --probe-url URL ...
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { EXIT, UserError, errorMessage } from '../../../src/core/errors.js';
import { readCatalogue } from '../../../src/adapters/catalogue-files.js';
import { connectDocker } from '../../../src/adapters/docker/client.js';
import { runRolloutCommand } from '../../../src/commands/rollout.js';
import { ROLLOUT_OPTIONS, toRolloutRequest } from '../../../src/commands/rollout-args.js';
import { CHECKLIST_OPTIONS, runChecklistCommand, toChecklistRequest } from '../../../src/commands/checklist.js';

const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const dash = rest.indexOf('--');
  const words = dash < 0 ? rest : rest.slice(0, dash);
  const after = dash < 0 ? [] : rest.slice(dash + 1);
  const catalogue = await readCatalogue();
  if (command === 'rollout') {
    const { values, positionals } = parseArgs({ args: words, options: ROLLOUT_OPTIONS, allowPositionals: true, strict: true });
    return runRolloutCommand(toRolloutRequest(values, positionals[0], after, catalogue, 'test'), { docker: connectDocker(), io, confirm });
  }
  if (command === 'checklist') {
    const { values, positionals } = parseArgs({ args: words, options: CHECKLIST_OPTIONS, allowPositionals: true, strict: true });
    const tty = Boolean(process.stdout.isTTY && process.stdin.isTTY);
    return runChecklistCommand(toChecklistRequest(values, positionals, catalogue, 'test', tty), { docker: connectDocker(), io });
  }
  throw new UserError('usage: rollout [status|next|abort] ... | checklist [confirm ITEM --note TEXT] ...');
}

const keepAlive = setInterval(() => {}, 60_000);
main(process.argv.slice(2)).then(
  (code) => {
    clearInterval(keepAlive);
    process.exitCode = code;
  },
  (e: unknown) => {
    clearInterval(keepAlive);
    process.stderr.write(`falco-doctor: ${errorMessage(e)}\n${e instanceof UserError && e.hint ? `  hint: ${e.hint}\n` : ''}`);
    if (process.env['FALCO_DOCTOR_DEBUG'] && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = e instanceof UserError ? e.exitCode : EXIT.runtime;
  },
);
