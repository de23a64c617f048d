export interface ScanResult {
  /** Non-empty lines seen. */
  lines: number;
  /** Lines that are Falco alerts (drop alerts and metrics snapshots included). */
  alerts: number;
  /** JSON lines: by rule name. Text lines carry no rule name: keyed by their output message (up to " | "). */
  byRule: Record<string, number>;
  byPriority: Record<string, number>;
  dropAlerts: number;
  /** Per minute ("2026-11-23T08:14" for JSON/ISO times, "08:14" for text HH:MM:SS times), in order. */
  dropsOverTime: { minute: string; drops: number; alerts: number }[];
  firstTime: string | null;
  lastTime: string | null;
  /** Falco's own log and shutdown-summary lines (falco-lines.ts): not alerts, not malformed. */
  falcoLines: number;
  /** Lines that are neither alerts nor Falco's own lines. */
  malformed: number;
  format: 'json' | 'text' | 'mixed' | 'empty';
}
