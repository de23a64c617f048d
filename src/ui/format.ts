// Number formatting shared by screens: short, fixed precision, units a `docker stats` user expects.

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

export function formatBytes(bytes: number): string {
  if (bytes >= GIB) return `${(bytes / GIB).toFixed(2)} GiB`;
  if (bytes >= MIB) return `${(bytes / MIB).toFixed(1)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}

/** 100 = one full core, as `docker stats` shows it. */
export function formatPercent(percent: number): string {
  return `${percent.toFixed(1)}%`;
}

/** Whole seconds, rounded down while counting so the last second only shows when it is done. */
export function formatSeconds(ms: number): string {
  return `${Math.floor(ms / 1000)}`;
}

/** `[█████░░░░░]`: readable without colour. */
export function progressBar(fraction: number, width: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/** `2025-06-01 12:00:00 → 12:00:10 UTC`: short enough for an 80-column header line. */
export function formatTimeRange(startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startIso} → ${endIso}`;
  const [startDate, startTime] = start.toISOString().slice(0, 19).split('T');
  const [endDate, endTime] = end.toISOString().slice(0, 19).split('T');
  const endText = startDate === endDate ? endTime : `${endDate} ${endTime}`;
  return `${startDate} ${startTime} → ${endText} UTC`;
}
