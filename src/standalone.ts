// Entry of the single-file build (scripts/build-standalone.mjs → dist/standalone/falco-doctor.cjs),
// the script Node's single executable application runs. That script must be CommonJS, and CommonJS
// has no top-level await — which yoga-layout (Ink's layout engine) uses to compile its WebAssembly.
// So the build points `yoga-layout` at a module that hands out the engine this entry loads here,
// before the composition root (and with it any Ink screen) is evaluated. Every Ink screen needs a
// terminal on stdout, so without one the engine (~50 ms) is not loaded. Like boot.ts, it answers
// `--version` with nothing else loaded.
import { loadYoga } from 'yoga-layout/load';

declare const __FALCO_DOCTOR_VERSION__: string;

const argv = process.argv.slice(2);
const asksVersion = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V' || argv[0] === 'version');
const setEngine = (yoga: unknown) => void ((globalThis as { __FALCO_DOCTOR_YOGA__?: unknown }).__FALCO_DOCTOR_YOGA__ = yoga);
if (asksVersion) process.stdout.write(`${__FALCO_DOCTOR_VERSION__}\n`);
else
  void (process.stdout.isTTY ? loadYoga().then(setEngine) : Promise.resolve()).then(
    () => import('./cli/cli.js'),
    (e: unknown) => {
      process.stderr.write(`falco-doctor: cannot load the layout engine: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
