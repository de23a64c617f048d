// Bundled by bench/run.mjs into bench/.data/observer.mjs. Samples one container once a second for
// N seconds with one method (`api`: one-shot stats calls, `cgroup`: the cgroup files) and prints
// the samples and this process's own CPU time over the window as one JSON line.
import { connectDocker } from '../../src/adapters/docker/client.js';
import { openSampler } from '../../src/adapters/docker/cgroup-stats.js';
import type { StatsSample } from '../../src/core/snapshot.js';

const [method, name, seconds] = process.argv.slice(2) as [string, string, string];
const docker = connectDocker();
const id = ((await docker.getContainer(name).inspect()) as { Id: string }).Id;
const sampler = await openSampler(docker, id, 2 ** 50, { hostVisible: method === 'cgroup' });
const samples: StatsSample[] = [];
const callMs: number[] = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i <= Number(seconds); i++) {
  const c = performance.now();
  samples.push(await sampler.next());
  callMs.push(performance.now() - c);
  const next = t0 + (i + 1) * 1000;
  await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
}
const cpu = process.cpuUsage(cpu0);
const wallMs = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ source: sampler.source, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, callMs, samples })}\n`);
