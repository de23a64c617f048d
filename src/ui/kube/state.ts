// The node list of diagnose --kube as screen state: which node is selected, whether its findings (or one
// finding) are open. Pure (no Ink): keys in, state out.
import type { FixIntent } from '../../core/fix/select.js';
import type { KeyIntent } from '../keys.js';

export interface KubeScreenState {
  view: 'nodes' | 'findings' | 'detail';
  node: number;
  finding: number;
  quit: boolean;
  /** f/e/w on a node's findings: the node, the finding open on its own (null: the list) and the key,
   *  which core/fix/select.ts turns into fixes as the Docker diagnose screen does */
  fixRequest: { node: number; open: number | null; intent: FixIntent } | null;
}

export const initialKubeState: KubeScreenState = { view: 'nodes', node: 0, finding: 0, quit: false, fixRequest: null };

export function kubeReducer(s: KubeScreenState, intent: KeyIntent, counts: { nodes: number; findings: (node: number) => number }): KubeScreenState {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  switch (intent) {
    case 'quit':
      return { ...s, quit: true };
    case 'up':
    case 'down': {
      const d = intent === 'up' ? -1 : 1;
      if (s.view === 'nodes') return { ...s, node: clamp(s.node + d, counts.nodes) };
      if (s.view === 'findings') return { ...s, finding: clamp(s.finding + d, counts.findings(s.node)) };
      return s;
    }
    case 'open':
      if (s.view === 'nodes') return { ...s, view: 'findings', finding: 0 };
      if (s.view === 'findings' && counts.findings(s.node) > 0) return { ...s, view: 'detail' };
      return s;
    case 'back':
    case 'escape':
      if (s.view === 'detail') return { ...s, view: 'findings' };
      if (s.view === 'findings') return { ...s, view: 'nodes' };
      return intent === 'escape' ? { ...s, quit: true } : s;
    case 'fix-all':
    case 'fix-critical':
    case 'fix-warning':
      return s.view === 'nodes' ? s : { ...s, quit: true, fixRequest: { node: s.node, open: s.view === 'detail' ? s.finding : null, intent } };
    case 'help':
      return s;
  }
}
