// Falco STAND-IN (falco-doctor lab), not Falco: Falco's stderr logger, reproduced.
// falco_logger::log prints `asctime(localtime(now))` minus the newline, ": ", then the message,
// and drops messages above the configured `log_level` (syslog numbering: emergency 0 .. debug 7).

export const LOG_LEVELS = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** C asctime(): "Mon Nov 23 08:14:08 2026" (day of month right-aligned in 3 columns). */
export function asctime(d: Date): string {
  const day = String(d.getDate()).padStart(3, ' ');
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]}${day} ${time} ${d.getFullYear()}`;
}

export interface LoggerSettings {
  level: LogLevel;
  toStderr: boolean;
}

/** Mutable on purpose: a reload applies the new `log_level` / `log_stderr` like Falco does. */
export const loggerSettings: LoggerSettings = { level: 'info', toStderr: true };

export function log(level: LogLevel, message: string): void {
  if (!loggerSettings.toStderr) return;
  if (LOG_LEVELS.indexOf(level) > LOG_LEVELS.indexOf(loggerSettings.level)) return;
  process.stderr.write(`${asctime(new Date())}: ${message.replace(/\n$/, '')}\n`);
}

/** Wall-clock nanoseconds since the epoch (Date.now() anchored, hrtime for the sub-millisecond part). */
const epochAnchorNs = BigInt(Date.now()) * 1_000_000n;
const hrAnchor = process.hrtime.bigint();
export function nowNs(): bigint {
  return epochAnchorNs + (process.hrtime.bigint() - hrAnchor);
}
