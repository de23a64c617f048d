// Engine options placed under a kind that is not the one in use (engine.ebpf.* with kind modern_ebpf):
// Falco reads only engine.<kind>.* for the configured kind (configuration.cpp load_engine_config).
import { engineKindsFor, engineOptionsFor, isEngineKind, lookupKey } from '../model.js';
import { report, valueAt, type LintContext } from './context.js';

/** true when `path` is an engine option of another kind (reported unless it is a harmless default). */
export function checkEngineOption(ctx: LintContext, path: string): boolean {
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
    message:
      `${path} has no effect: engine.kind is ${ctx.kind}, so Falco reads only engine.${ctx.kind}.*${gone}.` +
      (target ? ` Set ${target} instead.` : ` The ${ctx.kind} engine has no ${opt} option.`),
    replacement: target,
    ...(target ? { fix: [{ key: target, value: valueAt(ctx, path) }] } : {}),
  });
  return true;
}
