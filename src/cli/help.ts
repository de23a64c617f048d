// --help text: one entry per command (`falco-doctor COMMAND --help`, `falco-doctor help COMMAND`)
// rendered from help-texts.ts, and the overview built from them.
import { COMMANDS, type Command } from './flags.js';
import { COMMAND_HELP } from './help-texts.js';
import { f, type FlagHelp } from './help-flags.js';

const HELP_FLAG = f('help', 'this help', undefined, 'h');

function flagSpec(x: FlagHelp): string {
  return `${x.short ? `-${x.short}, ` : '    '}--${x.name}${x.arg ? ` ${x.arg}` : ''}`;
}

/** `falco-doctor COMMAND --help` */
export function commandHelp(command: Command): string {
  const h = COMMAND_HELP[command];
  const flags = [...h.flags, HELP_FLAG];
  const width = Math.max(...flags.map((x) => flagSpec(x).length));
  const codeWidth = Math.max(...h.exit.map(([c]) => String(c).length));
  return [
    `falco-doctor ${command} — ${h.summary}`,
    '',
    'Usage:',
    ...h.synopsis.map((s) => `  ${s}`),
    '',
    wrap(h.description, 100).join('\n'),
    '',
    'Options:',
    ...flags.map((x) => `  ${flagSpec(x).padEnd(width)}  ${x.text}`),
    '',
    'Examples:',
    ...h.examples.map((e) => `  ${e}`),
    '',
    'Exit codes:',
    ...h.exit.map(([c, m]) => `  ${String(c).padStart(codeWidth)}  ${m}`),
    '',
  ].join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** `falco-doctor --help`: every command in one line. */
export const HELP = [
  'falco-doctor — diagnose Falco running in Docker next to a latency-sensitive service',
  '',
  'Usage: falco-doctor [COMMAND] [options]',
  '',
  'Commands:',
  ...COMMANDS.map((c) => `  ${c.padEnd(11)} ${COMMAND_HELP[c].summary}`),
  '',
  "`falco-doctor COMMAND --help` (or `falco-doctor help COMMAND`): the command's options, examples and exit codes.",
  'Every command takes --no-color (also NO_COLOR) and -h/--help; falco-doctor -V (--version) prints the version.',
  '',
  'Exit codes: 0 ok, 1 runtime error, 2 usage or config error, 3 findings (diagnose --fail-on, checklist, rollout gate),',
  '5 target unreachable, 6 a change failed verification and was undone, 7 an undo could not complete.',
  '',
].join('\n');
