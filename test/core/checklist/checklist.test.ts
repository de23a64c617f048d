import path from 'node:path';
import { proofView } from '../../../src/core/canary/proof.js';
import { canaryState } from '../helpers/canary-state.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../src/adapters/catalogue-files.js';
import { qualifiedThresholds } from '../../../src/core/runbook/thresholds.js';
import type { Runbook } from '../../../src/core/runbook/schema.js';
import { loadChecklist } from '../../../src/core/checklist/load.js';
import { runBuiltin, type BuiltinInputs } from '../../../src/core/checklist/builtins.js';
import { evaluateChecklist, type ChecklistInputs } from '../../../src/core/checklist/evaluate.js';
import { formatChecklist } from '../../../src/core/checklist/format.js';
import type { EffectiveConfig } from '../../../src/core/falco/config/types.js';
import { repoFile, REPO } from '../helpers/fixtures.js';
import { FIX_IDS } from '../rollout/helpers.js';

// the real runbooks: the checklist names their thresholds ($high-cpu.quota_percent, ...)
let runbooks: Runbook[] = [];
beforeAll(async () => {
  runbooks = (await readCatalogue(path.join(REPO, 'runbooks'))).runbooks;
});
const shipped = () => {
  const { checklist, errors } = loadChecklist(
    { path: 'checklists/production.yaml', text: repoFile('checklists/production.yaml') },
    FIX_IDS,
    Object.keys(qualifiedThresholds(runbooks, {})),
  );
  if (!checklist) throw new Error(JSON.stringify(errors));
  return checklist;
};
const ready = { stateDirOk: true, stateDirMode: '0700', dryRunChecked: 0, problems: [] };
const eff = (value: Record<string, unknown>): EffectiveConfig => ({ value, provenance: {}, errors: [], files: [] });
const base: BuiltinInputs = {
  config: eff({ stdout_output: { enabled: true }, syslog_output: { enabled: true } }),
  falcoVersion: '0.42.1',
  refusals: [],
  rollout: null,
  rollback: ready,
};

describe('production.yaml', () => {
  it('the shipped checklist has the nine items of the guide, all names resolved', () => {
    expect(shipped().items.map((i) => i.id)).toEqual([
      'buffer-sizes',
      'resource-limits',
      'essential-rules',
      'outputs-minimal',
      'monitoring',
      'alerting',
      'performance-baseline',
      'load-tested',
      'rollback-plan',
    ]);
  });

  it('a misspelt probe or fix is reported with its line and a did-you-mean', () => {
    const text = repoFile('checklists/production.yaml')
      .replace('{probe: cpu.limited,', '{probe: cpu.limitd,')
      .replace('fixes: [set-cpu-limit', 'fixes: [set-cpu-limt');
    const { checklist, errors } = loadChecklist({ path: 'p.yaml', text }, FIX_IDS, Object.keys(qualifiedThresholds(runbooks, {})));
    expect(checklist).toBeNull();
    expect(errors.map((e) => e.message)).toEqual([
      'unknown probe "cpu.limitd" (did you mean "cpu.limited"?)',
      'unknown fix "set-cpu-limt" (did you mean "set-cpu-limit"?)',
    ]);
    expect(errors.every((e) => typeof e.line === 'number' && e.line > 1)).toBe(true);
  });

  it('a check must be probes or one of the built-ins', () => {
    const text = repoFile('checklists/production.yaml').replace('{builtin: monitoring}', '{builtin: grafana}');
    expect(loadChecklist({ path: 'p.yaml', text }, FIX_IDS, Object.keys(qualifiedThresholds(runbooks, {}))).errors[0]?.key).toMatch(/^items\.4\.check/);
  });
});

describe('built-in checks', () => {
  it('outputs-minimal: the upstream defaults pass; three channels or JSON repeating the output fail', () => {
    expect(runBuiltin('outputs-minimal', base).status).toBe('pass');
    expect(runBuiltin('outputs-minimal', { ...base, config: eff({ ...base.config.value, program_output: { enabled: true } }) }).status).toBe('fail');
    const json = runBuiltin('outputs-minimal', { ...base, config: eff({ ...base.config.value, json_output: true }) });
    expect(json.status).toBe('fail');
    expect(json.evidence[1]).toMatchObject({ label: 'JSON alerts repeat the output text', observed: 'yes' });
  });

  it('monitoring: metrics with snapshot alerts pass; output_rule absent (false in code) or metrics off fails (refusals: monitoring.test.ts)', () => {
    expect(runBuiltin('monitoring', { ...base, config: eff({ metrics: { enabled: true, interval: '1m', output_rule: true } }) }).status).toBe('pass');
    expect(runBuiltin('monitoring', { ...base, config: eff({ metrics: { enabled: true, interval: '1m' } }) }).status).toBe('fail');
    expect(runBuiltin('monitoring', { ...base, config: eff({ metrics: { enabled: false }, webserver: { prometheus_metrics_enabled: true } }) }).status).toBe(
      'fail',
    );
  });

  it('alerting: http_output to sidekick passes; a program that may or may not notify is unknown; nothing fails', () => {
    const sidekick = runBuiltin('alerting', { ...base, config: eff({ http_output: { enabled: true, url: 'http://falcosidekick:2801/' } }) });
    expect(sidekick.status).toBe('pass');
    expect(sidekick.evidence[0]?.observed).toContain('(falcosidekick)');
    expect(runBuiltin('alerting', { ...base, config: eff({ program_output: { enabled: true, program: 'jq -c . >> /tmp/x' } }) }).status).toBe('unknown');
    expect(
      runBuiltin('alerting', { ...base, config: eff({ program_output: { enabled: true, program: 'curl -d @- https://hooks.slack.com/x' } }) }).status,
    ).toBe('pass');
    expect(runBuiltin('alerting', base).status).toBe('fail');
  });

  it('rollback-ready: a state dir that is not 0700, or an undo that cannot be written, fails with the reason', () => {
    expect(runBuiltin('rollback-ready', base).status).toBe('pass');
    expect(runBuiltin('rollback-ready', { ...base, rollback: { ...ready, stateDirOk: false, stateDirMode: '0755' } }).evidence[0]?.observed).toBe(
      'not usable, mode 0755',
    );
    const broken = runBuiltin('rollback-ready', { ...base, rollback: { ...ready, dryRunChecked: 2, problems: ['e1: /x/falco.yaml: EACCES'] } });
    expect(broken).toMatchObject({ status: 'fail', evidence: [expect.anything(), { observed: 'e1: /x/falco.yaml: EACCES' }] });
  });
});

