// `--markdown` (and the default on a non-TTY): a report a person can read or paste into a ticket.
import type { DiagnosisReport } from '../core/report.js';
import type { Finding } from '../core/findings.js';

const MARK = { critical: '🔴 critical', warning: '🟠 warning', info: '🔵 info' } as const;

export function toMarkdown(r: DiagnosisReport): string {
  const t = r.target;
  const out: string[] = [
    `# falco-doctor diagnosis: ${t.name}`,
    '',
    `- Image: \`${t.image}\`, Falco ${t.falcoVersion ?? 'unknown'} (${t.versionSource}), engine ${t.engineKind ?? 'unknown'}`,
    `- Config: ${t.configPath ?? 'not found'} (${t.configSource})`,
    `- Window: ${r.window.start} → ${r.window.end} (${r.window.seconds} s), ${r.source === 'bundle' ? 'from a bundle' : 'measured live'}`,
    ...(r.window.observer
      ? [`- falco-doctor's own CPU while sampling: ${r.window.observer.cpuPercentOfOneCore} % of one core (read via ${r.window.observer.via})`]
      : []),
    ...r.notes.map((n) => `- Note: ${n}`),
    '',
    '## Runbooks',
    '',
    '| runbook | status | findings |',
    '|---|---|---|',
    ...r.runbooks.map((rb) => `| ${rb.title} | ${rb.status} | ${rb.findings.join(', ') || '–'} |`),
    '',
    '## Findings',
    '',
  ];
  if (r.findings.length === 0) out.push('No problems found.', '');
  for (const f of r.findings) out.push(...finding(f));
  return `${out.join('\n')}\n`;
}

function finding(f: Finding): string[] {
  return [
    `### ${f.code}: ${f.title}`,
    '',
    `${MARK[f.severity]} · runbook ${f.runbook} · cause **${f.cause}**`,
    '',
    f.explanation,
    '',
    '| evidence | observed | expected | source |',
    '|---|---|---|---|',
    ...f.evidence.map((e) => `| ${e.label} | ${e.observed} | ${e.expected ?? ''} | ${e.source} |`),
    '',
    ...(f.fixes.length ? ['Fixes:', '', ...f.fixes.map((x) => `- \`${x.id}\` ${x.title}: ${x.summary}`), ''] : []),
  ];
}
