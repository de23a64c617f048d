// Key-level checks: keys Falco does not know, keys that moved or were removed, keys invented by
// tuning guides, and engine options placed under an engine kind that is not in use.
import { didYouMean } from '../../did-you-mean.js';
import { compareVersions } from '../../version-compare.js';
import { ALL_KEYS, LEGACY_KEYS, isEngineKind, knownBlocksFor, knownKeysFor, lookupKey, lookupLegacy, engineKindsFor, engineOptionsFor, type LegacyKey } from '../model.js';
import { presetFromBytes } from './convert.js';
import { report, valueAt, type LintContext } from './context.js';

const FREE_FORM = new Set(['map', 'sequence']);

function resolve(replacement: string | null, kind: string): string | null {
  return replacement === null ? null : replacement.replace('<kind>', kind);
}

function legacyFor(path: string): LegacyKey | undefined {
  const parts = path.split('.');
  for (let i = parts.length; i > 0; i--) {
    const hit = lookupLegacy(parts.slice(0, i).join('.'));
    if (hit && (i === parts.length || hit.kind === 'invented' || hit.wholeBlock)) return hit;
  }
  return undefined;
}

/** Walks every key of the file; a reported key's subtree is not reported again. */
export function lintKeys(ctx: LintContext): void {
  const known = knownKeysFor(ctx.version);
  const blocks = knownBlocksFor(ctx.version);
  const explained: string[] = [];
  const under = (p: string): boolean => explained.some((e) => p === e || p.startsWith(`${e}.`));

  for (const path of ctx.parsed.keyLines.keys()) {
    if (under(path)) continue;
    if (checkEngineOption(ctx, path)) continue;
    // A block of another engine kind (engine.ebpf while kind is modern_ebpf): judge its options one by one.
    const block = /^engine\.([^.]+)$/.exec(path)?.[1];
    if (block !== undefined && isEngineKind(block) && block !== ctx.kind) continue;
    // A block holding a legacy key (modern_bpf, tune, prometheus_output): judge its keys one by one.
    if (LEGACY_KEYS.some((l) => l.path.startsWith(`${path}.`)) && !lookupLegacy(path)) continue;
    const legacy = legacyFor(path);
    // A moved key is deprecated while still read (0.37.x for the top-level buffer keys): check it first.
    if (legacy?.kind === 'moved' && legacyIssue(ctx, path, legacy) === 'reported') {
      explained.push(path);
      continue;
    }
    const spec = known.get(path);
    if (spec) {
      if (FREE_FORM.has(spec.type)) explained.push(path);
      if (spec.deprecatedSince && ctx.version && compareVersions(ctx.version, spec.deprecatedSince) >= 0)
        report(ctx, { class: 'deprecated', severity: 'warning', key: path, message: `${path} is deprecated since Falco ${spec.deprecatedSince} and removed in ${spec.until ?? 'a later release'}.` });
      continue;
    }
    const outcome = legacy && legacy.kind !== 'moved' ? legacyIssue(ctx, path, legacy) : 'valid';
    if (outcome === 'reported') explained.push(path);
    if (outcome !== 'valid') continue;
    if (blocks.has(path)) continue;
    unknownKey(ctx, path, known);
    explained.push(path);
  }
}

function checkEngineOption(ctx: LintContext, path: string): boolean {
  const m = /^engine\.([^.]+)\.([^.]+)$/.exec(path);
  if (!m) return false;
  const [, kind = '', opt = ''] = m;
  if (!isEngineKind(kind) || kind === ctx.kind) return false;
  const spec = lookupKey(path);
  // The shipped falco.yaml carries every kind's block with its defaults: those are harmless.
  if (spec && 'default' in spec && valueAt(ctx, path) === spec.default) return true;
  const target = engineOptionsFor(ctx.kind, ctx.version).includes(opt) ? `engine.${ctx.kind}.${opt}` : null;
  const gone = !engineKindsFor(ctx.version).includes(kind) ? ` (and the ${kind} engine does not exist in Falco ${ctx.version})` : '';
  report(ctx, {
    class: 'wrong-engine-kind',
    severity: 'warning',
    key: path,
    message: `${path} has no effect: engine.kind is ${ctx.kind}, so Falco reads only engine.${ctx.kind}.*${gone}.` +
      (target ? ` Set ${target} instead.` : ` The ${ctx.kind} engine has no ${opt} option.`),
    replacement: target,
    ...(target ? { fix: [{ key: target, value: valueAt(ctx, path) }] } : {}),
  });
  return true;
}

type LegacyOutcome = 'reported' | 'descend' | 'valid';

