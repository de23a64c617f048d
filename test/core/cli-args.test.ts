// The command-line parser: per-command flags, help topics, NO_COLOR / --no-color.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args.js';
import { COMMANDS, COMMAND_FLAGS, GLOBAL_FLAGS, OPTIONS, type Command } from '../../src/cli/flags.js';
import type { CliRequest, RequestOf } from '../../src/cli/requests.js';
import { UserError } from '../../src/core/errors.js';
import type { Catalogue } from '../../src/core/runbook/load.js';
import { toRolloutRequest } from '../../src/commands/rollout/args.js';
import { toChecklistRequest } from '../../src/commands/checklist.js';

const PARSED = Object.keys(COMMAND_FLAGS) as Command[];
/** the request of `command`, or the test fails: the parser's tag is what the dispatch narrows on */
function parseAs<C extends Command>(command: C, argv: string[], isTty = false): RequestOf<C> {
  const r: CliRequest = parseCli(argv, isTty);
  expect(r.command).toBe(command);
  return r as RequestOf<C>;
}
/** the operand a command needs to parse at all */
const OPERAND: Partial<Record<Command, string>> = { fix: 'raise-buffer-preset', scan: 'events.json', completion: 'bash' };
/** a value each string flag's parser accepts */
const SAMPLE: Record<string, string> = {
  'falco-version': '0.42.1',
  override: 'priority=warning',
  'fail-on': 'none',
  threshold: 'memory-pressure.limit_percent=90',
  'max-changes-per-hour': '3',
};
/** flags that go with --kube only */
const KUBE_ONLY = ['kubeconfig', 'context', 'namespace', 'selector', 'node'];
const argvFor = (c: Command, flag: string) => {
  const o = OPTIONS[flag as keyof typeof OPTIONS];
  const kube = KUBE_ONLY.includes(flag) && (COMMAND_FLAGS[c] as readonly string[]).includes('kube') ? ['--kube'] : [];
  return [c, ...(OPERAND[c] ? [OPERAND[c]] : []), ...kube, `--${flag}`, ...(o.type === 'string' ? [SAMPLE[flag] ?? '5'] : [])];
};

describe('parseCli: flags per command', () => {
  it('every command parsed here accepts its own flags and the global ones', () => {
    for (const c of PARSED.filter((x) => x !== 'help' && x !== 'version'))
      for (const flag of [...COMMAND_FLAGS[c], 'no-color']) expect(() => parseCli(argvFor(c, flag), false), `${String(c)} --${flag}`).not.toThrow();
  });

  it('the cluster flags go with --kube, which excludes --container and --bundle', () => {
    expect(() => parseCli(['diagnose', '--context', 'prod'], false)).toThrow('--context goes with --kube');
    expect(() => parseCli(['fix', 'raise-buffer-preset', '--node', 'n1'], false)).toThrow('--node goes with --kube');
    expect(() => parseCli(['diagnose', '--kube', '--container', 'falco'], false)).toThrow('--kube and --container exclude each other');
    expect(() => parseCli(['diagnose', '--kube', '--bundle', 'b.json'], false)).toThrow('--kube and --bundle exclude each other');
    const a = parseAs('diagnose', ['diagnose', '--kube', '-n', 'falco', '-l', 'app=falco', '--context', 'prod']);
    expect(a.kube).toEqual({ kubeconfig: null, context: 'prod', namespace: 'falco', selector: 'app=falco' });
    expect(parseAs('diagnose', ['diagnose']).kube).toBeNull();
  });

  it('refuses a flag that does not apply to the command, naming both (exit 2)', () => {
    let refused = 0;
    for (const c of PARSED.filter((x) => x !== 'help' && x !== 'version'))
      for (const flag of Object.keys(OPTIONS).filter(
        (f) => !(COMMAND_FLAGS[c] as readonly string[]).includes(f) && !(GLOBAL_FLAGS as readonly string[]).includes(f),
      )) {
        let err: unknown = null;
        try {
          parseCli(argvFor(c, flag), false);
        } catch (e) {
          err = e;
        }
        expect(err, `${String(c)} --${flag}`).toBeInstanceOf(UserError);
        expect((err as UserError).message).toBe(`--${flag} does not apply to ${c}`);
        expect((err as UserError).exitCode).toBe(2);
        refused++;
      }
    expect(refused).toBeGreaterThan(50);
  });

  it('`X --help`, `--help X` and `help X` ask about X; `--help` alone and `help` the overview', () => {
    for (const c of COMMANDS) {
      expect(parseCli([c, '--help'], false)).toMatchObject({ command: 'help', topic: c });
      expect(parseCli(['-h', c], false)).toMatchObject({ command: 'help', topic: c });
      if (c !== 'help') expect(parseCli(['help', c], false)).toMatchObject({ command: 'help', topic: c });
    }
    expect(parseCli(['--help'], true)).toMatchObject({ command: 'help', topic: null });
    expect(parseCli(['help'], true)).toMatchObject({ command: 'help', topic: null });
    expect(() => parseCli(['help', 'nope'], false)).toThrow('unknown command "nope"');
  });

  it('completion needs one of the three shells', () => {
    expect(parseCli(['completion', 'zsh'], false)).toMatchObject({ command: 'completion', shell: 'zsh' });
    expect(() => parseCli(['completion'], false)).toThrow('completion needs a shell');
    expect(() => parseCli(['completion', 'tcsh'], false)).toThrow('unknown shell "tcsh"');
  });
});

