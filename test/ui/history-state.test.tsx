// The journal as the screens see it (views built by the command) and the history reducer: what can
// be undone, the y/n before an undo, keys that wait while it runs, and where each screen leads back.
import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { historyReducer, initialHistoryState, type HistoryState } from '../../src/ui/history/state.js';
import { toHistoryKey, type HistoryKey } from '../../src/ui/history/keys.js';
import { ENTRIES, VIEWS, entry } from './history-fixtures.js';
import { toChangeViews } from '../../src/commands/history-ui.js';

const press = (s: HistoryState, ...keys: HistoryKey[]) => keys.reduce((acc, key) => historyReducer(acc, { type: 'key', key }), s);
const noKey = {} as Key;

describe('journal → views', () => {
  it('newest first; rolled-back and reverted changes cannot be undone, the others can', () => {
    expect(VIEWS.map((v) => [v.fixId, v.state, v.undoable])).toEqual([
      ['drop-failed-exit', 'verified', true],
      ['raise-cpu-limit', 'reverted', false],
      ['raise-buffer-preset', 'verified', true],
    ]);
    const states = ['intent', 'applied', 'verified', 'reverted', 'rolled-back', 'rollback-incomplete'] as const;
    const views = toChangeViews(states.map((state, i) => entry({ id: `e${i}`, fixId: 'f', title: 't', state, createdAt: `2026-11-23T08:0${i}:00Z` })));
    expect(Object.fromEntries(views.map((v) => [v.state, v.undoable]))).toEqual({
      intent: true,
      applied: true,
      verified: true,
      reverted: false,
      'rolled-back': false,
      'rollback-incomplete': true,
    });
  });

  it('names the later changes to the same file that an undo of an older one would revert too', () => {
    const oldest = VIEWS.at(-1)!;
    expect(oldest.laterOverlapping).toEqual(['20261123T082000000Z-drop-failed-exit-0003']);
    expect(VIEWS[0]!.laterOverlapping).toEqual([]);
    // once the later change is rolled back, nothing stands on top of the older one
    const after = toChangeViews(ENTRIES.map((e) => (e.fixId === 'drop-failed-exit' ? { ...e, state: 'rolled-back' as const } : e)));
    expect(after.at(-1)!.laterOverlapping).toEqual([]);
  });

  it('keeps paths, not bytes, and formats the before → after figures with their units', () => {
    expect(VIEWS.at(-1)).toMatchObject({
      files: ['/srv/lab/etc-falco/falco.yaml'],
      measures: ['Events dropped in the window (Falco counters) (drops.counted): 18176 → 0'],
      container: 'falco-security-monitor',
    });
    expect(JSON.stringify(VIEWS)).not.toContain('bytesBase64');
  });
});

describe('history keys', () => {
  it('u, y and n beside the shared intents; help and the fix letters mean nothing here', () => {
    expect(['u', 'y', 'n', 'j', 'k', 'q', '?', 'f', 'x'].map((i) => toHistoryKey(i, noKey))).toEqual([
      'undo',
      'confirm',
      'cancel',
      'down',
      'up',
      'quit',
      null,
      null,
      null,
    ]);
    expect(toHistoryKey('', { ...noKey, return: true })).toBe('open');
    expect(toHistoryKey('c', { ...noKey, ctrl: true })).toBe('quit');
  });
});

describe('history reducer', () => {
  const start = () => initialHistoryState({ changes: VIEWS });

  it('moves within bounds, opens a detail and goes back one level at a time', () => {
    expect(press(start(), 'down', 'down', 'down').selected).toBe(2);
    expect(press(start(), 'up').selected).toBe(0);
    const detail = press(start(), 'down', 'open');
    expect(detail).toMatchObject({ view: 'detail', selected: 1 });
    expect(press(detail, 'escape')).toMatchObject({ view: 'list', done: false });
    expect(press(detail, 'quit').done).toBe(true);
    expect(press(start(), 'escape').done).toBe(true);
    expect(historyReducer(detail, { type: 'key', key: 'down', detailMax: 1 }).detailOffset).toBe(1);
    expect([1, 2, 3].reduce((s) => historyReducer(s, { type: 'key', key: 'down', detailMax: 1 }), detail).detailOffset).toBe(1);
  });

  it('u on a change that is not in place says so and changes nothing', () => {
    const s = press(start(), 'down', 'undo');
    expect(s.view).toBe('list');
    expect(s.undo).toBeNull();
    expect(s.notice).toBe('20261123T081000000Z-raise-cpu-limit-0002 is reverted: nothing to undo');
    expect(press(s, 'down').notice).toBeNull();
  });

  it('u asks first: n cancels; y starts it, and keys wait until it has finished', () => {
    const asking = press(start(), 'undo');
    expect(asking).toMatchObject({ view: 'undo', undo: { phase: 'confirm', change: { fixId: 'drop-failed-exit' } } });
    expect(press(asking, 'cancel')).toMatchObject({ view: 'list', undo: null, done: false });
    expect(press(asking, 'open').undo?.phase).toBe('confirm'); // Enter does not confirm a production change
    const running = press(asking, 'confirm');
    expect(running.undo?.phase).toBe('undoing');
    expect(press(running, 'quit', 'escape', 'cancel')).toBe(running);
    const ended = historyReducer(running, {
      type: 'undo',
      action: { type: 'finished', ok: true, problems: [], change: { ...VIEWS[0]!, state: 'rolled-back', undoable: false } },
    });
    expect(ended.undo).toMatchObject({ phase: 'undone', change: { state: 'rolled-back' } });
    expect(press(ended, 'open')).toMatchObject({ view: 'list', undo: null });
  });

  it('an undo that could not start shows why, sanitised', () => {
    const running = press(start(), 'undo', 'confirm');
    const failed = historyReducer(running, { type: 'undo', action: { type: 'failed', message: 'another falco-doctor (pid 7) holds the lock\u001B[2J' } });
    expect(failed.undo).toMatchObject({ phase: 'undo-failed', problems: ['another falco-doctor (pid 7) holds the lock'] });
  });

  it("opened from home's u: straight to the question, and leaving it leaves the screen", () => {
    const s = initialHistoryState({ changes: VIEWS, undoId: VIEWS.at(-1)!.id });
    expect(s).toMatchObject({ view: 'undo', selected: 2, undo: { phase: 'confirm' } });
    expect(press(s, 'cancel').done).toBe(true);
    expect(initialHistoryState({ changes: VIEWS, undoId: VIEWS[1]!.id })).toMatchObject({
      view: 'list',
      undo: null,
      notice: `${VIEWS[1]!.id} is reverted: nothing to undo`,
    });
    expect(initialHistoryState({ changes: VIEWS, undoId: 'gone' })).toMatchObject({ view: 'list', notice: 'journal entry gone is gone' });
  });

  it('after a reload the selection follows the same entry', () => {
    const s = press(start(), 'down', 'down');
    const reloaded = historyReducer(s, { type: 'reloaded', changes: [{ ...VIEWS[0]!, id: 'newer' }, ...VIEWS] });
    expect(reloaded.changes[reloaded.selected]?.id).toBe(VIEWS[2]!.id);
  });
});
