// TEST HOOK: FALCO_DOCTOR_FAULT=<point> makes the doctor SIGKILL itself at that point of a fix
// transaction, so tests can prove that `rollback --last` recovers from a crash at every step.
// Points: before-write (intent journaled, nothing changed), after-write (files written, Falco not yet
// reloaded), after-restart (Falco reloaded or restarted, not yet verified). Never set it in production.
export const FAULT_POINTS = ['before-write', 'after-write', 'after-restart'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export function faultPoint(point: FaultPoint, env: NodeJS.ProcessEnv = process.env): void {
  if (env['FALCO_DOCTOR_FAULT'] === point) process.kill(process.pid, 'SIGKILL');
}
