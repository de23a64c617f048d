// Which fixes f / e / w ask for (core/fix/select.ts): the one policy of the Docker diagnose screen and the
// Kubernetes node list. Both screens are driven here with the same keys over the same findings.
import { describe, expect, it } from 'vitest';
import { selectFixes, type FixIntent } from '../../../src/core/fix/select.js';
import type { Finding, Severity } from '../../../src/core/findings.js';
import { diagnoseReducer, initialDiagnoseState, type DiagnoseState } from '../../../src/ui/diagnose/state.js';
import { initialKubeState, kubeReducer, type KubeScreenState } from '../../../src/ui/kube/state.js';
import type { KeyIntent } from '../../../src/ui/keys.js';
import { findingWithFixes } from '../helpers/finding.js';

const finding = (code: string, severity: Severity, fixes: [id: string, refused: boolean][]): Finding =>
  findingWithFixes(
    code,
    severity,
    fixes.map(([id, refused]) => ({ id, refused: refused ? 'would not fit' : null })),
  );

// in the order the screens list them (sortFindings: critical first)
const FINDINGS = [
  finding('FD-A', 'critical', [
    ['too-big', true],
    ['raise-cpu-limit', false],
  ]),
  finding('FD-C', 'critical', [['raise-cpu-limit', false]]),
  finding('FD-B', 'warning', [['outputs-queue-capacity', false]]),
  finding('FD-D', 'warning', [['only-refused', true]]),
  finding('FD-E', 'info', [['lower-priority', false]]),
];

describe('selectFixes', () => {
  it('on the list: every finding (f), the criticals (e), the warnings (w); the first fix not refused, once each', () => {
    expect(selectFixes(FINDINGS, 'fix-all', null)).toEqual(['raise-cpu-limit', 'outputs-queue-capacity', 'lower-priority']);
    expect(selectFixes(FINDINGS, 'fix-critical', null)).toEqual(['raise-cpu-limit']);
    expect(selectFixes(FINDINGS, 'fix-warning', null)).toEqual(['outputs-queue-capacity']);
  });

  it('with a finding open: that finding’s fix, whichever key', () => {
    for (const intent of ['fix-all', 'fix-critical', 'fix-warning'] as const) expect(selectFixes(FINDINGS, intent, 2)).toEqual(['outputs-queue-capacity']);
    expect(selectFixes(FINDINGS, 'fix-critical', 4)).toEqual(['lower-priority']);
  });

  it('nothing when every fix is refused, there are no findings, or the open index is past the end', () => {
    expect(selectFixes(FINDINGS, 'fix-all', 3)).toEqual([]);
    expect(selectFixes([], 'fix-all', null)).toEqual([]);
    expect(selectFixes(FINDINGS, 'fix-all', 9)).toEqual([]);
  });
});

describe('the Docker diagnose screen and the Kubernetes node list choose alike', () => {
  const docker = (keys: KeyIntent[]): string[] => {
    const done = diagnoseReducer(initialDiagnoseState, { type: 'event', event: { type: 'done', report: { findings: FINDINGS } as never } });
    const s = keys.reduce<DiagnoseState>((st, intent) => diagnoseReducer(st, { type: 'key', intent }), done);
    return s.fixIds;
  };
  // the node list opens the first node's findings first (Enter), then the same keys
  const kube = (keys: KeyIntent[]): string[] => {
    const counts = { nodes: 1, findings: () => FINDINGS.length };
    const s = ['open' as const, ...keys].reduce<KubeScreenState>((st, intent) => kubeReducer(st, intent, counts), initialKubeState);
    return s.fixRequest ? selectFixes(FINDINGS, s.fixRequest.intent, s.fixRequest.open) : [];
  };

  const cases: [string, KeyIntent[]][] = [
    ['f on the list', ['fix-all']],
    ['e on the list', ['fix-critical']],
    ['w on the list, moved down', ['down', 'down', 'fix-warning']],
    ['f on an open finding', ['down', 'down', 'open', 'fix-all']],
    ['e on an open warning', ['down', 'down', 'open', 'fix-critical']],
    ['f on an open finding whose fixes are refused', ['down', 'down', 'down', 'open', 'fix-all']],
  ];
  it.each(cases)('%s', (_name, keys) => {
    const fixes = docker(keys);
    expect(kube(keys)).toEqual(fixes);
    // and not by accident: each case asks for what selectFixes gives
    const last = keys.at(-1) as FixIntent;
    const open = keys.includes('open') ? keys.filter((k) => k === 'down').length : null;
    expect(fixes).toEqual(selectFixes(FINDINGS, last, open));
  });
});
