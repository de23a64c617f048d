// Test entry for the fix/rollback/history commands until the lead wires them into src/cli/cli.tsx: parses
// the same flags, builds the same adapters and maps errors to exit codes as cli.tsx does. Run with tsx.
// FALCO_DOCTOR_TEST_FIXES=<yaml file> adds fixes (e.g. one Falco refuses) to the shipped catalogue.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { EXIT, UserError, errorMessage } from '../../../src/core/errors.js';
import { FixCatalogueSchema } from '../../../src/core/fix/schema.js';
import { readCatalogue } from '../../../src/adapters/catalogue-files.js';
import { connectDocker } from '../../../src/adapters/docker/client.js';
import { runFixCommand, FIX_DEFAULTS } from '../../../src/commands/fix/fix.js';
import { runRollbackCommand } from '../../../src/commands/rollback.js';
import { runHistoryCommand } from '../../../src/commands/history.js';

const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };

async function main(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      yes: { type: 'boolean' },
      last: { type: 'boolean' },
      json: { type: 'boolean' },
      container: { type: 'string' },
      'state-dir': { type: 'string' },
      window: { type: 'string' },
      settle: { type: 'string' },
      'reload-timeout': { type: 'string' },
      'max-changes-per-hour': { type: 'string' },
    },
  });
  const [command, id] = positionals;
  const stateDir = v['state-dir'] ?? null;
  const timings = {
    settleSeconds: Number(v.settle ?? FIX_DEFAULTS.timings.settleSeconds),
    reloadTimeoutSeconds: Number(v['reload-timeout'] ?? FIX_DEFAULTS.timings.reloadTimeoutSeconds),
  };
  if (command === 'history') return runHistoryCommand({ stateDir, json: Boolean(v.json) }, io);
  if (command === 'rollback') return runRollbackCommand(connectDocker(), { id: id ?? null, last: Boolean(v.last), stateDir, timings }, io);
  if (command !== 'fix' || !id) throw new UserError('usage: fix ID [--yes] | rollback [ID|--last] | history [--json]');
  const catalogue = await readCatalogue();
  const extra = process.env['FALCO_DOCTOR_TEST_FIXES'];
  if (extra) Object.assign(catalogue.fixes, FixCatalogueSchema.parse(YAML.parse(readFileSync(extra, 'utf8'))).fixes);
  const req = {
    ...FIX_DEFAULTS,
    fixId: id,
    container: v.container ?? null,
    stateDir,
    timings,
    catalogue,
    toolVersion: 'test',
    hostVisible: true,
    thresholds: {},
    windowSeconds: Number(v.window ?? FIX_DEFAULTS.windowSeconds),
    maxChangesPerHour: Number(v['max-changes-per-hour'] ?? FIX_DEFAULTS.maxChangesPerHour),
  };
  return runFixCommand(connectDocker(), req, Boolean(v.yes), io);
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
