export const CHECKLIST_OPTIONS = {} as const;
export function runChecklistCommand(..._a: unknown[]): Promise<number> { throw new Error('todo'); }
export function toChecklistRequest(..._a: unknown[]): unknown { return null; }
