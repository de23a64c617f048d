// The text of `falco-doctor lint`: one line a problem, file:line first, as compilers print them.
import type { LintRunReport } from '../core/falco/lint-run.js';

/** `noRules`: what to say when no rules were read (default: how to name them). */
export function lintText(r: LintRunReport, noRules = 'rules: none read (no rules file found on this machine; name them with --rules)'): string {
  const out: string[] = [];
  out.push(`Falco ${r.falcoVersion ?? '(version unknown: keys of any release are accepted)'}${r.versionNote ? ` — ${r.versionNote}` : ''}`);
  for (const e of r.configErrors) out.push(`${e.file}${e.line ? `:${e.line}` : ''}: error: ${e.key ? `${e.key}: ` : ''}${e.message} (Falco does not start)`);
  for (const f of r.files) {
    const schema = f.schema ? ` | schema validation (Falco ${f.schema.schemaVersion}): ${f.schema.ok ? 'ok' : 'failed'}` : '';
    out.push(`${f.path}: ${f.issues.length === 0 ? 'no findings' : `${f.issues.length} finding(s)`}${schema}`);
    for (const i of f.issues) out.push(`${f.path}${i.line ? `:${i.line}` : ''}: ${i.severity}: ${i.code}: ${i.message}`);
  }
  for (const x of r.refusals) out.push(`refused: ${x.key}: Falco refuses to start: ${x.message} (${x.source})`);
  if (r.rules) {
    const rr = r.rules;
    out.push(
      `rules: ${rr.files.length} file(s), ${rr.total} rules, ${rr.enabled} enabled${rr.belowPriority ? `, ${rr.belowPriority} skipped below the priority minimum` : ''}`,
    );
    for (const x of rr.refusedFiles) out.push(`refused: ${x.message}`);
    for (const x of rr.pluginRefusals) out.push(`refused: ${x.message}`);
    if (rr.pluginNote) out.push(`note: ${rr.pluginNote}`);
    for (const e of rr.errors) out.push(`${e.file}${e.line ? `:${e.line}` : ''}: rules: ${e.message}`);
  } else out.push(noRules);
  return `${out.join('\n')}\n`;
}
