// The Docker undo refuses a journal entry of a Kubernetes change (the home screen's u reaches undoEntry
// directly): it has no files or limits here to restore, and its "limits before" are placeholders.
import { describe, expect, it } from 'vitest';
import { undoEntry } from '../../src/adapters/apply/undo.js';
import type { TxContext } from '../../src/adapters/apply/context.js';
import { UserError } from '../../src/core/errors.js';
import { entry } from '../ui/history-fixtures.js';

describe('undoEntry', () => {
  it('refuses a Kubernetes change before touching Docker, naming the command that undoes it', async () => {
    const k = entry({
      id: 'J-kube',
      fixId: 'raise-buffer-preset',
      title: 'Raise',
      state: 'verified',
      createdAt: '2026-12-03T00:00:00Z',
      kube: {
        kubeconfig: null,
        context: 'prod',
        server: 'https://k',
        namespace: 'falco',
        node: 'n1',
        configMap: null,
        daemonSet: {
          name: 'falco',
          container: 'falco',
          before: { annotation: null, resources: '{}', args: null },
          after: { annotation: 'J-kube', resources: '{}', args: null },
        },
      },
    });
    // no Docker client at all: the refusal must come first
    const tx = { docker: null } as unknown as TxContext;
    await expect(undoEntry(tx, k, 'rolled-back')).rejects.toThrow(UserError);
    await expect(undoEntry(tx, k, 'rolled-back')).rejects.toThrow('undo it with falco-doctor rollback J-kube');
  });
});
