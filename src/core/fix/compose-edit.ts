// Persists new limits in the operator's compose file so `docker compose up` does not undo them.
// Uses the yaml Document API (comments survive); `deploy.resources.limits` is edited when the service
// already uses it, else the classic `cpus` / `mem_limit` keys.
import { isMap, isSeq, parseDocument } from 'yaml';

export class ComposeEditError extends Error {}

export interface ComposeLimits {
  cpus?: number;
  memoryMb?: number;
}

/**
 * Adds arguments to the service's `command:` (a list gains items; a string gains words), or writes
 * `command:` as the container's current Cmd plus them when the service has none (a compose command
 * replaces the image's Cmd, the entrypoint stays), so the next `docker compose up` keeps them.
 */
export function editComposeCommand(file: string, text: string, service: string, currentCmd: readonly string[] | null, add: readonly string[]): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ComposeEditError(`${file}: cannot edit a file with YAML errors: ${doc.errors[0]?.message ?? ''}`);
  if (!isMap(doc.getIn(['services', service]))) throw new ComposeEditError(`${file}: services.${service} not found`);
  const path = ['services', service, 'command'];
  const cur = doc.getIn(path);
  if (isSeq(cur)) for (const a of add) cur.add(doc.createNode(a));
  else if (typeof cur === 'string') doc.setIn(path, [cur, ...add].join(' '));
  // no command: the image's Cmd (possibly none: an ENTRYPOINT-only image) plus the new arguments
  else doc.setIn(path, doc.createNode([...(currentCmd ?? []), ...add], { flow: true }));
  return doc.toString({ lineWidth: 0 });
}

export function editComposeLimits(file: string, text: string, service: string, limits: ComposeLimits): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ComposeEditError(`${file}: cannot edit a file with YAML errors: ${doc.errors[0]?.message ?? ''}`);
  const svc = doc.getIn(['services', service]);
  if (!isMap(svc)) throw new ComposeEditError(`${file}: services.${service} not found`);
  const deploy = ['services', service, 'deploy', 'resources', 'limits'];
  const useDeploy = isMap(doc.getIn(deploy));
  if (limits.cpus !== undefined) {
    if (useDeploy) doc.setIn([...deploy, 'cpus'], String(limits.cpus));
    else doc.setIn(['services', service, 'cpus'], limits.cpus);
  }
  if (limits.memoryMb !== undefined) {
    const value = `${Math.round(limits.memoryMb)}m`;
    if (useDeploy) doc.setIn([...deploy, 'memory'], value);
    else doc.setIn(['services', service, 'mem_limit'], value);
  }
  return doc.toString({ lineWidth: 0 });
}
