// Numbers as the home screen shows them: short, and the same width whether a rate is 0 or 1200.
export function formatRate(n: number): string {
  if (n === 0) return '0';
  if (n < 10) return n.toFixed(1);
  return String(Math.round(n));
}

/** `12:00:02 UTC`: log and update times; UTC like Docker's own timestamps. */
export function formatClock(t: number | string): string {
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? String(t) : `${d.toISOString().slice(11, 19)}`;
}

export function formatCores(cores: number): string {
  return `${cores.toFixed(2).replace(/0$/, '')} CPU`;
}
