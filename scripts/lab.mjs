#!/usr/bin/env node
// falco-doctor lab CLI: `node scripts/lab.mjs up [--real] <scenario> | storm [stop] | down | status | build`.
// Loads test/lab/*.ts through tsx's API (tsx is a devDependency); makes sure Docker runs and the
// lab images exist before `up`. Without --real the Falco container runs the lab's STAND-IN, not Falco;
// with --real it runs the real Falco 0.42.1 of ../shared/real-falco (imported on first use).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (rel) => tsImport(path.join(root, rel), import.meta.url);
const args = process.argv.slice(2);
const real = args.includes('--real');
const [command, scenario] = args.filter((a) => a !== '--real');
const usage =
  'usage: node scripts/lab.mjs up <healthy|high-cpu|memory-pressure|event-drops> | up --real <healthy|event-drops|high-cpu|memory-pressure|startup-peak> | storm [stop] | kube | down | status | build';

async function prepareEngine() {
  execFileSync(path.join(root, 'scripts', 'ensure-docker.sh'), { stdio: 'inherit' });
  const { ensureLabImages } = await load('test/lab/images.ts');
  await ensureLabImages((line) => console.error(`lab: ${line}`));
}

/**
 * The storm's guard (test/lab/real/storm-guard.ts) lives in this process: it pauses the storm while Falco
 * loads its probe, which the storm otherwise makes fail on these machines. Stays in the foreground until the
 * storm ends by itself or Ctrl-C, which ends the storm and leaves Falco and the bot running.
 */
async function guardUntilInterrupted(seconds) {
  const { stopStorm } = await load('test/lab/real/lab.ts');
  console.error(`lab: storm running for ${seconds} s; it pauses while Falco loads its probe. Ctrl-C ends the storm (Falco stays up).`);
  const end = async () => {
    await stopStorm();
    process.exit(0);
  };
  process.on('SIGINT', end);
  process.on('SIGTERM', end);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await stopStorm();
}

try {
  if (command === 'up' && real) {
    const { REAL_SCENARIO_NAMES } = await load('test/lab/real/scenarios.ts');
    if (!REAL_SCENARIO_NAMES.includes(scenario)) throw new Error(`unknown real-Falco scenario '${scenario ?? ''}'\n${usage}`);
    await prepareEngine();
    const { realLabUp } = await load('test/lab/real/lab.ts');
    const lab = await realLabUp(scenario);
    console.log(JSON.stringify({ ...lab, scenario: lab.scenario.name, why: lab.scenario.why, measured: lab.scenario.measured }, null, 2));
    if (lab.scenario.storm) await guardUntilInterrupted(lab.scenario.storm.seconds);
  } else if (command === 'storm') {
    const { startStorm, stopStorm } = await load('test/lab/real/lab.ts');
    if (scenario === 'stop') await stopStorm();
    else {
      const { REAL_SCENARIOS } = await load('test/lab/real/scenarios.ts');
      await prepareEngine();
      const storm = REAL_SCENARIOS['event-drops'].storm;
      await startStorm(storm);
      await guardUntilInterrupted(storm.seconds);
    }
  } else if (command === 'up') {
    const { SCENARIO_NAMES } = await load('test/lab/scenarios.ts');
    if (!SCENARIO_NAMES.includes(scenario)) throw new Error(`unknown scenario '${scenario ?? ''}'\n${usage}`);
    await prepareEngine();
    const { labUp } = await load('test/lab/lab.ts');
    console.log(JSON.stringify(await labUp(scenario), null, 2));
  } else if (command === 'down') {
    const { labDown } = await load('test/lab/lab.ts');
    await labDown();
    console.error('lab: containers removed');
  } else if (command === 'status') {
    const { labStatus } = await load('test/lab/lab.ts');
    console.log(JSON.stringify(await labStatus(), null, 2));
  } else if (command === 'kube') {
    // the kube lab's API server lives in this process: it runs until Ctrl-C, then removes its pods
    await prepareEngine();
    const { kubeLabUp } = await load('test/lab/kube/cluster.ts');
    const { THREE_NODES } = await load('test/lab/kube/scenario.ts');
    const lab = await kubeLabUp({ nodes: THREE_NODES, dir: path.join(root, '.lab', 'kube') });
    console.log(`kube lab (a Kubernetes-API STAND-IN, pods run the Falco STAND-IN) at ${lab.url}, pods ${JSON.stringify(lab.pods())}`);
    console.log(`try: node dist/cli.js diagnose --kube --kubeconfig ${lab.kubeconfig}`);
    const stop = () => lab.down().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await new Promise(() => {});
  } else if (command === 'build') {
    await prepareEngine();
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
} catch (e) {
  console.error(`lab: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
