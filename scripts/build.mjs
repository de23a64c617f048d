// Bundles the CLI into ESM chunks under dist/: dist/cli.js is a small entry (src/boot.ts) that
// answers --version itself and imports the composition root on demand; the Ink UI and the other
// dynamic imports become their own chunks, so a command parses only the code it runs. Dependencies
// are bundled except the optional native ones dockerode can use for SSH (we talk to a local socket
// or TCP).
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { sharedOptions, printSizes } from './esbuild-options.mjs';
import { leanPlugins } from './lean-bundle.mjs';

rmSync('dist', { recursive: true, force: true });
const shared = sharedOptions();
const result = await build({
  ...shared,
  plugins: [...shared.plugins, ...leanPlugins],
  entryPoints: { cli: 'src/boot.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  // every chunk is its own module scope: each gets the CommonJS `require` bundled CJS code expects
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
printSizes(result);
chmodSync('dist/cli.js', 0o755);
