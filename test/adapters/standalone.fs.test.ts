// The standalone executable (npm run build:standalone: Node's single executable application) runs
// outside the source tree: copied alone into an empty temp folder and run there, with an
// environment that names nothing of the repo (no node_modules, no runbooks/ beside it), it answers
// --version, diagnoses a bundle with the same findings as dist/cli.js, and draws its Ink screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DiagnosisReport } from '../../src/core/report.js';
import { REPO } from '../core/helpers/fixtures.js';
import { startTmux } from '../e2e/helpers/tmux.js';

const BUNDLE = 'event-drops.bundle.json';
let build: string;
let vps: string;
/** the only environment the executable gets: HOME and PATH in its own folder */
let env: Record<string, string>;
const run = (...args: string[]) => execa(path.join(vps, 'falco-doctor'), args, { cwd: vps, env, extendEnv: false, reject: false, timeout: 60_000 });

beforeAll(async () => {
  build = await mkdtemp(path.join(os.tmpdir(), 'fd-standalone-build-'));
  await execa('npm', ['run', '--silent', 'build:standalone', '--', '--outdir', build], { cwd: REPO });
  vps = await mkdtemp(path.join(os.tmpdir(), 'fd-vps-'));
  await copyFile(path.join(build, 'falco-doctor'), path.join(vps, 'falco-doctor'));
  await copyFile(path.join(REPO, 'examples', BUNDLE), path.join(vps, BUNDLE));
  env = { HOME: vps, PATH: vps, TERM: 'xterm-256color', DOCKER_HOST: 'tcp://127.0.0.1:9' };
}, 180_000);
afterAll(async () => {
  await rm(build, { recursive: true, force: true });
  await rm(vps, { recursive: true, force: true });
});

describe('standalone executable', () => {
  it('is alone, outside the repo, and run with nothing of the repo in its environment', async () => {
    expect(path.relative(REPO, vps).startsWith('..')).toBe(true);
    expect((await readdir(vps)).sort()).toEqual([BUNDLE, 'falco-doctor']);
    expect(Object.values(env).some((v) => v.includes(REPO))).toBe(false);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const r = await run('--version');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(pkg.version);
  });

  it('diagnose --bundle finds what dist/cli.js finds, with the runbooks embedded', async () => {
    const cli = path.join(REPO, 'dist', 'cli.js');
    expect(existsSync(cli), 'dist/cli.js: npm run build first').toBe(true);
    const [sa, ref] = await Promise.all([
      run('diagnose', '--bundle', BUNDLE, '--json', '--fail-on', 'none'),
      execa('node', [cli, 'diagnose', '--bundle', path.join('examples', BUNDLE), '--json', '--fail-on', 'none'], { cwd: REPO, reject: false }),
    ]);
    expect(sa.exitCode, sa.stderr).toBe(0);
    expect(ref.exitCode, ref.stderr).toBe(0);
    const mine = JSON.parse(sa.stdout) as DiagnosisReport;
    const theirs = JSON.parse(ref.stdout) as DiagnosisReport;
    expect(theirs.findings.map((f) => f.code)).toContain('FD-DROP-BUFFER');
    expect(mine.findings).toEqual(theirs.findings);
    expect(mine.runbooks).toEqual(theirs.runbooks);
    // nothing on stderr but the progress lines (no warning from the SEA loader)
    expect(sa.stderr.split('\n').filter((l) => !/^\[(ok {2}|warn|FAIL|skip)\] /.test(l) && l !== '')).toEqual([]);
    const info = JSON.parse((await run('info', '--json')).stdout) as { paths: { runbooks: string; checklists: string } };
    expect(info.paths).toMatchObject({ runbooks: 'embedded:runbooks', checklists: 'embedded:checklists' });
  });

  it('draws the diagnose screen in a terminal (Ink and its layout engine are in the executable)', async () => {
    const screen = await startTmux(
      ['env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), path.join(vps, 'falco-doctor'), 'diagnose', '--bundle', BUNDLE],
      { cwd: vps, recordExit: false },
    );
    try {
      await screen.waitForText('FD-DROP-BUFFER', 20_000);
      await screen.waitForText('q quit', 5_000);
      await screen.keys('q');
    } finally {
      await screen.kill();
    }
  });
});