describe('parseCli: checklist and rollout, by the same parser', () => {
  const catalogue = { fixes: {}, runbooks: [] } as unknown as Catalogue;

  it('rollout: the action, the exec probe after --, and a phase window of days', () => {
    const a = parseAs('rollout', ['rollout', 'next', '--service', 'bot', '--probe-exec', '--window', '24h', '--', 'wget', '-q', '--help']);
    expect(a).toMatchObject({ command: 'rollout', operands: ['next'], tail: ['wget', '-q', '--help'], phaseWindow: '24h', service: 'bot' });
    const req = toRolloutRequest(a, catalogue, '0.0.0');
    expect(req).toMatchObject({ action: 'next', probe: { kind: 'exec', argv: ['wget', '-q', '--help'] }, phaseWindow: '24h', service: 'bot' });
    // the words after -- are the probe's, never flags: --help there is the probe's argument
    expect(toRolloutRequest(parseAs('rollout', ['rollout']), catalogue, '0.0.0').action).toBe('status');
    expect(() => toRolloutRequest(parseAs('rollout', ['rollout', 'go']), catalogue, '0.0.0')).toThrow('rollout: unknown action "go"');
    expect(() => toRolloutRequest(parseAs('rollout', ['rollout', 'next', '--', 'wget']), catalogue, '0.0.0')).toThrow('unexpected argument "wget" after --');
    expect(() => toRolloutRequest(parseAs('rollout', ['rollout', 'next', '--window', 'soon']), catalogue, '0.0.0')).toThrow(
      '--window: "soon" is not a duration',
    );
    // diagnose's --window is seconds of sampling, up to an hour: 24h is refused there
    expect(() => parseCli(['diagnose', '--window', '24h'], false)).toThrow('--window must be between 2 s and 1 h');
  });

  it('only the rollout takes words after --', () => {
    expect(() => parseCli(['diagnose', '--', 'x'], false)).toThrow('unexpected argument "x" after --');
    expect(() => parseCli(['rollout', 'next', 'extra'], false)).toThrow('unexpected argument "extra"');
  });

  it('checklist: confirm ITEM --note, a 5 s window by default (2 s to 10 min), text off a terminal', () => {
    const run = toChecklistRequest(parseAs('checklist', ['checklist']), catalogue, '0.0.0');
    expect(run).toMatchObject({ confirmItem: null, windowSeconds: 5, format: 'text' });
    expect(toChecklistRequest(parseAs('checklist', ['checklist', '--json', '-w', '30s'], true), catalogue, '0.0.0')).toMatchObject({
      format: 'json',
      windowSeconds: 30,
    });
    expect(toChecklistRequest(parseAs('checklist', ['checklist'], true), catalogue, '0.0.0').format).toBe('ui');
    const confirm = toChecklistRequest(parseAs('checklist', ['checklist', 'confirm', 'alerting', '--note', ' tested ']), catalogue, '0.0.0');
    expect(confirm).toMatchObject({ confirmItem: 'alerting', note: 'tested' });
    expect(() => toChecklistRequest(parseAs('checklist', ['checklist', 'confirm', 'alerting']), catalogue, '0.0.0')).toThrow('needs an item id and --note');
    expect(() => parseCli(['checklist', '--window', '11m'], false)).toThrow('--window must be between 2 s and 10 min');
    // a global flag before the command, as any command takes it
    expect(parseCli(['--no-color', 'checklist'], false)).toMatchObject({ command: 'checklist', noColor: true });
  });
});

