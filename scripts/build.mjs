// Bundles the CLI into ESM chunks under dist/: dist/cli.js is a small entry (src/boot.ts) that
// answers --version itself and imports the composition root on demand; the Ink UI and the other
// dynamic imports become their own chunks, so a command parses only the code it runs. Dependencies
// are bundled except the optional native ones dockerode can use for SSH (we talk to a local socket
// or TCP).
import { build } from 'esbuild';
import { readFileSync, chmodSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Ink loads react-devtools-core only when DEV=true; a stub keeps it out of the bundle.
const devtoolsStub = {
  name: 'devtools-stub',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'stub', namespace: 'devtools-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'devtools-stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
  },
};

rmSync('dist', { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: 'src/boot.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  external: ['ssh2', 'cpu-features'],
  plugins: [devtoolsStub],
  define: { __FALCO_DOCTOR_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  // every chunk is its own module scope: each gets the CommonJS `require` bundled CJS code expects
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
  metafile: Boolean(process.env['BUILD_META']),
});
if (result.metafile) {
  for (const [file, o] of Object.entries(result.metafile.outputs)) console.log(`${(o.bytes / 1024).toFixed(0).padStart(6)} KiB  ${file}`);
}
chmodSync('dist/cli.js', 0o755);
