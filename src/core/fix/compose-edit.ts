// Persists new limits in the operator's compose file so `docker compose up` does not undo them.
// Uses the yaml Document API (comments survive); `deploy.resources.limits` is edited when the service
// already uses it, else the classic `cpus` / `mem_limit` keys.
import { isMap, parseDocument } from 'yaml';

export class ComposeEditError extends Error {}

export interface ComposeLimits {
  cpus?: number;
  memoryMb?: number;
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
