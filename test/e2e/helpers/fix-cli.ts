// Test entry for fix/rollback/history with fixes the shipped catalogue does not have: the product's own
// parser (parseCli) and request builders (cli-context) with the catalogue extended by
// FALCO_DOCTOR_TEST_FIXES=<yaml file> (e.g. a fix Falco refuses, one that blinds it), errors mapped to exit
// codes as cli.tsx does. Run with tsx.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { EXIT, UserError, errorMessage } from '../../../src/core/errors.js';
import { FixCatalogueSchema } from '../../../src/core/fix/schema.js';
import { parseCli } from '../../../src/cli/args.js';
import { connectDocker, detectionFor, fixRequest, io, readCatalogue } from '../../../src/commands/cli-context.js';
import { runFixCommand } from '../../../src/commands/fix/fix.js';
import { rollbackCommand } from '../../../src/commands/rollback.js';
import { runHistoryCommand } from '../../../src/commands/history.js';

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv, false);
  if (args.command === 'history') return runHistoryCommand(args, io);
  const docker = await connectDocker();
  if (args.command === 'rollback') return rollbackCommand(args, io);
  if (args.command !== 'fix') throw new UserError('usage: fix ID [--yes] | rollback [ID|--last] | history [--json]');
  const catalogue = await readCatalogue();
  const extra = process.env['FALCO_DOCTOR_TEST_FIXES'];
  if (extra) Object.assign(catalogue.fixes, FixCatalogueSchema.parse(YAML.parse(readFileSync(extra, 'utf8'))).fixes);
  const detection = await detectionFor(docker, args, args.container, args.yes);
  return runFixCommand(docker, fixRequest(args, args.fixId, args.container, catalogue, detection), args.yes, io);
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
