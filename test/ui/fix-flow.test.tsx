// The fix flow: reducer transitions, and the whole app driven by keys with apply/undo stubbed at the
// command boundary (the UI's only contract: it starts them, shows their events and results).
import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { FixApp, type FixActions } from '../../src/ui/fix/FixApp.js';
import { fixReducer, initialFixState, type FixPreviewView } from '../../src/ui/fix/state.js';
import { waitFor } from '../helpers/wait.js';

const PREVIEW: FixPreviewView = {
  title: 'Raise the ring-buffer size preset',
  target: 'falco-security-monitor',
  summary: ['engine.modern_ebpf.buf_size_preset: 1 → 4'],
  warnings: [],
  diff: '--- a/falco.yaml\n+++ b/falco.yaml\n@@ -1,1 +1,1 @@\n-    buf_size_preset: 1\n+    buf_size_preset: 4',
};

const until = (cond: () => boolean, what: string): Promise<boolean> => waitFor(what, cond, { timeoutMs: 2000, everyMs: 10 });

describe('fix reducer', () => {
  test('confirm applies, u only undoes a verified change, keys wait while busy', () => {
    let s = initialFixState(PREVIEW);
    s = fixReducer(s, { type: 'key', intent: 'undo' });
    expect(s.phase).toBe('preview');
    s = fixReducer(s, { type: 'key', intent: 'confirm' });
    expect(s.phase).toBe('applying');
    expect(fixReducer(s, { type: 'key', intent: 'quit' }).quitRequested).toBe(false);
    s = fixReducer(s, { type: 'applied', outcome: { outcome: 'reverted', entryId: 'J', failure: 'x', manualSteps: [], measures: [] } });
    expect(fixReducer(s, { type: 'key', intent: 'undo' }).phase).toBe('done');
    expect(fixReducer(initialFixState(PREVIEW), { type: 'key', intent: 'quit' }).phase).toBe('cancelled');
  });
});

describe('fix app', () => {
  test('preview → y → progress → before/after → u → undone', async () => {
    const actions: FixActions = {
      async apply(emit) {
        emit({ type: 'step-started', id: 'write', title: 'Write the files (atomic)' });
        emit({ type: 'step-finished', id: 'write', status: 'ok', detail: 'falco.yaml' });
        return {
          outcome: 'verified',
          entryId: 'J1',
          failure: null,
          manualSteps: [],
          measures: ['Events dropped per minute (drops.per_min): 265969/min → 0/min'],
        };
      },
      async undo(emit) {
        emit({ type: 'step-started', id: 'restore-files', title: 'Restore files from the journal' });
        emit({ type: 'step-finished', id: 'restore-files', status: 'ok', detail: 'restored falco.yaml' });
        return { ok: true, problems: [] };
      },
    };
    const app = render(<FixApp preview={PREVIEW} actions={actions} onExit={() => {}} />);
    await until(() => (app.lastFrame() ?? '').includes('y or Enter: apply'), 'the preview');
    expect(app.lastFrame()).toContain('+    buf_size_preset: 4');
    await new Promise((r) => setImmediate(r));
    app.stdin.write('y');
    await until(() => (app.lastFrame() ?? '').includes('before → after'), 'the result');
    expect(app.lastFrame()).toContain('✔ Write the files (atomic) — falco.yaml');
    expect(app.lastFrame()).toContain('265969/min → 0/min');
    await new Promise((r) => setImmediate(r));
    app.stdin.write('u');
    await until(() => (app.lastFrame() ?? '').includes('✔ undone'), 'the undo');
    expect(app.lastFrame()).toContain('✔ Restore files from the journal — restored falco.yaml');
    app.unmount();
  });
});
