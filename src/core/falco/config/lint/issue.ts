// The lint vocabulary: a closed set of classes, each with its finding code.
import { assertNever } from '../../../assert-never.js';

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
  | 'version';

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

export function codeFor(c: LintClass): string {
  switch (c) {
    case 'unknown-key':
      return 'FD-CONF-UNKNOWN-KEY';
    case 'renamed':
      return 'FD-CONF-RENAMED';
    case 'deprecated':
      return 'FD-CONF-DEPRECATED';
    case 'not-a-falco-key':
      return 'FD-CONF-NOT-A-FALCO-KEY';
    case 'wrong-engine-kind':
      return 'FD-CONF-WRONG-ENGINE-KIND';
    case 'wrong-type':
      return 'FD-CONF-WRONG-TYPE';
    case 'out-of-range':
      return 'FD-CONF-OUT-OF-RANGE';
    case 'contradiction':
      return 'FD-CONF-CONTRADICTION';
    case 'performance':
      return 'FD-CONF-PERFORMANCE';
    case 'unknown-syscall':
      return 'FD-CONF-UNKNOWN-SYSCALL';
    case 'schema':
      return 'FD-CONF-SCHEMA';
    case 'version':
      return 'FD-CONF-VERSION-APPROX';
    default:
      return assertNever(c);
  }
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
