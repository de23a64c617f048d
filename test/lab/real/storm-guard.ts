// falco-doctor lab: the storm yields while real Falco loads its probe. On these machines (kernel 6.18,
// 2 cores) the kernel's verifier, slowed by the storm's fork/exec churn, gave up on the probe after ~55 s
// ("prog 'recvmmsg_x': failed to load: -11", then "Initialization issues during scap_init") at every start
// and every configuration reload, and Falco exited; with the storm paused the probe loaded in ~4 s. The
// guard follows Falco's log and pauses the storm container from "Trying to open the right engine!" until
// the probe is attached (libpman's TOCTOU lines, logged right after a successful load) or has failed,
// 60 s at most. The doctor is not told: it sees a Falco that reloads the way it does on an ordinary host.
import readline from 'node:readline';
import { execa, type ResultPromise } from 'execa';
import { dockerMaybe } from '../docker-cli.js';

const LOADING = 'Trying to open the right engine!';
const SETTLED = /TOCTOU mitigation|Initialization issues|failed to load BPF|Events detected/;
const MAX_PAUSE_MS = 60_000;

export interface StormGuard {
  /** Times the storm was paused for a probe load (the tests read it to know the guard acted). */
  pauses(): number;
  stop(): Promise<void>;
}

export function guardStorm(falco: string, storm: string): StormGuard {
  const follow: ResultPromise = execa('docker', ['logs', '-f', '--since', new Date().toISOString(), falco], { reject: false, all: true, buffer: false });
  let paused = false;
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  // pause and unpause run one after the other, in the order the log asked for them
  let queue: Promise<unknown> = Promise.resolve();
  const run = (verb: 'pause' | 'unpause'): Promise<unknown> => (queue = queue.then(() => dockerMaybe([verb, storm])));
  const resume = async (): Promise<void> => {
    clearTimeout(timer);
    if (paused) {
      paused = false;
      void run('unpause');
    }
    await queue;
  };
  const lines = readline.createInterface({ input: follow.all! });
  lines.on('line', (line) => {
    if (line.includes(LOADING) && !paused) {
      paused = true;
      count++;
      void run('pause');
      timer = setTimeout(() => void resume(), MAX_PAUSE_MS);
    } else if (paused && SETTLED.test(line)) void resume();
  });
  return {
    pauses: () => count,
    stop: async () => {
      lines.close();
      // killed, not awaited: with its output no longer read, execa's promise would wait for the stream forever
      follow.kill();
      follow.catch(() => undefined);
      await resume();
    },
  };
}
