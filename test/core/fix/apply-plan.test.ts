import { describe, expect, it } from 'vitest';
import { buildApplyPlan, previewText, ApplyPlanError, type ApplyInputs } from '../../../src/core/fix/apply-plan.js';
import type { FixPlan } from '../../../src/core/fix/plan.js';

const LIMITS = { nanoCpus: 200_000_000, cpuQuota: 0, cpuPeriod: 0, memoryBytes: 512 * 2 ** 20, memorySwapBytes: 1024 * 2 ** 20 };
const FALCO_YAML = '# main\nengine:\n  kind: modern_ebpf\n  modern_ebpf:\n    buf_size_preset: 1 # small\nrules_files:\n  - /etc/falco/falco_rules.yaml\n';

function inputs(over: Partial<ApplyInputs> = {}): ApplyInputs {
  return {
    id: 'J1',
    configFiles: [{ path: '/etc/falco/falco.yaml', hostPath: '/srv/falco/falco.yaml', text: FALCO_YAML }],
    provenance: {},
    rulesFiles: ['/etc/falco/falco_rules.yaml'],
    localRules: { path: '/etc/falco/falco_rules.local.yaml', hostPath: '/srv/falco/falco_rules.local.yaml', text: null },
    compose: null,
    limits: LIMITS,
    configCmd: ['/usr/bin/falco'],
    ...over,
  };
}
const plan = (changes: FixPlan['changes']): FixPlan => ({ id: 'f', title: 'F', changes, refused: null, warnings: [] });

describe('buildApplyPlan', () => {
  it('edits only the value of a set key, keeping the comment', () => {
    const p = buildApplyPlan(plan([{ kind: 'config-set', key: 'engine.modern_ebpf.buf_size_preset', before: 1, after: 4 }]), inputs());
    expect(p.files).toHaveLength(1);
    expect(p.files[0]?.after).toBe(FALCO_YAML.replace('buf_size_preset: 1', 'buf_size_preset: 4'));
    expect(p.needsReload).toBe(true);
    expect(previewText(p)).toContain('-    buf_size_preset: 1 # small\n+    buf_size_preset: 4 # small');
  });

  it('disables rules with overrides in a new local file and adds it to rules_files', () => {
    const p = buildApplyPlan(plan([{ kind: 'disable-rules', rules: ['Noisy rule'], priorityBelow: 'warning' }]), inputs());
    const local = p.files.find((f) => f.path.endsWith('local.yaml'));
    expect(local?.before).toBeNull();
    expect(local?.after).toContain('- rule: Noisy rule\n  enabled: false\n  override:\n    enabled: replace\n');
    const main = p.files.find((f) => f.path.endsWith('falco.yaml'));
    expect(main?.after).toContain('  - /etc/falco/falco_rules.local.yaml');
  });

  it('edits the drop-in that sets the key, not falco.yaml', () => {
    const dropIn = { path: '/etc/falco/config.d/10.yaml', hostPath: '/srv/falco/config.d/10.yaml', text: 'outputs_queue:\n  capacity: 0\n' };
    const p = buildApplyPlan(
      plan([{ kind: 'config-set', key: 'outputs_queue.capacity', before: 0, after: 10000 }]),
      inputs({ configFiles: [inputs().configFiles[0]!, dropIn], provenance: { 'outputs_queue.capacity': { source: dropIn.path, line: 2 } } }),
    );
    expect(p.files.map((f) => f.path)).toEqual([dropIn.hostPath]);
  });

  it('refuses a key set on the command line', () => {
    const c = plan([{ kind: 'config-set', key: 'x.y', before: 1, after: 2 }]);
    expect(() => buildApplyPlan(c, inputs({ provenance: { 'x.y': { source: '-o x.y=1', line: null } } }))).toThrow(ApplyPlanError);
  });

  it('computes new limits (swap ratio kept) and persists them in the compose file', () => {
    const compose = { path: '/srv/compose.yml', service: 'falco', text: 'services:\n  falco:\n    image: falco # pinned\n    cpus: 0.2\n' };
    const p = buildApplyPlan(plan([{ kind: 'limits', cpus: { before: 0.2, after: 0.3 }, memoryMb: { before: 512, after: 768 } }]), inputs({ compose }));
    expect(p.limits).toEqual({ ...LIMITS, nanoCpus: 300_000_000, memoryBytes: 768 * 2 ** 20, memorySwapBytes: 1536 * 2 ** 20 });
    expect(p.files[0]?.after).toBe('services:\n  falco:\n    image: falco # pinned\n    cpus: 0.3\n    mem_limit: 768m\n');
    expect(p.needsReload).toBe(false);
  });

  it("a command-line change: the container's Cmd gains -U, and so does the compose command (a list, a string, or none yet)", () => {
    const change = plan([{ kind: 'command', before: ['/docker-entrypoint.sh', '/usr/bin/falco'], add: ['-U'] }]);
    const compose = (svc: string) => ({
      path: '/srv/compose.yml',
      service: 'falco',
      text: `services:\n  falco:\n    image: falcosecurity/falco:0.42.1 # pinned\n${svc}`,
    });
    const none = buildApplyPlan(change, inputs({ compose: compose('') }));
    expect(none.recreate).toEqual({ cmdBefore: ['/usr/bin/falco'], cmdAfter: ['/usr/bin/falco', '-U'] });
    expect(none.files[0]?.after).toBe('services:\n  falco:\n    image: falcosecurity/falco:0.42.1 # pinned\n    command: [ /usr/bin/falco, -U ]\n');
    expect(none.needsReload).toBe(false); // the re-create starts Falco afresh
    const list = buildApplyPlan(change, inputs({ compose: compose('    command:\n      - /usr/bin/falco # ours\n') }));
    expect(list.files[0]?.after).toContain('    command:\n      - /usr/bin/falco # ours\n      - -U\n');
    const str = buildApplyPlan(change, inputs({ compose: compose('    command: /usr/bin/falco -o json_output=true\n') }));
    expect(str.files[0]?.after).toContain('    command: /usr/bin/falco -o json_output=true -U\n');
    expect(buildApplyPlan(change, inputs({ configCmd: null })).recreate).toEqual({ cmdBefore: null, cmdAfter: ['-U'] }); // an ENTRYPOINT-only image
    expect(previewText(none)).toContain('container command: ["/usr/bin/falco"] → ["/usr/bin/falco","-U"]');
  });
});
