// What the shell completion knows, built from the parser's own tables (COMMANDS, COMMAND_FLAGS and
// OPTIONS in args.ts) and the help's texts, so a flag added to the parser is completed without
// touching the scripts (completion-scripts.ts renders them).
import { COMMANDS, COMMAND_FLAGS, GLOBAL_FLAGS, OPTIONS, SHELLS, type Command } from './flags.js';
import { COMMAND_HELP } from './help-texts.js';

type OptionTable = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

export interface CompletionFlag {
  long: string;
  short: string | null;
  /** null: takes no value; 'file': a path; 'any': free text; else the values to offer */
  value: null | 'file' | 'any' | readonly string[];
  description: string;
}

export interface CompletionCommand {
  name: Command;
  description: string;
  flags: CompletionFlag[];
  /** for each operand, in order: the words to offer, or 'file' for a path */
  operands: (readonly string[] | 'file')[];
}

export interface CompletionModel {
  commands: CompletionCommand[];
}

/** What only a running tool knows: read from the catalogue and the checklist. */
export interface CompletionData {
  fixIds: readonly string[];
  runbookIds: readonly string[];
  checklistItems: readonly string[];
  rolloutActions: readonly string[];
  severities: readonly string[];
}

const FILE_FLAGS = new Set(['bundle', 'output', 'state-dir', 'plan', 'checklist', 'rules']);
const GLOBAL_TEXT: Record<string, string> = { help: 'this help', version: "the tool's version", 'no-color': 'no colours (also NO_COLOR)' };

/** Every word the scripts embed: nothing a shell would read as syntax. */
const SAFE_WORD = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
function safe(words: readonly string[]): readonly string[] {
  for (const w of words) if (!SAFE_WORD.test(w)) throw new Error(`completion: "${w}" is not a plain word`);
  return words;
}

export function completionModel(data: CompletionData): CompletionModel {
  const flagsOf = (command: Command): CompletionFlag[] => {
    const names = [...COMMAND_FLAGS[command], ...GLOBAL_FLAGS];
    const documented = COMMAND_HELP[command].flags;
    return names.map((long) => {
      const o: OptionTable[string] = (OPTIONS as OptionTable)[long]!;
      const value: CompletionFlag['value'] =
        o.type === 'boolean' ? null : long === 'fail-on' ? data.severities : long === 'runbook' ? data.runbookIds : FILE_FLAGS.has(long) ? 'file' : 'any';
      const description = documented.find((d) => d.name === long)?.text ?? GLOBAL_TEXT[long] ?? long;
      return { long: safe([long])[0]!, short: o.short ?? null, value: Array.isArray(value) ? safe(value) : value, description };
    });
  };
  const operands: Partial<Record<Command, (readonly string[] | 'file')[]>> = {
    fix: [data.fixIds],
    scan: ['file'],
    lint: ['file'],
    checklist: [['confirm'], data.checklistItems],
    rollout: [data.rolloutActions],
    completion: [SHELLS],
    help: [COMMANDS],
  };
  return {
    commands: COMMANDS.map((name) => ({
      name,
      description: COMMAND_HELP[name].summary,
      flags: flagsOf(name),
      operands: (operands[name] ?? []).map((w) => (w === 'file' ? w : safe(w))),
    })),
  };
}

/** Flags that take a value, over every command: a completer skips the word after them. A flag takes a
 *  value in every command or in none (checked here), so one list serves all. */
export function valueFlags(model: CompletionModel): string[] {
  const takes = new Map<string, boolean>();
  for (const c of model.commands)
    for (const f of c.flags)
      for (const spelling of [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]) {
        const v = f.value !== null;
        if (takes.has(spelling) && takes.get(spelling) !== v) throw new Error(`completion: ${spelling} takes a value in one command and not in another`);
        takes.set(spelling, v);
      }
  return [...takes]
    .filter(([, v]) => v)
    .map(([s]) => s)
    .sort();
}
