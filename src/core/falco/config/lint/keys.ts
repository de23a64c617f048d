// Key-level checks: keys Falco does not know, keys that moved or were removed, keys invented by
// tuning guides, and engine options placed under an engine kind that is not in use.
import { compareVersions } from '../../version-compare.js';
import { LEGACY_KEYS, isEngineKind, knownBlocksFor, knownKeysFor, lookupLegacy, type LegacyKey } from '../model.js';
import { checkEngineOption } from './engine-options.js';
import { deprecatedRead } from './deprecated-read.js';
import { unknownKey } from './unknown-key.js';
import { presetFromBytes } from './convert.js';
import { report, valueAt, type LintContext } from './context.js';
import { isOn } from '../yaml-cpp-bool.js';

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
    // A moved key that this release still reads (0.37.x top-level buffer keys, rules_file from 0.38):
    // Falco warns only in the cases its code does.
    if (legacy?.kind === 'moved' && known.has(path) && legacy.deprecatedSince && ctx.version && compareVersions(ctx.version, legacy.deprecatedSince) >= 0) {
      deprecatedRead(ctx, path, legacy);
      explained.push(path);
      continue;
    }
    if (legacy?.kind === 'moved' && legacyIssue(ctx, path, legacy) === 'reported') {
      explained.push(path);
      continue;
    }
    const spec = known.get(path);
    if (spec) {
      if (FREE_FORM.has(spec.type)) explained.push(path);
      // configuration.cpp@0.43.0 warns about gRPC only when it is enabled: a `false` left in the file is silent.
      if (spec.deprecatedSince && ctx.version && compareVersions(ctx.version, spec.deprecatedSince) >= 0 && isOn(valueAt(ctx, path)))
        report(ctx, {
          class: 'deprecated',
          severity: 'warning',
          key: path,
          message: `${path} is deprecated since Falco ${spec.deprecatedSince} and removed in ${spec.until ?? 'a later release'}.`,
        });
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
    return {
      fix: [
        { key: 'webserver.prometheus_metrics_enabled', value: true },
        { key: 'metrics.enabled', value: true },
      ],
    };
  if (path === 'metrics.collection_interval_seconds' && typeof value === 'number') return { fix: [{ key: replacement, value: `${value}s` }] };
  if (path === 'tune.syscall_buf_size' && typeof value === 'number') {
    const preset = presetFromBytes(value);
    return preset === null ? {} : { fix: [{ key: replacement, value: preset }] };
  }
  if (path === 'prometheus_output.listen_port' || path === 'prometheus_output') return {};
  return value === undefined || (value !== null && typeof value === 'object') ? {} : { fix: [{ key: replacement, value }] };
}
