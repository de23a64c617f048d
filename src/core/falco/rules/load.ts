// Load rules files the way Falco folds them, then work out for each rule whether it is enabled,
// which event types it can match and what makes it costly.
import type { SourceFile } from '../config/types.js';
import { analyze, type Definitions } from './analyze.js';
import { collect, type RuleDef } from './collect.js';
import { ConditionSyntaxError, parseCondition, type Expr } from './condition.js';
import { applySelection } from './selection.js';
import { belowMinimum, engineRefusals, pluginRefusals } from './loading.js';
import type { RuleInfo, RulesSummary } from './types.js';

export type { RuleInfo, RulesSummary } from './types.js';
export { matchesWildcard } from './selection.js';

// Thresholds for cost hints. They flag rules worth a look in a CPU investigation, not errors.
const MANY_STRING_MATCHES = 20;
const DEEP_MACROS = 5;

export interface LoadOptions {
  /** The running Falco: files requiring a newer rules engine are refused. */
  falcoVersion?: string | null;
  /** falco.yaml `priority`: enabled rules below it are skipped. */
  minPriority?: unknown;
  /** The plugins Falco loads (config/plugins.ts); null or absent: requirements not checked. */
  plugins?: readonly string[] | null;
}

export function loadRules(allFiles: SourceFile[], selection?: unknown, opts: LoadOptions = {}): RulesSummary {
  const all = collect(allFiles);
  const refusedFiles = engineRefusals(
    allFiles.map((f) => ({ path: f.path, required: all.requiredEngineVersions.filter((r) => r.file === f.path).map((r) => r.version) })),
    opts.falcoVersion ?? null,
  );
  // a refused file contributes nothing: fold the others again only when one is refused
  const c = refusedFiles.length === 0 ? all : collect(allFiles.filter((f) => !refusedFiles.some((r) => r.file === f.path)));
  applySelection(c.rules, selection, c.errors);

  const defs: Definitions = { macros: new Map(), lists: c.lists };
  for (const [name, m] of c.macros) {
    try {
      defs.macros.set(name, parseCondition(m.condition));
    } catch (e) {
      defs.macros.set(name, null);
      c.errors.push({ file: m.file, line: m.line, key: name, message: `macro ${name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  const rules = [...c.rules.values()].map((r) => info(r, defs, c.errors));
  let belowPriorityCount = 0;
  if (opts.minPriority !== undefined)
    for (const r of rules)
      if (r.enabled && belowMinimum(r.priority, opts.minPriority)) {
        r.enabled = false;
        r.belowPriority = true;
        belowPriorityCount++;
      }
  const evtTypes = new Set<string>();
  for (const r of rules) if (r.enabled && r.source === 'syscall') for (const t of r.evtTypes ?? []) evtTypes.add(t);
  return {
    rules,
    refusedFiles,
    pluginRefusals: pluginRefusals(c.requiredPlugins, opts.plugins ?? null),
    belowPriorityCount,
    enabledCount: rules.filter((r) => r.enabled).length,
    totalCount: rules.length,
    listCount: c.lists.size,
    macroCount: c.macros.size,
    errors: c.errors,
    requiredEventTypes: [...evtTypes].sort(),
  };
}

function info(r: RuleDef, defs: Definitions, errors: RulesSummary['errors']): RuleInfo {
  let expr: Expr | null = null;
  try {
    expr = parseCondition(r.condition);
  } catch (e) {
    if (!(e instanceof ConditionSyntaxError)) throw e;
    errors.push({ file: r.file, line: r.line, key: r.name, message: `rule ${r.name}: ${e.message}` });
  }
  const a = expr ? analyze(expr, defs) : null;
  for (const m of new Set(a?.undefinedMacros ?? []))
    errors.push({ file: r.file, line: r.line, key: r.name, message: `rule ${r.name}: undefined macro '${m}'` });
  const syscall = r.source === 'syscall';
  const evtTypes = syscall && a ? a.evtTypes : null;
  const costHints: string[] = [];
  if (syscall && a && evtTypes === null) costHints.push('no evt.type restriction: evaluated for every syscall event');
  if (a && a.stringMatchOps >= MANY_STRING_MATCHES)
    costHints.push(`${a.stringMatchOps} string-matching checks (contains/glob/pmatch/startswith...) after macro expansion`);
  if (a && a.regexOps > 0) costHints.push(`${a.regexOps} regex check(s)`);
  if (a && a.macroDepth >= DEEP_MACROS) costHints.push(`macros nested ${a.macroDepth} deep`);
  return {
    name: r.name,
    file: r.file,
    line: r.line,
    enabled: r.enabled,
    priority: r.priority,
    tags: r.tags,
    source: r.source,
    condition: r.condition,
    evtTypes,
    costHints,
  };
}

/** The supported way to disable a rule from a later file (falco-facts.md, "Rules"). */
export function disableRuleOverride(ruleName: string): string {
  const quoted = /^[\w][\w .\-/]*$/.test(ruleName) && !/[:#]/.test(ruleName) && ruleName.trim() === ruleName ? ruleName : JSON.stringify(ruleName);
  return `- rule: ${quoted}\n  enabled: false\n  override:\n    enabled: replace\n`;
}
