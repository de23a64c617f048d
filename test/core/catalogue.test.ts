// The runbook data: loads clean, every code documented, and mistakes reported with file, line, key.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { parse } from 'yaml';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import { loadCatalogue, formatDataError } from '../../src/core/runbook/load.js';
import { REPO, repoFile } from './helpers/fixtures.js';
import { codeFor, type LintClass } from '../../src/core/falco/config/lint/issue.js';
import { KUBE_CODES } from '../../src/core/kube/types.js';

const LINT_CLASSES: LintClass[] = [
  'unknown-key',
  'renamed',
  'deprecated',
  'not-a-falco-key',
  'wrong-engine-kind',
  'wrong-type',
  'out-of-range',
  'contradiction',
  'performance',
  'unknown-syscall',
  'schema',
  'version-approx',
];

describe('runbook catalogue', () => {
  it('the shipped runbooks load without errors and name three runbooks', async () => {
    const c = await readCatalogue(path.join(REPO, 'runbooks'));
    expect(c.runbooks.map((r) => r.id).sort()).toEqual(['event-drops', 'high-cpu', 'memory-pressure']);
  });

  it('every code in codes.yaml is used by a runbook and documented in the README', async () => {
    const c = await readCatalogue(path.join(REPO, 'runbooks'));
    const lintCodes = LINT_CLASSES.map(codeFor);
    // FD-CONF-REFUSED is raised on the merged config (src/core/diagnosis/lint-findings.ts refusalFindings)
    const used = new Set([...c.runbooks.flatMap((r) => r.checks.map((k) => k.code)), ...lintCodes, 'FD-CONF-REFUSED', ...KUBE_CODES]);
    for (const code of lintCodes) expect(c.codes[code], `${code} not in codes.yaml`).toBeDefined();
    const readme = repoFile('README.md');
    for (const code of Object.keys(c.codes)) {
      expect(used.has(code), `${code} unused`).toBe(true);
      expect(readme, `${code} not in README`).toContain(`\`${code}\``);
    }
  });

  it('reports every mistake with file, line, key and a did-you-mean', () => {
    const bad = [
      'id: broken',
      'title: Broken',
      'description: x',
      'checks:',
      '  - id: one',
      '    code: FD-DROP-BUFFER',
      '    cause: buffer-capacity',
      '    title: t',
      '    when:',
      '      - {probe: drops.detectd, op: eq, value: true}',
      '    explain: e',
      '    fixes: [raise-bufer-preset]',
    ].join('\n');
    const { errors } = loadCatalogue(
      [{ path: 'runbooks/broken.yaml', text: bad }],
      { path: 'runbooks/fixes.yaml', text: repoFile('runbooks/fixes.yaml') },
      { path: 'runbooks/codes.yaml', text: repoFile('runbooks/codes.yaml') },
    );
    expect(errors.map(formatDataError)).toEqual([
      'runbooks/broken.yaml:10: checks.0.when.0.probe: unknown probe "drops.detectd" (did you mean "drops.detected"?)',
      'runbooks/broken.yaml:12: checks.0.fixes.0: unknown fix "raise-bufer-preset" (did you mean "raise-buffer-preset"?)',
    ]);
  });

  it('refuses unknown keys and bad operators with their line', () => {
    const bad =
      'id: x\ntitle: X\ndescription: d\ncommand: rm -rf /\nchecks:\n  - id: a\n    code: FD-DROP-BUFFER\n    cause: c\n    title: t\n    when: [{probe: drops.detected, op: shell, value: 1}]\n    explain: e\n';
    const { errors } = loadCatalogue(
      [{ path: 'x.yaml', text: bad }],
      { path: 'f.yaml', text: repoFile('runbooks/fixes.yaml') },
      { path: 'c.yaml', text: repoFile('runbooks/codes.yaml') },
    );
    const lines = errors.map(formatDataError);
    expect(lines.some((l) => l.startsWith('x.yaml:1:') && l.includes('command'))).toBe(true);
    expect(lines.some((l) => l.startsWith('x.yaml:10: checks.0.when.0.op'))).toBe(true);
    expect(parse(bad)).toBeTruthy();
  });
});
