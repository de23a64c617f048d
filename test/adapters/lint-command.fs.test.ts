// `falco-doctor lint` as an operator runs it (the built CLI, a real process, real files): the shipped
// configs of real releases, a drop-in folder beside falco.yaml, real rules releases, and broken files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, REPO_ROOT, fixture } from '../core/helpers/fixtures.js';
import { CONTAINER_PLUGIN_DROP_IN } from '../lab/scenarios.js';

const cli = path.join(REPO_ROOT, 'dist/cli.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'fd-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lint = (...args: string[]) => spawnSync(process.execPath, [cli, 'lint', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const release = (v: string) => path.join(FIXTURES_DIR, `releases/falco-${v}.yaml`);

describe('falco-doctor lint', () => {
  it('every shipped falco.yaml, for its own release: no findings, exit 0', () => {
    const versions = readdirSync(path.join(FIXTURES_DIR, 'releases')).map((f) => f.replace(/^falco-|\.yaml$/g, ''));
    expect(versions).toHaveLength(24);
    for (const v of versions) {
      const r = lint(release(v), '--falco-version', v, '--json');
      expect(r.status, `${v}: ${r.stderr}`).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.files[0].issues, v).toEqual([]);
      expect(out.refusals, v).toEqual([]);
      if (out.files[0].schema) expect(out.files[0].schema.ok, v).toBe(true);
    }
  });

  it('a drop-in folder named by config_files is read; a tuning guide snippet in it: file:line, exit 3', () => {
    const etc = path.join(dir, 'etc');
    mkdirSync(path.join(etc, 'config.d'), { recursive: true });
    const main = fixture('releases/falco-0.42.1.yaml').replace(/^config_files:\n {2}- \/etc\/falco\/config\.d$/m, `config_files:\n  - ${etc}/config.d`);
    writeFileSync(path.join(etc, 'falco.yaml'), main);
    writeFileSync(path.join(etc, 'config.d', '10-tuning.yaml'), 'metrics:\n  collection_interval_seconds: 30\n');
    const r = lint(path.join(etc, 'falco.yaml'), '--falco-version', '0.42.1');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(`${etc}/config.d/10-tuning.yaml:2: error: FD-CONF-NOT-A-FALCO-KEY: metrics.collection_interval_seconds is not a Falco key`);
  });

  it('rules: enabled, skipped below the priority minimum, a file refused for its required_engine_version (exit 2)', () => {
    const rules = path.join(FIXTURES_DIR, 'rules-releases/falco-incubating_rules-6.0.1.yaml');
    const ok = lint(release('0.44.1'), '--falco-version', '0.44.1', '--rules', rules, '--override', 'priority=warning', '--json');
    expect(ok.status).toBe(0);
    const summary = JSON.parse(ok.stdout).rules;
    expect(summary.total).toBeGreaterThan(0);
    expect(summary.belowPriority).toBeGreaterThan(0);
    expect(summary.enabled + summary.belowPriority).toBeLessThanOrEqual(summary.total);
    const old = lint(release('0.35.0'), '--falco-version', '0.35.0', '--rules', rules);
    expect(old.status).toBe(2);
    expect(old.stdout).toMatch(/refused: .*falco-incubating_rules-6\.0\.1\.yaml requires engine version \S+, but Falco 0\.35\.0 runs engine 0\.17\.0/);
  });

  it('rules requiring the container plugin: a note while config.d is not here, met by the drop-in, refused (exit 2) when config.d lacks it', () => {
    const rules = path.join(FIXTURES_DIR, 'rules-releases/falco_rules-5.0.0.yaml');
    const absent = lint(release('0.42.1'), '--falco-version', '0.42.1', '--rules', rules);
    expect(absent.status).toBe(0); // /etc/falco/config.d is not on this machine: what it loads is unknown
    expect(absent.stdout).toMatch(/note: container \(>= 0\.4\.0\) required by the rules, .*\/etc\/falco\/config\.d \(config_files\) is not on this machine/);
    const etc = path.join(dir, 'plugins-etc');
    mkdirSync(path.join(etc, 'config.d'), { recursive: true });
    writeFileSync(
      path.join(etc, 'falco.yaml'),
      fixture('releases/falco-0.42.1.yaml').replace(/^config_files:\n {2}- \/etc\/falco\/config\.d$/m, `config_files:\n  - ${etc}/config.d`),
    );
    const empty = lint(path.join(etc, 'falco.yaml'), '--falco-version', '0.42.1', '--rules', rules);
    expect(empty.status).toBe(2);
    expect(empty.stdout).toContain(`refused: ${rules}:30: Plugin requirement not satisfied, must load one of: container (>= 0.4.0) (no plugin is loaded`);
    writeFileSync(path.join(etc, 'config.d', 'falco.container_plugin.yaml'), CONTAINER_PLUGIN_DROP_IN);
    const met = lint(path.join(etc, 'falco.yaml'), '--falco-version', '0.42.1', '--rules', rules);
    expect(met.status, met.stdout).toBe(0);
    expect(met.stdout).not.toMatch(/Plugin requirement|note: container/);
  });

  it("a setting Falco refuses to start with: exit 2 with Falco's own words", () => {
    const r = lint(release('0.42.1'), '--falco-version', '0.42.1', '--override', 'metrics.enabled=true', '--override', 'metrics.output_rule=false');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('refused: metrics.enabled: Falco refuses to start: Metrics are enabled with no output configured');
  });

  it('broken YAML names file:line, exit 2; an unreadable file is named, exit 2; a version between releases says which one judged it', () => {
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'engine:\n  kind: modern_ebpf\n  modern_ebpf: [1,\n');
    const r = lint(broken, '--falco-version', '0.44.1');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`${broken}:\\d+: error: .*\\(Falco does not start\\)`));
    const missing = lint(path.join(dir, 'nope.yaml'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`lint: cannot read ${path.join(dir, 'nope.yaml')}`);
    const between = lint(release('0.42.1'), '--falco-version', '0.42.2');
    expect(between.status).toBe(0);
    expect(between.stdout).toContain('Falco 0.42.2 is not a release known to the catalogue (0.35.0–0.44.1): judged as Falco 0.42.1');
    expect(lint(release('0.42.1'), '--falco-version', 'latest').status).toBe(2);
  });

  it('Kubernetes input: the rendered DaemonSet + ConfigMap (budget table, exit 0), Helm values with a fictional key (exit 3), --json, a bad --node-cpus', () => {
    const K = path.join(FIXTURES_DIR, '../kubernetes');
    const ds = path.join(K, 'deploy-kubernetes/daemonset.yaml');
    const cm = path.join(K, 'deploy-kubernetes/configmap.yaml');
    const r = lint(ds, cm, '--node-cpus', '4,16,64');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\s+64\s+modern_ebpf\s+32\s+8 MB\s+256 MB\s+25 %\s+ok$/m);
    expect(r.stdout).toContain('configmap.yaml: no findings | schema validation (Falco 0.44.1): ok');
    const json = JSON.parse(lint(ds, cm, '--json').stdout);
    expect(json.budget.rows.map((x: { cpus: number }) => x.cpus)).toEqual([4, 4, 16, 16, 64, 64]);
    expect(json.workload.falcoVersion).toBe('0.44.1');
    const values = path.join(dir, 'values.yaml');
    writeFileSync(values, 'prometheus_output:\n  enabled: true\ndriver:\n  kind: modern_ebpf\n');
    const v = lint(values);
    expect(v.status).toBe(3);
    expect(v.stdout).toContain(`${values}:1: warning: FD-KUBE-NOT-A-CHART-VALUE: prometheus_output is not a value of chart falco 9.1.0: Helm ignores it`);
    const bad = lint(ds, cm, '--node-cpus', '4,x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--node-cpus: "x" is not a CPU count');
  });
});