describe('checklist evaluation', () => {
  const inputs = (over: Partial<ChecklistInputs> = {}): ChecklistInputs => ({
    ...base,
    facts: { 'drops.detected': false, 'ringbuf.limit_percent': 3, 'cpu.limited': true, 'mem.limited': false, 'rules.enabled': 25, 'cpu.quota_percent': 10 },
    confirmations: {},
    describeFix: (id) => ({ id, title: `title of ${id}`, summary: '', refused: null }),
    thresholds: qualifiedThresholds(runbooks, {}),
    detection: proofView(null, Date.now()),
    ...over,
  });

  it("judges by the runbooks' thresholds as in force: the defaults, or the operator's --threshold (issue #14)", () => {
    const facts = { 'rules.enabled': 25, 'cpu.quota_percent': 70 };
    const byDefault = evaluateChecklist(shipped(), inputs({ facts })).find((x) => x.id === 'essential-rules')!;
    expect(byDefault.automatic).toBe('pass'); // 70 < 80, high-cpu.quota_percent's default
    expect(byDefault.evidence[1]).toMatchObject({ expected: 'lt 80 (high-cpu.quota_percent)' });
    const raised = evaluateChecklist(shipped(), inputs({ facts, thresholds: qualifiedThresholds(runbooks, { 'high-cpu.quota_percent': 60 }) })).find(
      (x) => x.id === 'essential-rules',
    )!;
    expect(raised.automatic).toBe('fail');
    // a bare name, as diagnose accepts it, counts too
    expect(qualifiedThresholds(runbooks, { quota_percent: 60 })['high-cpu.quota_percent']).toBe(60);
  });

  it('an unknown $threshold in a checklist is refused at its line, with a did-you-mean', () => {
    const text = repoFile('checklists/production.yaml').replace('$high-cpu.quota_percent', '$high-cpu.quota_percnt');
    const { errors } = loadChecklist({ path: 'p.yaml', text }, FIX_IDS, Object.keys(qualifiedThresholds(runbooks, {})));
    expect(errors).toEqual([
      expect.objectContaining({
        line: 32,
        message: expect.stringContaining('unknown threshold "high-cpu.quota_percnt" (did you mean "high-cpu.quota_percent"?)'),
      }),
    ]);
  });

  it('gives pass/fail/unknown with evidence, and the fixes only for items that do not pass', () => {
    const r = evaluateChecklist(shipped(), inputs());
    const by = Object.fromEntries(r.map((x) => [x.id, x]));
    expect(by['buffer-sizes']).toMatchObject({ status: 'pass', fixes: [] });
    expect(by['resource-limits']).toMatchObject({ status: 'fail', fixes: [{ id: 'set-cpu-limit' }, { id: 'set-memory-limit' }] });
    expect(by['resource-limits']!.evidence[1]).toMatchObject({ label: 'Memory limit set', observed: 'no', expected: 'eq false'.replace('false', 'true') });
    expect(by['performance-baseline']!.status).toBe('fail');
  });

  it("alerting and essential-rules show the last canary's proof: rule, channel, latency, when; or that it never ran", () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const proof = canaryState();
    const r = evaluateChecklist(shipped(), inputs({ detection: proofView(proof, now) }));
    for (const id of ['alerting', 'essential-rules'])
      expect(r.find((x) => x.id === id)!.evidence.at(-1)).toMatchObject({
        label: 'Detection (last canary)',
        observed: 'proven 12 min ago on falco: rule "Read sensitive file untrusted" via stdout, 84 ms (canary)',
      });
    const never = evaluateChecklist(shipped(), inputs()).find((x) => x.id === 'alerting')!;
    expect(never.evidence.at(-1)!.observed).toBe('never proven: falco-doctor canary fires one');
  });

  it('an unmeasured probe is unknown, not a pass', () => {
    const r = evaluateChecklist(shipped(), inputs({ facts: {} }));
    expect(r.find((x) => x.id === 'buffer-sizes')!.status).toBe('unknown');
  });

  it('a confirmation counts for an item that allows one, and is shown with who and when', () => {
    const c = { by: 'ops@vps', at: '2025-01-01T00:00:00Z', note: 'sidekick → #sec, tested' };
    const r = evaluateChecklist(shipped(), inputs({ confirmations: { alerting: c, 'rollback-plan': c } }));
    expect(r.find((x) => x.id === 'alerting')).toMatchObject({ status: 'confirmed', automatic: 'fail', confirmation: c });
    // rollback-plan allows no confirmation: only the dry run decides
    expect(r.find((x) => x.id === 'rollback-plan')).toMatchObject({ status: 'pass', confirmation: null });
    expect(formatChecklist(r, 'falco')).toContain('✔ confirmed Alerting reaches a person (confirmed by ops@vps 2025-01-01T00:00:00Z: sidekick → #sec, tested)');
  });
});
