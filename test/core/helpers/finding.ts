// A finding with only what fix selection reads: its code, severity and fixes (each refused with a
// reason, or null when it applies).
import type { Finding, Severity } from '../../../src/core/findings.js';

export const findingWithFixes = (code: string, severity: Severity, fixes: { id: string; summary?: string; refused?: string | null }[]): Finding => ({
  code,
  severity,
  runbook: 'r',
  title: code,
  cause: 'c',
  explanation: '',
  evidence: [],
  fixes: fixes.map((x) => ({ id: x.id, title: x.id, summary: x.summary ?? x.id, refused: x.refused ? { reason: x.refused } : null })),
});
