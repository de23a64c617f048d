// falco-doctor lab: builds the two lab images without any registry. Each image is a rootfs holding the
// host's node binary plus the libraries `ldd` lists (paths preserved), a minimal /etc, /tmp and one
// esbuild bundle, loaded with `docker import --change ...`. A content hash of the inputs is stored as
// a label; when the existing image carries the same hash the build is skipped (repeat runs are fast).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { execa } from 'execa';
import { docker, dockerMaybe } from './docker-cli.js';
import { BUILD_DIR, LAB_DIR, REPO_ROOT } from './paths.js';

export const STANDIN_IMAGE = 'falco-doctor-lab/falco-standin:0.44.1';
export const BOT_IMAGE = 'falco-doctor-lab/trading-bot:1';
const HASH_LABEL = 'falco-doctor.lab.hash';

interface ImageSpec {
  tag: string;
  entry: string; // TypeScript entry point, bundled to /app/<bundle>
  bundle: string;
  nodeFlags: string[];
  role: 'standin' | 'protected-service';
  sources: string; // folder whose files feed the hash
  expose?: number;
}

const SPECS: ImageSpec[] = [
  {
    tag: STANDIN_IMAGE,
    entry: path.join(LAB_DIR, 'standin', 'main.ts'),
    bundle: 'falco-standin.mjs',
    nodeFlags: ['--expose-gc'], // lets a hot reload return the old ring buffers at once
    role: 'standin',
    sources: path.join(LAB_DIR, 'standin'),
    expose: 8765,
  },
  {
    tag: BOT_IMAGE,
    entry: path.join(LAB_DIR, 'bot', 'server.ts'),
    bundle: 'trading-bot.mjs',
    nodeFlags: [],
    role: 'protected-service',
    sources: path.join(LAB_DIR, 'bot'),
    expose: 8080,
  },
];

async function nodeBinary(): Promise<string> {
  return fs.realpathSync(process.execPath);
}

/** Shared libraries node needs, from `ldd` (the vdso has no file and is skipped). */
async function sharedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await execa('ldd', [binary]);
  const libs = new Set<string>();
  for (const line of stdout.split('\n')) {
    const m = /=>\s*(\/\S+)/.exec(line) ?? /^\s*(\/\S+)\s+\(/.exec(line);
    if (m?.[1]) libs.add(m[1]);
  }
  return [...libs];
}

function hashInputs(spec: ImageSpec, nodePath: string): string {
  const h = crypto.createHash('sha256');
  const files = fs
    .readdirSync(spec.sources, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(spec.sources, f)));
  h.update(fs.readFileSync(new URL(import.meta.url)));
  const yamlPkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'yaml', 'package.json'), 'utf8')) as { version: string };
  const st = fs.statSync(nodePath);
  h.update(`${process.version}:${st.size}:${st.mtimeMs}:yaml@${yamlPkg.version}:${JSON.stringify(spec.nodeFlags)}`);
  return h.digest('hex').slice(0, 16);
}

async function currentHash(tag: string): Promise<string | undefined> {
  const r = await dockerMaybe(['image', 'inspect', '--format', `{{ index .Config.Labels "${HASH_LABEL}" }}`, tag]);
  return r.ok ? r.stdout.trim() : undefined;
}

function copyPreservingPath(file: string, rootfs: string): void {
  const dest = path.join(rootfs, file);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(file, dest); // follows symlinks: the image gets the real library under the linked name
  fs.chmodSync(dest, 0o755);
}

async function assembleRootfs(spec: ImageSpec, nodePath: string, rootfs: string): Promise<void> {
  fs.rmSync(rootfs, { recursive: true, force: true });
  for (const dir of ['app', 'etc/falco', 'root', 'tmp']) fs.mkdirSync(path.join(rootfs, dir), { recursive: true });
  fs.chmodSync(path.join(rootfs, 'tmp'), 0o1777);
  copyPreservingPath(nodePath, rootfs);
  for (const lib of await sharedLibraries(nodePath)) copyPreservingPath(lib, rootfs);
  fs.writeFileSync(path.join(rootfs, 'etc/passwd'), 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n');
  fs.writeFileSync(path.join(rootfs, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n');
  await build({
    entryPoints: [spec.entry],
    outfile: path.join(rootfs, 'app', spec.bundle),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // yaml is bundled in; Node built-ins stay external. createRequire keeps any CJS dependency working in ESM.
    banner: { js: "import { createRequire as __labRequire } from 'node:module'; const require = __labRequire(import.meta.url);" },
  });
}

async function buildImage(spec: ImageSpec, nodePath: string, hash: string): Promise<void> {
  const name = spec.tag.replace(/[^a-z0-9]+/gi, '-');
  const rootfs = path.join(BUILD_DIR, `rootfs-${name}`);
  const tarball = path.join(BUILD_DIR, `${name}.tar`);
  await assembleRootfs(spec, nodePath, rootfs);
  await execa('tar', ['--numeric-owner', '--owner=0', '--group=0', '-C', rootfs, '-cf', tarball, '.']);
  const entrypoint = JSON.stringify([nodePath, ...spec.nodeFlags, `/app/${spec.bundle}`]);
  const changes = [
    `ENTRYPOINT ${entrypoint}`,
    'WORKDIR /',
    `LABEL falco-doctor.lab=${spec.role}`,
    `LABEL ${HASH_LABEL}=${hash}`,
    ...(spec.expose ? [`EXPOSE ${spec.expose}`] : []),
  ];
  await docker(['import', ...changes.flatMap((c) => ['--change', c]), tarball, spec.tag], { timeoutMs: 300_000 });
  fs.rmSync(tarball, { force: true });
  fs.rmSync(rootfs, { recursive: true, force: true }); // ~100 MB per image; the image holds it now
}

export interface ImageBuildResult {
  tag: string;
  built: boolean;
  hash: string;
}

/** Builds whatever is out of date; a no-op (two `docker image inspect` calls) when hashes match. */
export async function ensureLabImages(log: (line: string) => void = () => {}): Promise<ImageBuildResult[]> {
  fs.mkdirSync(BUILD_DIR, { recursive: true });
  const nodePath = await nodeBinary();
  const results: ImageBuildResult[] = [];
  for (const spec of SPECS) {
    const hash = hashInputs(spec, nodePath);
    if ((await currentHash(spec.tag)) === hash) {
      results.push({ tag: spec.tag, built: false, hash });
      continue;
    }
    log(`building ${spec.tag} (inputs ${hash})`);
    await buildImage(spec, nodePath, hash);
    results.push({ tag: spec.tag, built: true, hash });
  }
  return results;
}
