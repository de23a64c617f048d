// The shape of runbooks/canaries.yaml: each canary names the stock rule it trips, the harmless argv that
// trips it (run in a throwaway container, never through a shell), the files that argv needs in that
// container, the event types and state syscalls the rule needs, and how its alert is recognised.
import { z } from 'zod';
import { parseDataFile, type DataError, type DataFile } from '../runbook/load.js';
import { X86_64_SYSCALLS } from '../falco/config/syscalls-x86_64.js';

/** on every canary container (Docker) and pod (Kubernetes): a leftover of an interrupted run is found by it */
export const CANARY_LABEL = 'falco-doctor.canary';

/** Replaced by the run's marker (canaryMarker): it must reach proc.cmdline, which the alert carries. */
export const MARKER_PLACEHOLDER = '{marker}';

const Syscall = z.string().refine((s) => X86_64_SYSCALLS.has(s), 'not a Linux x86_64 syscall');

export const CanarySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by "-"'),
  rule: z.string().min(1),
  /** the rules release whose condition and output the entry was checked against */
  rules_release: z.string().min(1),
  why: z.string().min(1),
  files: z.array(z.strictObject({ path: z.string().regex(/^\/[^\0]+$/, 'an absolute path'), content: z.string() })).default([]),
  argv: z
    .array(z.string().min(1))
    .min(1)
    .refine((a) => a.some((w) => w.includes(MARKER_PLACEHOLDER)), `one argument must carry ${MARKER_PLACEHOLDER} (the alert is recognised by it)`),
  /** the evt.type values the rule matches (its condition's) */
  event_types: z.array(Syscall).min(1),
  /** syscalls Falco needs to build the state the rule's fields read (process, fd) */
  state_syscalls: z.array(Syscall).default([]),
  alert: z.strictObject({
    rule: z.string().min(1),
    /** the start of the rule's output: text outputs do not carry the rule name */
    output_prefix: z.string().min(1),
    priority: z.string().min(1),
  }),
});
export type Canary = z.infer<typeof CanarySchema>;

export const CanaryFileSchema = z.strictObject({ canaries: z.array(CanarySchema).min(1) });

/** Parses canaries.yaml; errors name file:line:key as the runbook loader's do. */
export function loadCanaries(file: DataFile): { canaries: Canary[]; errors: DataError[] } {
  const r = parseDataFile(file, CanaryFileSchema);
  if (!r.value) return { canaries: [], errors: r.errors };
  const errors: DataError[] = [];
  const seen = new Set<string>();
  r.value.canaries.forEach((c, i) => {
    if (seen.has(c.id))
      errors.push({ file: file.path, line: r.lineOf(['canaries', i, 'id']), key: `canaries.${i}.id`, message: `duplicate canary id "${c.id}"` });
    seen.add(c.id);
  });
  return { canaries: errors.length ? [] : r.value.canaries, errors };
}

/** The marker of one run: names falco-doctor, unique per run (a time and a random part). */
export function canaryMarker(nowMs: number, random: string): string {
  return `falco-doctor-canary-${nowMs.toString(36)}${random.replace(/[^a-z0-9]/g, '').slice(0, 6)}`;
}

export function argvWithMarker(c: Canary, marker: string): string[] {
  return c.argv.map((w) => w.split(MARKER_PLACEHOLDER).join(marker));
}
