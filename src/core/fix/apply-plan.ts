// FixPlan (which keys, which rules, which limits) → ApplyPlan (which bytes go into which host file,
// which Docker limits). Pure: the adapter reads the files, this decides their new text, and the
// journal keeps the old text so the undo is computed, never written by hand.
import type { FileRead } from '../snapshot.js';
import type { Provenance } from '../falco/config/types.js';
import { setKey, unsetKey, unifiedDiff } from '../falco/config/edit.js';
import { describeChange, type FixPlan } from './plan.js';
import type { Limits } from './journal-entry.js';
import { limitsAfter, describeLimits } from './limits.js';
import { editComposeCommand, editComposeLimits } from './compose-edit.js';
import { appendRuleOverrides } from './rule-overrides.js';

export interface ApplyInputs {
  /** journal id, written into the comment above added rule overrides */
  id: string;
  /** falco.yaml first, then drop-ins, as read (hostPath null = not editable from the host) */
  configFiles: FileRead[];
  provenance: Record<string, Provenance>;
  /** rules_files as Falco sees it (container paths) */
  rulesFiles: string[];
  /** the local rules file for overrides: container path, host path, text (null = absent) */
  localRules: { path: string; hostPath: string | null; text: string | null };
  /** the compose file that started the container, when Docker's labels name one */
  compose: { path: string; service: string; text: string } | null;
  limits: Limits;
  /** the container's Config.Cmd (what a `command:` replaces), for a command-line change */
  configCmd: string[] | null;
}

export interface FileEdit {
  /** host path */
  path: string;
  containerPath: string | null;
  /** null: the file does not exist yet */
  before: string | null;
  after: string;
}

export interface ApplyPlan {
  files: FileEdit[];
  limits: Limits | null;
  /** re-create the container with Config.Cmd + these arguments (null: the command line stays) */
  recreate: { cmdBefore: string[] | null; cmdAfter: string[] } | null;
  /** Falco must pick up changed files (reload or restart); limits alone apply live */
  needsReload: boolean;
  summary: string[];
}

export class ApplyPlanError extends Error {}

export function buildApplyPlan(plan: FixPlan, inp: ApplyInputs): ApplyPlan {
  if (plan.refused) throw new ApplyPlanError(`fix ${plan.id} cannot be applied: ${plan.refused}`);
  const files = new Map<string, FileEdit>();
  const edit = (path: string, containerPath: string | null, before: string | null, change: (text: string) => string) => {
    const cur = files.get(path) ?? { path, containerPath, before, after: before ?? '' };
    files.set(path, { ...cur, after: change(cur.after) });
  };
  let limits: Limits | null = null;
  let recreate: ApplyPlan['recreate'] = null;
  const composeLimits: { cpus?: number; memoryMb?: number } = {};
  let touchesLimits = false;
  for (const c of plan.changes) {
    switch (c.kind) {
      case 'config-set':
      case 'config-unset': {
        const f = fileHolding(c.key, inp);
        const keyPath = c.key.split('.');
        edit(f.hostPath as string, f.path, f.text, (t) => (c.kind === 'config-set' ? setKey(t, keyPath, c.after) : unsetKey(t, keyPath)));
        break;
      }
      case 'disable-rules': {
        const lr = inp.localRules;
        if (!lr.hostPath) throw new ApplyPlanError(`${lr.path}: not on a bind mount, an override written inside the container would not persist`);
        edit(lr.hostPath, lr.path, lr.text, (t) => appendRuleOverrides(t, c.rules, `${plan.id} (journal ${inp.id})`));
        if (!inp.rulesFiles.includes(lr.path)) {
          // Falco would not read the overrides: add the file after the others (load order matters)
          const main = mainFile(inp);
          edit(main.hostPath as string, main.path, main.text, (t) => setKey(t, ['rules_files'], [...inp.rulesFiles, lr.path]));
        }
        break;
      }
      case 'command': {
        if (c.add.length === 0) break;
        recreate = { cmdBefore: inp.configCmd, cmdAfter: [...(inp.configCmd ?? []), ...c.add] };
        if (inp.compose) {
          const { path, service, text } = inp.compose;
          edit(path, null, text, (t) => editComposeCommand(path, t, service, inp.configCmd, c.add));
        }
        break;
      }
      case 'limits':
        limits = limitsAfter(limits ?? inp.limits, c);
        touchesLimits = true;
        if (c.cpus) composeLimits.cpus = c.cpus.after;
        if (c.memoryMb) composeLimits.memoryMb = c.memoryMb.after;
        break;
    }
  }
  if (touchesLimits && inp.compose) {
    const { path, service, text } = inp.compose;
    edit(path, null, text, (t) => editComposeLimits(path, t, service, composeLimits));
  }
  const changed = [...files.values()].filter((f) => f.after !== f.before);
  const summary = plan.changes.map(describeChange);
  if (limits) summary.push(`container: ${describeLimits(inp.limits)} → ${describeLimits(limits)}`);
  return { files: changed, limits, recreate, needsReload: changed.some((f) => f.containerPath !== null), summary };
}

/** Unified diff per file, then the container change: what the operator confirms. */
export function previewText(p: ApplyPlan): string {
  const parts = p.files.map((f) => unifiedDiff(f.path.replace(/^\//, ''), f.before ?? '', f.after));
  if (p.limits) parts.push(p.summary.at(-1) ?? '');
  if (p.recreate)
    parts.push(
      `container command: ${JSON.stringify(p.recreate.cmdBefore)} → ${JSON.stringify(p.recreate.cmdAfter)} (re-created; the old container is kept, stopped, until the new one is healthy)`,
    );
  return parts.filter(Boolean).join('\n');
}

type EditableFile = FileRead & { hostPath: string };

function mainFile(inp: ApplyInputs): EditableFile {
  const main = inp.configFiles[0];
  if (!main) throw new ApplyPlanError('falco.yaml was not read: nothing to edit');
  if (!main.hostPath) throw new ApplyPlanError(`${main.path}: not on a bind mount, an edit inside the container would not persist`);
  return main as EditableFile;
}

/** The file that sets the key now (a drop-in wins over falco.yaml), else falco.yaml. */
function fileHolding(key: string, inp: ApplyInputs): EditableFile {
  const src = inp.provenance[key]?.source;
  if (src?.startsWith('-o')) throw new ApplyPlanError(`${key}: set on Falco's command line (${src}), which overrides every file; change it there`);
  const f = inp.configFiles.find((c) => c.path === src);
  if (f && !f.hostPath) throw new ApplyPlanError(`${f.path}: sets ${key} but is not on a bind mount`);
  return f ? (f as EditableFile) : mainFile(inp);
}

/**
 * Nothing to write, no limit and no command to change: the fix is in place. A command-line change on a
 * container that no compose file describes writes no file and is still a change (the container is re-created).
 */
export function changesNothing(p: ApplyPlan): boolean {
  return p.files.length === 0 && !p.limits && !p.recreate;
}
