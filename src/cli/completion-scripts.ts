// The completion scripts for bash, zsh and fish, rendered from the completion model. Every word
// they embed passed completion-model's plain-word check; descriptions are stripped of quoting
// characters before they go between quotes.
import type { Shell } from './flags.js';
import { valueFlags, type CompletionCommand, type CompletionFlag, type CompletionModel } from './completion-model.js';

const PROG = 'falco-doctor';
const spellings = (f: CompletionFlag) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])];
/** descriptions go inside single quotes (and zsh's [...]): keep letters, digits and plain punctuation */
const plain = (s: string) =>
  s
    .replace(/[^A-Za-z0-9 ,.;()/%+=<>~#@*?!&-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const home = (m: CompletionModel) => m.commands.find((c) => c.name === 'home')!;

const FILE_REPLY = 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))';

function bash(m: CompletionModel): string {
  const valueCases = new Map<string, string[]>();
  for (const c of m.commands)
    for (const f of c.flags) {
      if (f.value === null) continue;
      const action = f.value === 'file' ? FILE_REPLY : f.value === 'any' ? 'COMPREPLY=()' : `COMPREPLY=($(compgen -W "${f.value.join(' ')}" -- "$cur"))`;
      for (const s of spellings(f)) valueCases.set(action, [...new Set([...(valueCases.get(action) ?? []), s])]);
    }
  const flagWords = (c: CompletionCommand) => c.flags.flatMap(spellings).join(' ');
  const operandCases = m.commands.flatMap((c) =>
    c.operands.map((words, i) => `      ${c.name}:${i}) ${words === 'file' ? FILE_REPLY : `COMPREPLY=($(compgen -W "${words.join(' ')}" -- "$cur"))`} ;;`),
  );
  return `# ${PROG} completion for bash: source <(${PROG} completion bash)   (e.g. in ~/.bashrc)
_falco_doctor() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local cmd="" word i operands=0
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    case $word in
      --) compopt -o default 2>/dev/null; return 0 ;;   # a command line follows (rollout --probe-exec)
      ${valueFlags(m).join('|')}) i=$((i + 1)) ;;   # its value is not an operand
      -*) ;;
      *) if [[ -z $cmd ]]; then cmd=$word; else operands=$((operands + 1)); fi ;;
    esac
  done
  case $prev in
${[...valueCases].map(([action, flags]) => `    ${flags.join('|')}) ${action}; return 0 ;;`).join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case \${cmd:-home} in
${m.commands.map((c) => `      ${c.name}) COMPREPLY=($(compgen -W "${flagWords(c)}" -- "$cur")) ;;`).join('\n')}
    esac
    return 0
  fi
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "${m.commands.map((c) => c.name).join(' ')}" -- "$cur"))
    return 0
  fi
  case $cmd:$operands in
${operandCases.join('\n')}
  esac
  return 0
}
complete -F _falco_doctor ${PROG}
`;
}

function zshFlag(f: CompletionFlag): string {
  const value = f.value === null ? '' : f.value === 'file' ? ':file:_files' : f.value === 'any' ? `:${f.long}: ` : `:${f.long}:(${f.value.join(' ')})`;
  const desc = `[${plain(f.description)}]${value}`;
  return f.short ? `'(-${f.short} --${f.long})'{-${f.short},--${f.long}}'${desc}'` : `'--${f.long}${desc}'`;
}

function zsh(m: CompletionModel): string {
  const args = (c: CompletionCommand) => [
    ...c.flags.map(zshFlag),
    ...c.operands.map((w, i) => (w === 'file' ? `'${i + 1}:file:_files'` : `'${i + 1}:${c.name === 'fix' ? 'fix' : 'argument'}:(${w.join(' ')})'`)),
  ];
  return `#compdef ${PROG}
# ${PROG} completion for zsh: save as _${PROG} in a folder of $fpath, or source <(${PROG} completion zsh)
_falco_doctor() {
  local curcontext=$curcontext state line
  typeset -A opt_args
  local -a commands
  commands=(
${m.commands.map((c) => `    '${c.name}:${plain(c.description)}'`).join('\n')}
  )
  _arguments -C \\
${home(m)
  .flags.map((f) => `    ${zshFlag(f)} \\`)
  .join('\n')}
    '1: :->command' \\
    '*:: :->args'
  case $state in
    command) _describe -t commands '${PROG} command' commands ;;
    args)
      curcontext=\${curcontext%:*:*}:${PROG}-$line[1]:
      case $line[1] in
${m.commands.map((c) => `        ${c.name}) _arguments ${args(c).join(' ')} ;;`).join('\n')}
      esac
      ;;
  esac
}
if [[ $funcstack[1] == _falco_doctor ]]; then _falco_doctor "$@"; else compdef _falco_doctor ${PROG}; fi
`;
}

function fish(m: CompletionModel): string {
  const q = (s: string) => `'${plain(s)}'`;
  const lines = [
    `# ${PROG} completion for fish: ${PROG} completion fish > ~/.config/fish/completions/${PROG}.fish`,
    '# the command word: the first word that is neither a flag nor the value of one',
    'function __falco_doctor_command',
    '    set -l words (commandline -opc)',
    '    set -e words[1]',
    '    set -l skip 0',
    '    for w in $words',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        switch $w',
    `            case ${valueFlags(m).join(' ')}`,
    '                set skip 1',
    "            case '-*'",
    "            case '*'",
    '                echo $w',
    '                return 0',
    '        end',
    '    end',
    '    echo home',
    'end',
    'function __falco_doctor_is',
    '    test (__falco_doctor_command) = $argv[1]',
    'end',
    `complete -c ${PROG} -f`,
    ...m.commands.map((c) => `complete -c ${PROG} -n '__falco_doctor_is home' -a ${c.name} -d ${q(c.description)}`),
  ];
  for (const c of m.commands) {
    const when = `-n '__falco_doctor_is ${c.name}'`;
    for (const f of c.flags) {
      const value = f.value === null ? '' : f.value === 'file' ? ' -r -F' : f.value === 'any' ? ' -x' : ` -x -a '${f.value.join(' ')}'`;
      lines.push(`complete -c ${PROG} ${when}${f.short ? ` -s ${f.short}` : ''} -l ${f.long}${value} -d ${q(f.description)}`);
    }
    // -F: paths, which `complete -c falco-doctor -f` above turns off for everything else
    for (const words of c.operands) lines.push(words === 'file' ? `complete -c ${PROG} ${when} -F` : `complete -c ${PROG} ${when} -a '${words.join(' ')}'`);
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, model: CompletionModel): string {
  return { bash, zsh, fish }[shell](model);
}
