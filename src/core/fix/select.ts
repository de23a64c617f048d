// Which fixes the f / e / w keys of a diagnosis screen ask for: one policy for the Docker diagnose screen
// (ui/diagnose/state.ts) and the Kubernetes node list (commands/kube/fix-from-screen.ts), so a key means
// the same on both. With a finding open, that finding's fix whatever the key; on the list, every finding
// (f), the critical ones (e) or the warnings (w). Each finding gives its first fix that is not refused,
// once each: one change at a time, each previewed with its diff.
import type { Finding } from '../findings.js';

export type FixIntent = 'fix-all' | 'fix-critical' | 'fix-warning';

/** `open`: the index of the finding shown on its own, or null on the list. */
export function selectFixes(findings: readonly Finding[], intent: FixIntent, open: number | null): string[] {
  const pool =
    open !== null
      ? findings.slice(open, open + 1)
      : findings.filter((f) => intent === 'fix-all' || f.severity === (intent === 'fix-critical' ? 'critical' : 'warning'));
  const ids = pool.map((f) => f.fixes.find((x) => x.refused === null)?.id).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}
