// The history screen driven by keys, with the rollback stubbed at the command boundary (the UI's only
// contract: it starts the undo after y, shows its steps and result, and shows the journal afterwards).
import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { HistoryApp, type HistoryActions } from '../../src/ui/history/HistoryApp.js';
import { ChangeList } from '../../src/ui/history/ChangeList.js';
import { ChangeDetail } from '../../src/ui/history/ChangeDetail.js';
import { VIEWS } from './history-fixtures.js';
import { KEYS, waitFor, waitForText } from './helpers/terminal.js';

const rolledBack = VIEWS.map((v, i) => (i === 0 ? { ...v, state: 'rolled-back' as const, undoable: false } : v));

function stubActions(result: 'ok' | 'incomplete' | 'throws'): HistoryActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async undo(id, emit) {
      calls.push(id);
      if (result === 'throws') throw new Error('another falco-doctor (pid 77, rollback) holds the lock in /state');
      emit({ type: 'step-started', id: 'restore-files', title: 'Restore files from the journal' });
      emit({ type: 'step-finished', id: 'restore-files', status: 'ok', detail: 'restored /srv/lab/etc-falco/falco.yaml' });
      if (result === 'incomplete') return { ok: false, problems: ['bring Falco back: docker restart falco-security-monitor'], changes: null, entry: null };
      return { ok: true, problems: [], changes: rolledBack, entry: rolledBack[0]! };
    },
  };
}

describe('history components', () => {
  test('the list: newest first, when, state, title; the selection and its id', () => {
    expect(render(<ChangeList changes={VIEWS} selected={1} height={5} />).lastFrame()).toBe(
      [
        "  2026-11-23 08:20 UTC ✔ verified            Drop failed syscalls' exit events in the kernel",
        '› 2026-11-23 08:10 UTC ↩ reverted            Give the Falco container more CPU',
        '  2026-11-23 08:00 UTC ✔ verified            Raise the ring-buffer size preset',
        'id 20261123T081000000Z-raise-cpu-limit-0002',
      ].join('\n'),
    );
    expect(render(<ChangeList changes={[]} selected={0} height={5} />).lastFrame()).toBe('No changes recorded: fixes and rollout steps are journaled here.');
  });

  test('the detail: changes, files, before → after, log, and the later change an undo would revert too', () => {
    expect(render(<ChangeDetail change={VIEWS[2]!} offset={0} height={30} width={100} />).lastFrame()).toBe(
      [
        'Raise the ring-buffer size preset',
        'id 20261123T080000000Z-raise-buffer-preset-0001',
        'verified · raise-buffer-preset on falco-security-monitor · made 2026-11-23 08:00 UTC · last step',
        '    2026-11-23 08:00 UTC',
        '⚠ undoing this also reverts 1 later change(s) to the same files or limits:',
        '    20261123T082000000Z-drop-failed-exit-0003',
        'Changes',
        '  engine.modern_ebpf.buf_size_preset: 1 → 4',
        'Files (restored byte for byte by an undo)',
        '  /srv/lab/etc-falco/falco.yaml',
        'Before → after',
        '  Events dropped in the window (Falco counters) (drops.counted): 18176 → 0',
        'Log',
        '  08:00:01 intent recorded',
        '  08:00:21 verified: Falco reloaded, healthy',
      ].join('\n'),
    );
    const cut = render(<ChangeDetail change={VIEWS[2]!} offset={3} height={4} width={100} />).lastFrame() ?? '';
    expect(cut.split('\n')).toEqual([
      '    2026-11-23 08:00 UTC',
      '⚠ undoing this also reverts 1 later change(s) to the same files or limits:',
      '    20261123T082000000Z-drop-failed-exit-0003',
      'Changes',
      '↓ 8 more lines',
    ]);
  });
});

describe('history app', () => {
  test('Enter opens the detail; u, y rolls back with the steps shown; back on the list it reads rolled-back', async () => {
    const actions = stubActions('ok');
    let left = false;
    const app = render(<HistoryApp start={{ changes: VIEWS }} actions={actions} onExit={() => (left = true)} />);
    const frame = () => app.lastFrame() ?? '';
    await waitForText(frame, '↑/↓ move · Enter detail · u undo · q or Esc home');
    app.stdin.write(KEYS.enter);
    await waitForText(frame, 'drop_failed_exit: false → true');
    app.stdin.write(KEYS.escape);
    await waitForText(frame, 'Enter detail');
    app.stdin.write('u');
    await waitForText(frame, 'y: undo now (this changes the running Falco) · n, q or Esc: cancel');
    expect(frame()).toContain("Undo: Drop failed syscalls' exit events in the kernel");
    expect(frame()).toContain('  engine.modern_ebpf.drop_failed_exit: false → true');
    expect(actions.calls).toEqual([]);
    app.stdin.write('y');
    await waitForText(frame, '✔ rolled back: files and limits are as before the change (journal: rolled-back)');
    expect(actions.calls).toEqual([VIEWS[0]!.id]);
    expect(frame()).toContain('✔ Restore files from the journal — restored /srv/lab/etc-falco/falco.yaml');
    app.stdin.write(KEYS.enter);
    await waitForText(frame, '↩ rolled-back');
    // the rolled-back entry offers no undo any more
    expect(frame()).toContain('↑/↓ move · Enter detail · q or Esc home');
    app.stdin.write('q');
    await waitFor(
      () => String(left),
      (v) => v === 'true',
      { what: 'the screen to be left' },
    );
    app.unmount();
  });

  test('an undo that cannot complete lists what to do by hand; one that cannot start says why', async () => {
    for (const [result, text] of [
      ['incomplete', '  - bring Falco back: docker restart falco-security-monitor'],
      ['throws', '  - another falco-doctor (pid 77, rollback) holds the lock in /state'],
    ] as const) {
      const app = render(<HistoryApp start={{ changes: VIEWS, undoId: VIEWS[0]!.id }} actions={stubActions(result)} onExit={() => {}} />);
      const frame = () => app.lastFrame() ?? '';
      await waitForText(frame, 'y: undo now');
      app.stdin.write('y');
      await waitForText(frame, '✖ the undo could not complete. Do this by hand:');
      expect(frame()).toContain(text);
      app.unmount();
    }
  });
});
