// diagnose when Falco is not well: a falco.yaml Falco refuses (file and line, exit 2) and a stopped
// container (said so, exit 5). Against the real engine and the lab's Falco stand-in.
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { labUp, labDown, FALCO_CONTAINER } from '../lab/lab.js';
import { SCENARIOS } from '../lab/scenarios.js';
import { fixture } from '../core/helpers/fixtures.js';
import { runCli } from './helpers/cli.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** every file under the config folder with its bytes and mtime: diagnose must change none */
function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, n);
    if (statSync(p).isFile()) out[n] = `${statSync(p).mtimeMs} ${readFileSync(p, 'base64')}`;
  }
  return out;
}

afterAll(async () => {
  await labDown();
}, 60_000);

describe('diagnose on a broken Falco', () => {
  it('malformed falco.yaml: names the file and line, exit 2, writes nothing', async () => {
    const broken = fixture('falco-0.44.1.yaml').replace('watch_config_files: true', 'watch_config_files: true\nengine: [unclosed');
    const lab = await labUp({ ...SCENARIOS.healthy, name: 'broken-yaml', rawFalcoYaml: broken });
    const before = snapshotDir(lab.configDir);
    const r = await runCli(['diagnose', '--json', '--window', '3']);
    expect(snapshotDir(lab.configDir)).toEqual(before);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/Falco's configuration is invalid: \/etc\/falco\/falco\.yaml:\d+: /);
    // the stand-in exits on it and Docker restarts it: caught between restarts it may even be "running"
    const report = JSON.parse(r.stdout) as { configErrors: string[] };
    expect(report.configErrors[0]).toMatch(/^\/etc\/falco\/falco\.yaml:\d+: /);
  });

  it('stopped container: says so, exit 5', async () => {
    await labUp('healthy');
    await execa('docker', ['stop', '-t', '2', FALCO_CONTAINER]);
    const r = await runCli(['diagnose', '--json', '--window', '3']);
    expect(r.exitCode).toBe(5);
    expect(r.stderr).toContain(`the Falco container ${FALCO_CONTAINER} is exited`);
  });
});
