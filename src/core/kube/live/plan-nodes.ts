// One ConfigMap serves every node of the DaemonSet: a fix is planned on the node whose finding it answers,
// and refused when it would be refused on any other node, e.g. ring buffers that fit a 4-CPU node's
// memory limit but not a 64-CPU node's (the same buf_size_preset costs 2 buffers there and 32 here).
import { UserError } from '../../errors.js';
import type { Diagnosis } from '../../diagnosis/diagnose.js';
import type { FixPlan } from '../../fix/plan.js';

export function planAcrossNodes(
  byNode: ReadonlyMap<string, Diagnosis>,
  chosen: string,
  plan: (ctx: Diagnosis['context'], facts: Diagnosis['facts']) => FixPlan,
): FixPlan {
  const mine = byNode.get(chosen);
  if (!mine) throw new UserError(`node ${chosen}: not diagnosed`);
  const p = plan(mine.context, mine.facts);
  if (p.refused) throw new UserError(`fix ${p.id} does not apply on ${chosen}: ${p.refused}`);
  for (const [node, other] of byNode) {
    if (node === chosen) continue;
    const q = plan(other.context, other.facts);
    if (q.refused && q.refused !== 'already in place')
      throw new UserError(`fix ${p.id} is refused on node ${node} (${other.context.snapshot.host.cpus} CPUs), which reads the same ConfigMap: ${q.refused}`);
  }
  return p;
}
