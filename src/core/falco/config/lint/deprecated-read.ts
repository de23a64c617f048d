// A moved key that the release still reads: Falco warns only in the cases its code does.
//  - 0.37.x, top-level syscall_buf_size_preset / syscall_drop_failed_exit / modern_bpf.cpus_for_each_syscall_buffer:
//    app/actions/load_config.cpp@0.37.1 apply_deprecated_options warns only when the value is not the default,
//    and uses it only while the engine block is unchanged (configuration.cpp@0.37.1 load_engine_config sets
//    m_changes_in_engine_config unless engine.kind is kmod with kmod's preset and drop_failed_exit at defaults).
//  - 0.38+, rules_file: configuration.cpp@0.38.0 logs "Using deprecated config key 'rules_file'" whenever it is set.
import type { LegacyKey } from '../keys/legacy.js';
import { report, valueAt, type LintContext } from './context.js';

const DEFAULTS: Record<string, unknown> = { syscall_buf_size_preset: 4, syscall_drop_failed_exit: false, 'modern_bpf.cpus_for_each_syscall_buffer': 2 };

/** configuration.cpp@0.37.1: the engine block counts as used unless it is kmod at its defaults. */
export function engineBlockChanged(value: Record<string, unknown>): boolean {
  const engine = value['engine'] as Record<string, unknown> | undefined;
  const kind = engine?.['kind'] ?? 'kmod';
  if (kind !== 'kmod') return true;
  const kmod = (engine?.['kmod'] ?? {}) as Record<string, unknown>;
  return Number(kmod['buf_size_preset'] ?? 4) !== 4 || (kmod['drop_failed_exit'] ?? false) !== false;
}

export function deprecatedRead(ctx: LintContext, path: string, legacy: LegacyKey): void {
  const value = valueAt(ctx, path);
  if (path === 'rules_file') {
    report(ctx, {
      class: 'renamed',
      severity: 'warning',
      key: path,
      message: `Falco ${ctx.version} logs "Using deprecated config key 'rules_file' (singular form). Please use new 'rules_files' config key (plural form)." Setting both is a fatal error.`,
      replacement: 'rules_files',
    });
    return;
  }
  const def = DEFAULTS[path];
  if (def === undefined || value === undefined || value === null || String(value) === String(def)) return;
  const target = legacy.replacement?.replace('<kind>', ctx.kind) ?? null;
  const ignored = engineBlockChanged(ctx.parsed.value);
  report(ctx, {
    class: 'renamed',
    severity: 'warning',
    key: path,
    message: ignored
      ? `${path} is ignored by Falco ${ctx.version}: the engine block is in use, so Falco logs "Since the new 'engine' config key is being used, deprecated config '${path}' will be ignored."` +
        (target ? ` Set ${target} instead.` : '')
      : `${path} is still used by Falco ${ctx.version} (the engine block is at its kmod defaults) but deprecated; it is removed in 0.38.0.` +
        (target ? ` Use ${target}.` : ''),
    replacement: target,
    ...(target ? { fix: [{ key: target, value }] } : {}),
  });
}
