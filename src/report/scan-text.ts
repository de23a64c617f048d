// `falco-doctor scan FILE`: what a Falco event log holds, as text a person reads in a terminal
// (--json gives the ScanResult itself). Rules and priorities busiest first; then alerts and the drops
// Falco's drop alerts report, minute by minute in the log's order, the last MAX_MINUTES of them.
import type { ScanResult } from '../core/falco/scan/result.js';
// rule names and messages are the log's bytes: no escape sequence from them reaches the terminal
import { sanitize } from '../core/sanitize.js';

const MAX_MINUTES = 30;
const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

function countTable(counts: Record<string, number>): string[] {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(0, ...rows.map(([, c]) => n(c).length));
  return rows.map(([name, c]) => `  ${n(c).padStart(width)}  ${sanitize(name)}`);
}

export function scanText(file: string, r: ScanResult): string {
  const span = r.firstTime && r.lastTime ? `, ${sanitize(r.firstTime)} → ${sanitize(r.lastTime)}` : '';
  const out = [
    `${file}: ${n(r.lines)} lines (${r.format})${span}`,
    `alerts ${n(r.alerts)} · drop alerts ${n(r.dropAlerts)} · Falco's own log and summary lines ${n(r.falcoLines)} · other lines ${n(r.malformed)}`,
  ];
  if (r.alerts > 0) {
    out.push('', 'By priority', ...countTable(r.byPriority));
    out.push('', `By ${r.format === 'text' ? 'message (text output has no rule name)' : 'rule'} (${Object.keys(r.byRule).length})`, ...countTable(r.byRule));
  }
  if (r.dropsOverTime.length > 0) {
    const minutes = r.dropsOverTime;
    const shown = minutes.slice(-MAX_MINUTES);
    const drops = minutes.reduce((s, m) => s + m.drops, 0);
    out.push(
      '',
      `Alerts and syscall event drops by minute (${plural(minutes.length, 'minute')}; ${n(drops)} drops reported by ${plural(r.dropAlerts, 'drop alert')})`,
    );
    if (shown.length < minutes.length) out.push(`  … the first ${plural(minutes.length - shown.length, 'minute')}: --json has them all`);
    const dw = Math.max(...shown.map((m) => n(m.drops).length));
    const aw = Math.max(...shown.map((m) => n(m.alerts).length));
    for (const m of shown) out.push(`  ${sanitize(m.minute)}  ${n(m.drops).padStart(dw)} drops  ${n(m.alerts).padStart(aw)} alerts`);
  }
  return `${out.join('\n')}\n`;
}