function legacyIssue(ctx: LintContext, path: string, legacy: LegacyKey): LegacyOutcome {
  const v = ctx.version;
  const replacement = resolve(legacy.replacement, ctx.kind);
  const value = valueAt(ctx, path);
  switch (legacy.kind) {
    case 'moved': {
      // Before the rename the old key is the real one.
      if (v !== null && legacy.deprecatedSince && compareVersions(v, legacy.deprecatedSince) < 0) return 'valid';
      const ignored = v !== null && legacy.until !== undefined && compareVersions(v, legacy.until) >= 0;
      const state = v === null ? '' : ignored ? ` Falco ${v} ignores it.` : ` Falco ${v} still reads it but it is deprecated.`;
      report(ctx, {
        class: 'renamed',
        severity: ignored ? 'error' : 'warning',
        key: path,
        message: `${path} ${legacy.why}.${state}` + (replacement ? ` Use ${replacement}.` : ''),
        replacement,
        ...(replacement && value !== undefined ? { fix: [{ key: replacement, value }] } : {}),
      });
      return 'reported';
    }
    case 'removed': {
      if (v !== null && legacy.until && compareVersions(v, legacy.until) < 0) return 'valid';
      report(ctx, { class: 'deprecated', severity: 'warning', key: path, message: `${path} was removed: ${legacy.why}. Falco ignores it.`, replacement });
      return 'reported';
    }
    case 'invented':
      if (path === legacy.path && !legacy.wholeBlock && hasInventedChildren(ctx, path)) return 'descend';
      report(ctx, {
        class: 'not-a-falco-key',
        severity: 'error',
        key: path,
        message: `${path} is not a Falco key: ${legacy.why}.` + (replacement && path === legacy.path ? ` Use ${replacement}.` : ''),
        replacement: path === legacy.path ? replacement : null,
        ...(path === legacy.path ? inventedFix(path, value, replacement) : {}),
      });
      return 'reported';
  }
}

function hasInventedChildren(ctx: LintContext, path: string): boolean {
  for (const p of ctx.parsed.keyLines.keys()) if (p.startsWith(`${path}.`) && lookupLegacy(p)) return true;
  return false;
}

function inventedFix(path: string, value: unknown, replacement: string | null): { fix?: { key: string; value: unknown }[] } {
  if (replacement === null) return {};
  if (path === 'prometheus_output.enabled' && value === true)
    return { fix: [{ key: 'webserver.prometheus_metrics_enabled', value: true }, { key: 'metrics.enabled', value: true }] };
  if (path === 'metrics.collection_interval_seconds' && typeof value === 'number') return { fix: [{ key: replacement, value: `${value}s` }] };
  if (path === 'tune.syscall_buf_size' && typeof value === 'number') {
    const preset = presetFromBytes(value);
    return preset === null ? {} : { fix: [{ key: replacement, value: preset }] };
  }
  if (path === 'prometheus_output.listen_port' || path === 'prometheus_output') return {};
  return value === undefined || (value !== null && typeof value === 'object') ? {} : { fix: [{ key: replacement, value }] };
}

function unknownKey(ctx: LintContext, path: string, known: Map<string, unknown>): void {
  const any = lookupKey(path);
  if (any && any.until && ctx.version && compareVersions(ctx.version, any.until) >= 0) {
    report(ctx, { class: 'deprecated', severity: 'warning', key: path, message: `${path} was removed in Falco ${any.until}${any.deprecatedSince ? ` (deprecated since ${any.deprecatedSince})` : ''}; Falco ${ctx.version} ignores it.` });
    return;
  }
  const removedBlock = ALL_KEYS.filter((k) => k.path.startsWith(`${path}.`));
  if (!any && ctx.version && removedBlock.length > 0 && removedBlock.every((k) => k.until && compareVersions(ctx.version as string, k.until) >= 0)) {
    const until = removedBlock[0]?.until ?? '?';
    report(ctx, { class: 'deprecated', severity: 'warning', key: path, message: `${path} was removed in Falco ${until}; Falco ${ctx.version} ignores the whole block.` });
    return;
  }
  if (any) {
    const when = `first appears in ${any.since ?? '?'}`;
    report(ctx, {
      class: 'unknown-key',
      severity: any.approx ? 'info' : 'warning',
      key: path,
      message: `${path} is not a key of Falco ${ctx.version}: it ${when}${any.approx ? ' (per the shipped falco.yaml of the releases checked)' : ''}.`,
    });
    return;
  }
  const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  const siblings = [...known.keys(), ...knownBlocksFor(ctx.version)]
    .filter((k) => (parent === '' ? !k.includes('.') : k.startsWith(`${parent}.`) && !k.slice(parent.length + 1).includes('.')));
  const leafName = path.slice(path.lastIndexOf('.') + 1);
  const byLeaf = new Map([...known.keys()].map((k) => [k.slice(k.lastIndexOf('.') + 1), k]));
  const leafHit = didYouMean(leafName, byLeaf.keys());
  const exactLeaf = path.includes('.') ? undefined : byLeaf.get(leafName); // `listen_port` at the top level
  const suggestion = exactLeaf ?? didYouMean(path, siblings) ?? (leafHit !== null ? byLeaf.get(leafHit) ?? null : null);
  report(ctx, {
    class: 'unknown-key',
    severity: 'warning',
    key: path,
    message: `${path} is not a Falco${ctx.version ? ` ${ctx.version}` : ''} config key; Falco ignores it.` + (suggestion ? ` Did you mean ${suggestion}?` : ''),
    didYouMean: suggestion,
  });
}
