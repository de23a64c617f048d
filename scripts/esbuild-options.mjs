// The esbuild options both builds share: scripts/build.mjs (dist/cli.js + chunks, ESM) and
// scripts/build-standalone.mjs (one CommonJS file for Node's single executable application).
import { readFileSync } from 'node:fs';

export const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** dockerode's optional native dependencies for SSH transports: we talk to a local socket or TCP. */
export const OPTIONAL_NATIVE = ['ssh2', 'cpu-features'];

// Ink loads react-devtools-core only when DEV=true; a stub keeps it out of the bundle.
export const devtoolsStub = {
  name: 'devtools-stub',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'stub', namespace: 'devtools-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'devtools-stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
  },
};

/** Everything but the entry, the output and the module format. */
export function sharedOptions() {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    external: [...OPTIONAL_NATIVE],
    plugins: [devtoolsStub],
    define: { __FALCO_DOCTOR_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: Boolean(process.env['BUILD_META']),
  };
}

/** BUILD_META=1: the size of every output file. */
export function printSizes(result) {
  if (!result.metafile) return;
  for (const [file, o] of Object.entries(result.metafile.outputs)) console.log(`${(o.bytes / 1024).toFixed(0).padStart(6)} KiB  ${file}`);
}
