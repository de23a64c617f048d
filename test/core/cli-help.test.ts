// Every command has its own --help, and a help names only flags that command's parser takes (and
// every flag it takes): checked against the parsers' own tables, and through the real entry point.
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import path from 'node:path';
import { COMMANDS, COMMAND_FLAGS, GLOBAL_FLAGS, OPTIONS, type Command } from '../../src/cli/flags.js';
import { HELP, commandHelp } from '../../src/cli/help.js';
import { COMMAND_HELP } from '../../src/cli/help-texts.js';
import { REPO, repoFile } from './helpers/fixtures.js';

type Table = Readonly<Record<string, { readonly type: string; readonly short?: string }>>;

/** the flags the command's parser takes, with their short aliases */
function parserFlags(c: Command): Map<string, string | undefined> {
  const names = [...COMMAND_FLAGS[c], ...GLOBAL_FLAGS];
  return new Map(names.map((n) => [n, (OPTIONS as Table)[n]!.short]));
}

/** every --flag a help mentions, with the command it belongs to: `c`, unless the words before it on
 *  its line invoke another command (`falco-doctor diagnose --bundle FILE` in bundle's help) */
function mentioned(c: Command, text: string): [Command, string][] {
  const out: [Command, string][] = [];
  for (const line of text.split('\n'))
    for (const [i, segment] of line.split(/(?=falco-doctor [a-z])/).entries()) {
      const named = /^falco-doctor ([a-z]+)/.exec(segment)?.[1];
      const owner = i > 0 && named && (COMMANDS as readonly string[]).includes(named) ? (named as Command) : c;
      for (const m of segment.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)) out.push([owner, m[1]!]);
    }
  return out;
}

describe('per-command help', () => {
  it('every command has its own help: synopsis, options, examples, exit codes', () => {
    for (const c of COMMANDS) {
      const h = COMMAND_HELP[c];
      expect(h.synopsis.length, c).toBeGreaterThan(0);
      expect(h.examples.length, c).toBeGreaterThan(0);
      expect(h.exit.length, c).toBeGreaterThan(0);
      const text = commandHelp(c);
      expect(text.startsWith(`falco-doctor ${c} — `), c).toBe(true);
      for (const heading of ['Usage:', 'Options:', 'Examples:', 'Exit codes:']) expect(text, `${c}: ${heading}`).toContain(`\n${heading}\n`);
      expect(text).not.toBe(HELP);
      // the overview lists it
      expect(HELP).toContain(`  ${c.padEnd(11)} ${h.summary}`);
    }
    expect(new Set(COMMANDS.map(commandHelp)).size).toBe(COMMANDS.length);
  });

  it("a help names only flags its command's parser takes, with the parser's short aliases", () => {
    for (const c of COMMANDS) {
      const known = parserFlags(c);
      const unknown = mentioned(c, commandHelp(c)).filter(([owner, f]) => !parserFlags(owner).has(f));
      expect(unknown, `${c} --help names flags their parsers refuse`).toEqual([]);
      for (const f of COMMAND_HELP[c].flags) expect(f.short, `${c} --${f.name}`).toBe(known.get(f.name));
    }
  });

  it('a help lists every flag its command takes', () => {
    for (const c of COMMANDS) {
      const listed = new Set(COMMAND_HELP[c].flags.map((f) => f.name));
      const missing = [...parserFlags(c).keys()].filter((f) => f !== 'help' && f !== 'version' && !listed.has(f));
      // --no-color is taken by every command; the ones with nothing to colour need not list it
      expect(
        missing.filter((f) => f !== 'no-color'),
        c,
      ).toEqual([]);
    }
  });

  it('the entry point prints the command help for `X --help`, `help X`, and after the rollout flags', async () => {
    const run = (...args: string[]) =>
      execa('node', ['--import', 'tsx', path.join(REPO, 'src/cli/cli.tsx'), ...args], { cwd: REPO, reject: false, env: { CI: 'true' } });
    const [a, b, c, d] = await Promise.all([
      run('bundle', '--help'),
      run('help', 'bundle'),
      run('rollout', 'next', '--probe-url', 'http://127.0.0.1:1/', '--help'),
      run('checklist', '-h'),
    ]);
    expect(a.exitCode).toBe(0);
    expect(a.stdout).toBe(commandHelp('bundle').trimEnd());
    expect(b.stdout).toBe(a.stdout);
    expect(c.exitCode).toBe(0);
    expect(c.stdout).toBe(commandHelp('rollout').trimEnd());
    expect(d.stdout).toBe(commandHelp('checklist').trimEnd());
  });
});

describe('README commands table', () => {
  // The README tours the tool and points to each command's --help, the one full usage text (issue #14).
  const readme = repoFile('README.md');
  it('lists every command with its --help summary and the way to read its usage', () => {
    for (const c of COMMANDS.filter((x) => x !== 'version' && x !== 'help')) {
      const name = c === 'home' ? '`falco-doctor`' : `\`falco-doctor ${c}\``;
      // the table is padded to its widest cell (prettier)
      const row = readme.split('\n').find((l) => new RegExp(`^\\| ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\|`).test(l));
      expect(row, `README: no row for ${c}`).toBeDefined();
      expect(row).toContain(COMMAND_HELP[c].summary);
      expect(row).toContain(c === 'home' ? '`falco-doctor home --help`' : `\`falco-doctor ${c} --help\``);
    }
  });
});
