// A moved key that the release still reads: Falco warns only in the cases its code does.
//  - 0.37.x, top-level syscall_buf_size_preset / syscall_drop_failed_exit / modern_bpf.cpus_for_each_syscall_buffer:
//    app/actions/load_config.cpp@0.37.1 apply_deprecated_options warns only when the value is not the default;
//    whether Falco uses it or ignores it is readsTopLevelBufferKeys (engine.ts), which the ring-buffer
//    budget uses too, so the lint never says "still used" of a key the budget does not read.
//  - 0.38+, rules_file: configuration.cpp@0.38.0 logs "Using deprecated config key 'rules_file'" whenever it is set.
import { readsTopLevelBufferKeys } from '../../engine.js';
import type { LegacyKey } from '../keys/legacy.js';
import { report, valueAt, type LintContext } from './context.js';

const DEFAULTS: Record<string, unknown> = { syscall_buf_size_preset: 4, syscall_drop_failed_exit: false, 'modern_bpf.cpus_for_each_syscall_buffer': 2 };

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
  // the file's own engine block: 0.37 has no drop-ins (config_files came in 0.38)
  const ignored = !readsTopLevelBufferKeys(ctx.parsed.value, ctx.version);
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
