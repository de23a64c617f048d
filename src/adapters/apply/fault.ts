// TEST HOOK: FALCO_DOCTOR_FAULT=<point> makes the doctor SIGKILL itself at that point of a fix
// transaction, so tests (and `npm run soak`) can prove that `rollback --last` recovers from a crash
// at every step. Never set it in production. The points, in the order a transaction reaches them:
export const FAULT_POINTS = [
  /** the lock is taken, nothing is journaled yet */
  'after-lock',
  /** the intent (before-state of every file, the limits) is journaled; nothing changed */
  'after-intent',
  /** the journal says "applying" (appliedAt set); nothing changed yet */
  'before-write',
  /** a file's new bytes are in its temp file, not yet renamed over the file */
  'mid-file',
  /** the first file is written, the next not yet (fixes that touch several files) */
  'between-files',
  /** every file is written; the limits not yet changed */
  'after-files',
  /** the limits are changed (fixes that change them); the journal does not say "applied" yet */
  'after-limits',
  /** a fix that changes Falco's command line: the old container is stopped and parked under another name */
  'after-park',
  /** ... and its successor is created, not yet started */
  'after-create',
  /** the journal says "applied"; Falco has not yet picked the files up */
  'after-applied',
  /** Falco reloaded or was restarted; not yet verified */
  'after-reload',
  /** inside the settle period of the health check */
  'mid-verify',
  /** verified healthy; the re-measure has not started */
  'after-verify',
  /** inside the re-measure's sampling window */
  'mid-measure',
  /** measured; the journal does not say "verified" yet */
  'after-measure',
  /** the journal says "verified"; the lock is still held */
  'after-verified',
  /** a failed change is being undone: its files are restored, Falco not yet reloaded or checked */
  'revert-after-files',
  /** a failed change is being undone: Falco reloaded or restarted with the restored files, not yet checked */
  'revert-after-reload',
  /** `rollback` of a verified command-line change re-creates the container: the changed one is
   *  removed, its replacement (created under a temporary name) not yet renamed or started */
  'undo-after-remove',
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export function faultPoint(point: FaultPoint | KubeFaultPoint, env: NodeJS.ProcessEnv = process.env): void {
  if (env['FALCO_DOCTOR_FAULT'] === point) process.kill(process.pid, 'SIGKILL');
}

/** The points of a change through the Kubernetes API (fix --kube), apart so the Docker fault trial does not
 *  expect them; test/e2e/kube-fix.test.ts kills there. */
export const KUBE_FAULT_POINTS = [
  /** the ConfigMap holds the new falco.yaml; the DaemonSet is not touched yet (no pod restarted) */
  'kube-after-configmap',
  /** the DaemonSet's template is changed (the rollout has begun); the journal does not say "applied" yet */
  'kube-after-daemonset',
] as const;
export type KubeFaultPoint = (typeof KUBE_FAULT_POINTS)[number];
