// Stands in for `falco-doctor` with no arguments until the CLI routes to runHome: the loop the lead
// wires in src/cli.tsx — home, the picked screen, home again — with diagnose as the one real screen.
// Run with `node --import tsx test/e2e/helpers/home-entry.ts [--interval MS] [--container N] [--service N]`.
import { parseArgs } from 'node:util';
import { runHome, writeLastReport } from '../../../src/commands/home.js';
import { runDiagnosis } from '../../../src/commands/diagnose.js';
import { readCatalogue } from '../../../src/adapters/catalogue-files.js';
import { connectDocker } from '../../../src/adapters/docker/client.js';
import { channel } from '../../../src/core/channel.js';
import type { DiagnoseEvent } from '../../../src/core/events.js';

const { values } = parseArgs({
  options: { interval: { type: 'string' }, container: { type: 'string' }, service: { type: 'string' }, window: { type: 'string' } },
});
const noColor = (process.env['NO_COLOR'] ?? '') !== '';

async function diagnoseScreen(): Promise<void> {
  const { runDiagnoseUi } = await import('../../../src/ui/diagnose/run.js');
  const catalogue = await readCatalogue();
  const events = channel<DiagnoseEvent>();
  const collect = {
    container: values.container ?? null,
    windowMs: Number(values.window ?? 3) * 1000,
    sampleEveryMs: 1000,
    lookbackMs: 300_000,
    toolVersion: 'e2e',
    hostVisible: true,
  };
  runDiagnosis({ kind: 'live', docker: connectDocker(), collect }, { catalogue, thresholds: {}, only: [], toolVersion: 'e2e' }, (e) => events.push(e)).then(
    () => events.close(),
    (e) => events.fail(e),
  );
  const { report } = await runDiagnoseUi(events, { noColor });
  if (report) await writeLastReport(report);
}

for (;;) {
  const { next } = await runHome({
    container: values.container ?? null,
    service: values.service ?? null,
    intervalMs: Number(values.interval ?? 2000),
    noColor,
    available: ['diagnose'],
  });
  process.stdout.write(`home → ${next}\n`);
  if (next === 'quit') break;
  if (next === 'diagnose') await diagnoseScreen();
}