describe('parseCli: colour', () => {
  const saved = process.env['NO_COLOR'];
  afterEach(() => {
    if (saved === undefined) delete process.env['NO_COLOR'];
    else process.env['NO_COLOR'] = saved;
  });

  it('--no-color, or NO_COLOR set and not empty (no-color.org), turns colour off', () => {
    delete process.env['NO_COLOR'];
    expect(parseCli(['diagnose'], false).noColor).toBe(false);
    expect(parseCli(['diagnose', '--no-color'], false).noColor).toBe(true);
    process.env['NO_COLOR'] = '';
    expect(parseCli(['diagnose'], false).noColor).toBe(false);
    process.env['NO_COLOR'] = '1';
    expect(parseCli(['diagnose'], false).noColor).toBe(true);
    expect(parseCli(['home'], false).noColor).toBe(true);
  });
});

describe('parseCli: canary', () => {
  it('--timeout (default 20 s, 1 s to 10 min), --force and --yes; the diagnose window is not its flag', () => {
    expect(parseCli(['canary'], false)).toMatchObject({ command: 'canary', timeoutSeconds: 20, force: false, yes: false, format: 'markdown' });
    expect(parseCli(['canary', '--timeout', '1m', '--force', '--yes', '--json'], false)).toMatchObject({
      timeoutSeconds: 60,
      force: true,
      yes: true,
      format: 'json',
    });
    expect(() => parseCli(['canary', '--timeout', '0.5s'], false)).toThrow('--timeout must be between 1 s and 10 min');
    expect(() => parseCli(['canary', '--timeout', '11m'], false)).toThrow(UserError);
    expect(() => parseCli(['canary', '--window', '5s'], false)).toThrow('--window does not apply to canary');
  });

  it('every command that changes Falco takes --canary / --no-canary / --accept-detection-loss; ask by default; both at once refused', () => {
    for (const argv of [['fix', 'raise-cpu-limit'], ['rollback', '--last'], ['rollout', 'next'], ['diagnose'], ['home']])
      expect(parseCli(argv, false)).toMatchObject({ canary: 'ask', acceptDetectionLoss: false });
    expect(parseCli(['fix', 'raise-cpu-limit', '--canary', '--accept-detection-loss'], false)).toMatchObject({ canary: 'on', acceptDetectionLoss: true });
    expect(parseCli(['rollback', '--last', '--no-canary'], false)).toMatchObject({ canary: 'off' });
    expect(() => parseCli(['fix', 'x', '--canary', '--no-canary'], false)).toThrow('--canary and --no-canary contradict each other');
    expect(() => parseCli(['canary', '--accept-detection-loss'], false)).toThrow('--accept-detection-loss does not apply to canary');
  });
});
