// Records the bundles in examples/: each lab scenario brought up on the real Docker engine, measured
// by the same collector `falco-doctor bundle` uses, redacted, then written with machine-specific paths
// replaced by the operator's usual ones (/srv/falco) so no host path of this machine is committed.
// Run: npx tsx scripts/record-examples.ts [scenario...]   (needs Docker; the target is the Falco STAND-IN)
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { labUp, labDown } from '../test/lab/lab.js';
import { SCENARIO_NAMES, type ScenarioName } from '../test/lab/scenarios.js';
import { connectDocker } from '../src/adapters/docker/client.js';
import { collectSnapshot } from '../src/adapters/collect.js';
import { redactSnapshot } from '../src/core/bundle.js';
import { toolVersion } from '../src/version.js';
import { packageRoot } from '../src/adapters/catalogue-files.js';

const root = packageRoot();
const wanted = (process.argv.slice(2) as ScenarioName[]).filter((s) => SCENARIO_NAMES.includes(s));

for (const scenario of wanted.length ? wanted : SCENARIO_NAMES) {
  const lab = await labUp(scenario);
  // let the scenario settle: the stand-in's first drop alert and metrics snapshots come within seconds
  await new Promise((r) => setTimeout(r, 8000));
  const snapshot = await collectSnapshot(
    connectDocker(),
    { container: lab.falcoContainer, windowMs: 8000, sampleEveryMs: 1000, lookbackMs: 300_000, toolVersion: toolVersion(), hostVisible: true },
    () => {},
  );
  const text = JSON.stringify(redactSnapshot(snapshot), null, 1).split(lab.configDir).join('/srv/falco');
  const out = path.join(root, 'examples', `${scenario}.bundle.json`);
  await writeFile(out, `${text}\n`);
  console.error(`recorded ${path.relative(root, out)}`);
}
await labDown();
