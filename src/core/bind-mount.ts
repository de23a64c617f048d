// The bind mount that holds a container path: the longest destination that is the path or a folder
// above it (a mount at /etc/falco/rules.d wins over one at /etc/falco). One answer for reading files
// through the host, for the fix's write boundary and for the rollout's.
import type { ContainerInfo } from './snapshot.js';

type Mount = ContainerInfo['mounts'][number];

export function bindMountFor(containerPath: string, mounts: readonly Mount[]): Mount | null {
  return (
    mounts
      .filter((m) => m.type === 'bind' && (containerPath === m.destination || containerPath.startsWith(`${m.destination.replace(/\/$/, '')}/`)))
      .sort((a, b) => b.destination.length - a.destination.length)[0] ?? null
  );
}
