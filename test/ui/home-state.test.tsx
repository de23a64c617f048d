// The home reducer: keys resolve with the next screen, or say "coming soon"; ticks are sanitised.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { homeReducer, initialHomeState, type HomeState } from '../../src/ui/home/state.js';
import { toHomeKey, type HomeKey } from '../../src/ui/home/keys.js';
import { lastDiagnosis, labTicks, tick } from './home-fixtures.js';

const start = (available: HomeState['available'] = ['diagnose']) => initialHomeState({ lastDiagnosis, available });
const press = (s: HomeState, ...keys: HomeKey[]) => keys.reduce((acc, key) => homeReducer(acc, { type: 'key', key }), s);
const noKey = {} as Key;

describe('home keys', () => {
  it('maps letters to screens and keeps the shared intents', () => {
    expect(['d', 'c', 'r', 'h', 'l', 'q', '?', 'j', 'x'].map((i) => toHomeKey(i, noKey))).toEqual([
      'diagnose',
      'checklist',
      'rollout',
      'history',
      'log',
      'quit',
      'help',
      'down',
      null,
    ]);
    expect(toHomeKey('c', { ...noKey, ctrl: true })).toBe('quit'); // Ctrl-C, not the checklist
  });
});

describe('home reducer', () => {
  it('resolves with diagnose when the caller can open it', () => {
    expect(press(start(), 'diagnose').next).toBe('diagnose');
  });

  it('says "coming soon" for screens without a handler, and the next key clears it', () => {
    const s = press(start(), 'checklist');
    expect(s.next).toBeNull();
    expect(s.notice).toBe('the production checklist: coming soon');
    expect(press(s, 'rollout').notice).toBe('the staged rollout: coming soon');
    expect(press(s, 'down').notice).toBeNull();
    expect(press(start(['diagnose', 'history']), 'history').next).toBe('history');
  });

  it('quits with q, and with Esc only at the top level', () => {
    expect(press(start(), 'quit').next).toBe('quit');
    const inLog = press(start(), 'log');
    expect(inLog.view).toBe('log');
    expect(press(inLog, 'escape').view).toBe('panels');
    expect(press(inLog, 'escape').next).toBeNull();
    expect(press(start(), 'help', 'escape').helpOpen).toBe(false);
    expect(press(start(), 'escape').next).toBe('quit');
  });

  it('moves through the findings within bounds, and scrolls the log in the log view', () => {
    expect(press(start(), 'down', 'down', 'down').selected).toBe(1);
    expect(press(start(), 'up').selected).toBe(0);
    let s = start();
    for (const t of labTicks()) s = homeReducer(s, { type: 'tick', tick: t });
    s = press(s, 'log', 'up', 'up');
    expect(s.logOffset).toBe(2);
    expect(press(s, 'down', 'down', 'down').logOffset).toBe(0);
  });

  it('keeps the state object for a tick that changes nothing (no re-render)', () => {
    const s = homeReducer(start(), { type: 'tick', tick: labTicks()[0]! });
    expect(homeReducer(s, { type: 'tick', tick: { ...labTicks()[0]!, header: undefined, counters: undefined, service: undefined } })).toBe(s);
  });

  it('makes untrusted strings from the target inert on the way in', () => {
    const hostile = tick(1, { logLines: [{ stream: 'stdout', t: '2026-11-23T08:00:01Z', text: 'ok\u001B]0;pwned\u0007\u001B[2J done' }] });
    const s = homeReducer(start(), { type: 'tick', tick: hostile });
    expect(s.monitor.recentLog[0]?.text).toBe('ok done');
  });
});
