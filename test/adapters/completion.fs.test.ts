// `falco-doctor completion bash|zsh|fish`: each script loaded into its real shell and asked to
// complete. bash: the function called as bash calls it (COMP_WORDS, COMP_CWORD → COMPREPLY); fish:
// `complete -C`; zsh: a real interactive zsh in tmux, Tab pressed. zsh and fish are skipped where
// they are not installed (apt-get install zsh fish).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { completionFor } from '../../src/commands/completion.js';
import { COMMANDS, COMMAND_FLAGS, GLOBAL_FLAGS } from '../../src/cli/flags.js';
import { readCatalogue } from '../../src/adapters/catalogue-files.js';
import { ROLLOUT_ACTIONS } from '../../src/commands/rollout/request.js';
import { startTmux } from '../e2e/helpers/tmux.js';

const onPath = (shell: string) => ['/usr/bin', '/bin', '/usr/local/bin'].some((d) => existsSync(path.join(d, shell)));
let dir: string;
const script = (shell: string) => path.join(dir, `falco-doctor.${shell}`);
let fixIds: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fd-completion-'));
  for (const shell of ['bash', 'zsh', 'fish'] as const) await writeFile(script(shell), await completionFor(shell));
  fixIds = Object.keys((await readCatalogue()).fixes).sort();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** what bash's completion offers for the words typed so far (the last one is being completed) */
async function bashComplete(...words: string[]): Promise<string[]> {
  const probe = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _falco_doctor; printf "%s\\n" "${COMPREPLY[@]}"';
  const r = await execa('bash', ['--norc', '-c', probe, 'probe', script('bash'), 'falco-doctor', ...words]);
  return r.stdout.split('\n').filter(Boolean).sort();
}

describe('bash completion', () => {
  it('is registered for falco-doctor', async () => {
    const r = await execa('bash', ['--norc', '-c', 'source "$1"; complete -p falco-doctor', 'probe', script('bash')]);
    expect(r.stdout).toBe('complete -F _falco_doctor falco-doctor');
  });

  it('completes commands, their own flags, flag values and operands', async () => {
    expect(await bashComplete('')).toEqual([...COMMANDS].sort());
    expect(await bashComplete('ro')).toEqual(['rollback', 'rollout']);
    expect(await bashComplete('history', '--')).toEqual([...COMMAND_FLAGS.history, ...GLOBAL_FLAGS].map((f) => `--${f}`).sort());
    expect(await bashComplete('diagnose', '--fail-on', '')).toEqual(['critical', 'info', 'none', 'warning']);
    expect(await bashComplete('diagnose', '--runbook', 'mem')).toEqual(['memory-pressure']);
    expect(await bashComplete('fix', '')).toEqual(fixIds);
    expect(await bashComplete('fix', 'raise-b')).toEqual(['raise-buffer-preset']);
    expect(await bashComplete('rollout', '')).toEqual([...ROLLOUT_ACTIONS].sort());
    expect(await bashComplete('rollout', '--probe-')).toEqual(['--probe-exec', '--probe-tcp', '--probe-url']);
    expect(await bashComplete('checklist', 'confirm', 'aler')).toEqual(['alerting']);
    expect(await bashComplete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
    // scan's operand is a path
    await writeFile(path.join(dir, 'events-2026.json'), '');
    expect(await bashComplete('scan', path.join(dir, 'events-'))).toEqual([path.join(dir, 'events-2026.json')]);
  });

  it("skips flag values when finding the command, and leaves rollout's `-- CMD` to the shell", async () => {
    expect(await bashComplete('--container', 'diagnose', 'di')).toEqual(['diagnose']);
    expect(await bashComplete('-c', 'falco', 'fix', 'raise-b')).toEqual(['raise-buffer-preset']);
    expect(await bashComplete('fix', 'raise-buffer-preset', '')).toEqual([]);
    expect(await bashComplete('rollout', 'next', '--probe-exec', '--', 'wg')).toEqual([]);
  });
});

describe.skipIf(!onPath('fish'))('fish completion', () => {
  const fishComplete = async (line: string) => {
    const r = await execa('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', script('fish'), line]);
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[0]!)
      .sort();
  };

  it('parses', async () => {
    expect((await execa('fish', ['--no-execute', script('fish')], { reject: false })).exitCode).toBe(0);
  });

  it('completes commands, flags, values and operands', async () => {
    expect(await fishComplete('falco-doctor ro')).toEqual(['rollback', 'rollout']);
    expect(await fishComplete('falco-doctor diagnose --fail-on ')).toEqual(['critical', 'info', 'none', 'warning']);
    expect(await fishComplete('falco-doctor history --')).toEqual([...COMMAND_FLAGS.history, ...GLOBAL_FLAGS].map((f) => `--${f}`).sort());
    expect(await fishComplete('falco-doctor -c falco fix raise-b')).toEqual(['raise-buffer-preset']);
    await writeFile(path.join(dir, 'events-2026.json'), '');
    expect(await fishComplete(`falco-doctor scan ${path.join(dir, 'events-')}`)).toEqual([path.join(dir, 'events-2026.json')]);
  });
});

describe.skipIf(!onPath('zsh') || !onPath('tmux'))('zsh completion', () => {
  it('parses', async () => {
    expect((await execa('zsh', ['-n', script('zsh')], { reject: false })).exitCode).toBe(0);
  });

  it('completes in an interactive zsh (compinit, Tab)', async () => {
    await writeFile(path.join(dir, '.zshrc'), `PS1='zsh-ready> '\nautoload -U compinit\ncompinit -u -d "${dir}/zcompdump"\nsource "${script('zsh')}"\n`);
    const zsh = await startTmux(['zsh', '-i'], { cwd: dir, cols: 120, rows: 20, env: { ZDOTDIR: dir } });
    try {
      await zsh.waitForText('zsh-ready>', 8000);
      await zsh.keys('falco-doctor diagnose --fail-on ', 'Tab');
      await zsh.waitForText(/critical\s+info\s+none\s+warning/, 8000);
      await zsh.keys('C-u', 'clear', 'Enter');
      await zsh.keys('falco-doctor rollout --probe-e', 'Tab');
      await zsh.waitForText('falco-doctor rollout --probe-exec');
      await zsh.keys('C-u', 'falco-doctor fix raise-b', 'Tab');
      await zsh.waitForText('falco-doctor fix raise-buffer-preset');
      await writeFile(path.join(dir, 'events-2026.json'), '');
      await zsh.keys('C-u', 'clear', 'Enter');
      await zsh.keys('falco-doctor scan events-2', 'Tab');
      await zsh.waitForText('falco-doctor scan events-2026.json');
    } finally {
      await zsh.kill();
    }
  }, 40_000);
});
