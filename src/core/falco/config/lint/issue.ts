// The lint vocabulary: a closed set of classes, each with its finding code.

export type LintClass =
  | 'unknown-key'
  | 'renamed'
  | 'deprecated'
  | 'not-a-falco-key'
  | 'wrong-engine-kind'
  | 'wrong-type'
  | 'out-of-range'
  | 'contradiction'
  | 'performance'
  | 'unknown-syscall'
  | 'schema'
  | 'version-approx';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintIssue {
  code: string;
  class: LintClass;
  severity: LintSeverity;
  file: string;
  line: number | null;
  key: string;
  message: string;
  replacement: string | null;
  didYouMean: string | null;
  /** Optional declarative fix: keys to set (and the offending key is to be removed). */
  fix?: { key: string; value: unknown }[];
}

/** The finding code of a lint class: FD-CONF- and the class, so codes.yaml is the one list of codes
 *  (test/core/catalogue.test.ts fails when a class has no entry there). */
export function codeFor(c: LintClass): string {
  return `FD-CONF-${c.toUpperCase()}`;
}

export interface IssueInput {
  class: LintClass;
  severity: LintSeverity;
  key: string;
  message: string;
  line?: number | null;
  replacement?: string | null;
  didYouMean?: string | null;
  fix?: { key: string; value: unknown }[];
}
