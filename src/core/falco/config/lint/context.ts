// What every lint pass reads: the parsed file, the version, the engine kind, and a sink for issues.
import { getPath } from '../effective.js';
import type { SourceFile } from '../types.js';
import type { ParsedYaml } from '../yaml-source.js';
import { codeFor, type IssueInput, type LintIssue } from './issue.js';

export interface LintContext {
  file: SourceFile;
  version: string | null;
  parsed: ParsedYaml;
  /** Engine kind the options must belong to. */
  kind: string;
  issues: LintIssue[];
  enabledRuleEventTypes: string[] | undefined;
}

export function report(ctx: LintContext, i: IssueInput): void {
  ctx.issues.push({
    code: codeFor(i.class),
    class: i.class,
    severity: i.severity,
    file: ctx.file.path,
    line: i.line !== undefined ? i.line : (ctx.parsed.keyLines.get(i.key) ?? null),
    key: i.key,
    message: i.message,
    replacement: i.replacement ?? null,
    didYouMean: i.didYouMean ?? null,
    ...(i.fix ? { fix: i.fix } : {}),
  });
}

export function valueAt(ctx: LintContext, path: string): unknown {
  return getPath(ctx.parsed.value, path);
}

export function has(ctx: LintContext, path: string): boolean {
  return ctx.parsed.keyLines.has(path);
}
