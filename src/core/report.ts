// The result of one diagnosis, as `--json` prints it (documented in README, "JSON report").
import type { Finding } from './findings.js';

export const REPORT_SCHEMA_VERSION = 1;

export type FactValue = number | string | boolean | null;

export interface RunbookResult {
  id: string;
  title: string;
  /** problem: at least one warning/critical finding; clear: none */
  status: 'problem' | 'clear';
  findings: string[];
}

export interface DiagnosisReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'falco-doctor'; version: string };
  generatedAt: string;
  /** live: measured now; bundle: evaluated from a saved snapshot */
  source: 'live' | 'bundle';
  /** lab: the target is the lab's Falco stand-in, not a real Falco */
  origin: 'live' | 'lab';
  target: {
    name: string;
    id: string;
    image: string;
    falcoVersion: string | null;
    versionSource: string;
    engineKind: string | null;
    configPath: string | null;
    configSource: string;
    /** Docker's state: running, restarting, exited, ... */
    state: string;
  };
  window: {
    start: string;
    end: string;
    seconds: number;
    /** the doctor's own CPU while it sampled, in % of one core, and how it read the container */
    observer?: { cpuPercentOfOneCore: number; via: 'cgroup files' | 'stats API' };
  };
  runbooks: RunbookResult[];
  findings: Finding[];
  facts: Record<string, FactValue>;
  /** falco.yaml problems that stop Falco from starting (file:line: message); exit code 2 */
  configErrors: string[];
  notes: string[];
}
