// Finds the Falco container: --container (name or id) first; else by image (falcosecurity/falco*),
// label, or a name containing "falco". More than one candidate is an error that lists them.
import type { DockerClient } from './client.js';
import { UnreachableError, UserError } from '../../core/errors.js';
import { dockerUnreachable } from './client.js';

export interface Candidate {
  id: string;
  name: string;
  image: string;
  state: string;
  why: string;
}

const FALCO_LABELS = ['falco-doctor.target', 'app.kubernetes.io/name', 'app'];

export function whyFalco(c: { Names?: string[]; Image: string; Labels?: Record<string, string> }): string | null {
  if (/(^|\/)falcosecurity\/falco/.test(c.Image)) return `image ${c.Image}`;
  for (const l of FALCO_LABELS) if (c.Labels?.[l]?.toLowerCase() === 'falco') return `label ${l}=falco`;
  const name = (c.Names?.[0] ?? '').replace(/^\//, '');
  if (/falco/i.test(name) && !/sidekick|exporter|doctor/i.test(name)) return `name ${name}`;
  return null;
}

export async function findFalcoContainer(docker: DockerClient, wanted: string | null): Promise<Candidate> {
  let list;
  try {
    list = await docker.listContainers({ all: true });
  } catch (e) {
    throw dockerUnreachable(e);
  }
  const rows = list.map((c) => ({
    id: c.Id,
    name: (c.Names[0] ?? '').replace(/^\//, ''),
    image: c.Image,
    state: c.State,
    why: whyFalco(c),
  }));
  if (wanted) {
    const hit = rows.find((r) => r.name === wanted || r.id.startsWith(wanted));
    if (!hit) throw new UnreachableError(`no container named "${wanted}"`, listHint(rows));
    return { ...hit, why: 'given with --container' };
  }
  const found = rows.filter((r): r is Candidate => r.why !== null);
  const running = found.filter((r) => r.state === 'running' || r.state === 'restarting');
  const pool = running.length > 0 ? running : found;
  if (pool.length === 1) return pool[0]!;
  if (pool.length === 0) throw new UnreachableError('no Falco container found', listHint(rows));
  throw new UserError(`${pool.length} containers look like Falco: ${pool.map((c) => `${c.name} (${c.why})`).join(', ')}`, 'pick one with --container NAME');
}

function listHint(rows: { name: string; image: string; state: string }[]): string {
  if (rows.length === 0) return 'Docker runs no containers; start Falco, or name it with --container';
  const shown = rows.slice(0, 8).map((r) => `${r.name} [${r.image}, ${r.state}]`);
  return `containers here: ${shown.join(', ')}${rows.length > 8 ? ', …' : ''}; name Falco's with --container`;
}
