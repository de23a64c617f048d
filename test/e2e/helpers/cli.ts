// Runs the built CLI (dist/cli.js, built by `npm test` before vitest) as a user would.
import { execa } from 'execa';
import path from 'node:path';
import { REPO } from '../../core/helpers/fixtures.js';

export const CLI = path.join(REPO, 'dist/cli.js');

export async function runCli(args: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const r = await execa('node', [CLI, ...args], { reject: false, env: { ...env, CI: 'true' }, cwd: REPO, timeout: 120_000 });
  return { ...r, ms: performance.now() - started };
}
