// `npm run build:standalone`: the whole tool as one file to copy onto a VPS.
//   1. esbuild bundles src/standalone.ts into ONE CommonJS script, dist/standalone/falco-doctor.cjs
//      (Node's single executable application runs a CommonJS main script), with the runbooks/ and
//      checklists/ YAML embedded (src/adapters/shipped-files.ts reads them from there). It runs
//      anywhere with `node falco-doctor.cjs`, no node_modules needed.
//   2. Node's SEA support (Node 20: `node --experimental-sea-config`) turns it into a blob, and
//      postject injects the blob into a copy of this node binary: dist/standalone/falco-doctor.
// Linux only (the tool's target; macOS and Windows also need the binary re-signed).
// Usage: node scripts/build-standalone.mjs [--outdir DIR]   (default dist/standalone)
import { build } from 'esbuild';
import { copyFileSync, chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'postject';
import { sharedOptions, printSizes, OPTIONAL_NATIVE } from './esbuild-options.mjs';
import { leanPlugins } from './lean-bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const DATA_FOLDERS = ['runbooks', 'checklists'];

const outFlag = process.argv.indexOf('--outdir');
if (outFlag >= 0 && !process.argv[outFlag + 1]) {
  console.error('build-standalone: --outdir needs a folder');
  process.exit(2);
}
const outdir = path.resolve(outFlag >= 0 ? process.argv[outFlag + 1] : path.join(ROOT, 'dist', 'standalone'));

if (process.platform !== 'linux') {
  console.error(`build-standalone: only Linux is supported (this is ${process.platform})`);
  process.exit(1);
}

/** 'runbooks/codes.yaml' → text, for src/adapters/shipped-files.ts */
function dataFiles() {
  const files = {};
  for (const folder of DATA_FOLDERS)
    for (const name of readdirSync(path.join(ROOT, folder))
      .filter((n) => n.endsWith('.yaml'))
      .sort())
      files[`${folder}/${name}`] = readFileSync(path.join(ROOT, folder, name), 'utf8');
  return files;
}

// Nothing can stay external: a SEA's require() loads built-in modules only (and warns otherwise).
// docker-modem requires ssh2 at load time (for ssh:// hosts, which we do not use): a stand-in that
// fails only when used. Modules that dependencies require inside try/catch and that are not
// installed (debug's supports-color) become modules that throw
// "Cannot find module" when loaded, as Node would without them.
const notBundled = {
  name: 'not-bundled',
  setup(b) {
    const native = new RegExp(`^(${OPTIONAL_NATIVE.join('|')})$`);
    b.onResolve({ filter: native }, (a) => ({ path: a.path, namespace: 'optional-native-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'optional-native-stub' }, (a) => ({
      contents: `function e() { throw new Error('${a.path} is not in the standalone build: DOCKER_HOST=ssh:// is not supported, use a socket or tcp://'); }
module.exports = new Proxy(e, { get: (_, k) => (k === '__esModule' ? false : e) });`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^[^./]/ }, async (a) => {
      if (a.pluginData === 'not-bundled' || isBuiltin(a.path)) return undefined;
      const r = await b.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, pluginData: 'not-bundled' });
      return r.errors.length > 0 ? { path: a.path, namespace: 'absent-module' } : r;
    });
    b.onLoad({ filter: /.*/, namespace: 'absent-module' }, (a) => ({
      contents: `throw Object.assign(new Error("Cannot find module '${a.path}'"), { code: 'MODULE_NOT_FOUND' });`,
      loader: 'js',
    }));
  },
};

// CommonJS has no top-level await. yoga-layout's entry awaits its WebAssembly: point it at the
// engine src/standalone.ts loads before anything else. Ink's reconciler awaits twice, only with
// DEV=true (React devtools, stubbed anyway): those awaits go. A patch whose source text changed
// fails the build rather than produce a script that breaks at run time.
const INK_DEV_AWAITS = [
  ["await import('./devtools.js');", '/* devtools: not in the standalone build */'],
  ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
];
const noTopLevelAwait = {
  name: 'no-top-level-await',
  setup(b) {
    b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: 'yoga-layout', namespace: 'loaded-yoga' }));
    b.onLoad({ filter: /.*/, namespace: 'loaded-yoga' }, () => ({
      contents: `export * from 'yoga-layout/load';
export default globalThis.__FALCO_DOCTOR_YOGA__ ?? new Proxy({}, { get() { throw new Error('the layout engine is loaded only when stdout is a terminal'); } });`,
      resolveDir: ROOT,
      loader: 'js',
    }));
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (a) => {
      let text = readFileSync(a.path, 'utf8');
      for (const [from, to] of INK_DEV_AWAITS) {
        if (!text.includes(from)) throw new Error(`${a.path}: "${from}" not found: update INK_DEV_AWAITS in scripts/build-standalone.mjs`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

mkdirSync(outdir, { recursive: true });
const shared = sharedOptions();
const script = path.join(outdir, 'falco-doctor.cjs');
const blob = path.join(outdir, 'sea-prep.blob');
const config = path.join(outdir, 'sea-config.json');
const exe = path.join(outdir, 'falco-doctor');
// only the files this script makes: the folder may be one the caller owns
for (const f of [script, blob, config, exe]) rmSync(f, { force: true });
const result = await build({
  ...shared,
  entryPoints: [path.join(ROOT, 'src', 'standalone.ts')],
  outfile: script,
  format: 'cjs',
  external: [],
  plugins: [...shared.plugins, ...leanPlugins, notBundled, noTopLevelAwait],
  define: {
    ...shared.define,
    __FALCO_DOCTOR_DATA__: JSON.stringify(dataFiles()),
    // the ESM sources ask import.meta.url for their own file: in CommonJS that is __filename (in a SEA,
    // the executable)
    'import.meta.url': '__falco_doctor_url',
  },
  banner: { js: "var __falco_doctor_url = require('node:url').pathToFileURL(__filename).href;" },
  absWorkingDir: ROOT,
});
printSizes(result);
chmodSync(script, 0o755);

// the SEA: blob, then a copy of node with the blob injected
const node = process.execPath;
if (!readFileSync(node).includes(SEA_FUSE)) {
  console.error(`build-standalone: ${node} has no SEA fuse (${SEA_FUSE}): use an official Node.js 20 build`);
  process.exit(1);
}
// useCodeCache: V8's compile cache of the script goes in the blob (startup); it is valid because the
// executable is this very node binary
writeFileSync(config, `${JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }, null, 2)}\n`);
execFileSync(node, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
copyFileSync(node, exe);
chmodSync(exe, 0o755);
// (postject's ELF reader prints "Can't find string offset for section name" for node's notes: harmless)
await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE });
rmSync(blob);
console.log(`${exe} (${(statSync(exe).size / 1024 / 1024).toFixed(1)} MiB)`);
