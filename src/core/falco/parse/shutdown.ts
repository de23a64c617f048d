// What Falco prints when it exits: the stdout summary ("Events detected:", "Rule counts by severity:",
// "Triggered rules by rule name:") and the stderr drop summary ("Syscall event drop monitoring:",
// event_drops.cpp). Pass stdout and stderr together or separately; missing parts stay null/empty.

export interface ShutdownSummary {
  eventsDetected: number | null;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
  dropOccurrences: number | null;
  actionsTaken: number | null;
}

export function parseShutdownSummary(text: string): ShutdownSummary {
  const out: ShutdownSummary = { eventsDetected: null, bySeverity: {}, byRule: {}, dropOccurrences: null, actionsTaken: null };
  let section: 'severity' | 'rule' | null = null;
  for (const raw of text.split(/\r?\n/)) {
    let m: RegExpExecArray | null;
    if ((m = /^Events detected:\s*(\d+)/.exec(raw))) {
      out.eventsDetected = Number(m[1]);
      section = null;
    } else if (/^Rule counts by severity:/.test(raw)) section = 'severity';
    else if (/^Triggered rules by rule name:/.test(raw)) section = 'rule';
    else if ((m = /event drop detected:\s*(\d+) occurrences/.exec(raw))) out.dropOccurrences = Number(m[1]);
    else if ((m = /num times actions taken:\s*(\d+)/.exec(raw))) out.actionsTaken = Number(m[1]);
    else if (section && (m = /^\s+(.+):\s*(\d+)\s*$/.exec(raw))) (section === 'severity' ? out.bySeverity : out.byRule)[m[1] as string] = Number(m[2]);
    else if (!/^\s/.test(raw)) section = null;
  }
  return out;
}
