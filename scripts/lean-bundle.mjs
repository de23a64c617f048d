// esbuild plugins that keep code out of the bundle's startup path (issue 6: first frame < 400 ms,
// a light idle TUI). scripts/build.mjs uses them; they suit any build of the CLI.
import { readFile } from 'node:fs/promises';

// dockerode requires gRPC and protobufjs (~1 MB of code, ~100 ms to load, several MB of heap) for
// BuildKit sessions (buildImage with version 2), which falco-doctor never starts: a stub stands in.
const buildKitSessionStub = {
  name: 'buildkit-session-stub',
  setup(b) {
    b.onResolve({ filter: /^\.\/session$/ }, (a) =>
      /[\\/]dockerode[\\/]lib[\\/]/.test(a.importer) ? { path: 'session', namespace: 'buildkit-session-stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'buildkit-session-stub' }, () => ({
      contents: "module.exports = () => { throw new Error('falco-doctor does not bundle BuildKit sessions'); };",
      loader: 'js',
    }));
  },
};

// Ink's layout engine (yoga-layout) loads its WebAssembly, embedded as base64, with fetch() when
// there is one: in Node that loads undici (~40 ms, before the first frame) to decode a data: URL.
// Its own synchronous decoding (the path taken where fetch does not exist) is used instead.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (a) => {
      const source = await readFile(a.path, 'utf8');
      const patched = source.replaceAll('"function"!=typeof fetch', 'true');
      if (patched === source) return { warnings: [{ text: 'yoga-layout no longer tests `typeof fetch`: its loader is bundled unchanged' }] };
      return { contents: patched, loader: 'js' };
    });
  },
};

// docker-modem requires ssh2 (an SSH client, its crypto and its protocol tables) when it loads, for
// its ssh protocol alone: several MiB of heap held by every run. falco-doctor connects over unix://
// or tcp:// only (connectDocker), so ssh2 is never used; the require is made lazy rather than stubbed,
// so the modem stays as published and would load ssh2 (external) if a caller ever asked for ssh.
const lazySsh = {
  name: 'docker-modem-lazy-ssh',
  setup(b) {
    b.onLoad({ filter: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/ }, async (a) => {
      const source = await readFile(a.path, 'utf8');
      const patched = source.replace("ssh = require('./ssh'),", "ssh = function (opt) { return require('./ssh')(opt); },");
      if (patched === source) return { warnings: [{ text: "docker-modem no longer requires './ssh' as before: ssh2 is loaded eagerly" }] };
      return { contents: patched, loader: 'js' };
    });
  },
};

export const leanPlugins = [buildKitSessionStub, yogaWithoutFetch, lazySsh];
