// The protected service, when the operator does not name one: the busiest other running container that
// serves (publishes a port or uses the host's network: a trading bot answers someone), else the busiest
// at all. A busy container that serves nobody — a batch job, a load test — is not what the operator
// protects: on real Falco the lab's syscall storm was taken for the service. CPU first, memory breaks ties.
export interface ServiceCandidate {
  id: string;
  name: string;
  cpuPercent: number;
  memBytes: number;
  serves: boolean;
}

export function pickBusiest(candidates: readonly ServiceCandidate[]): ServiceCandidate | null {
  const serving = candidates.filter((c) => c.serves);
  let best: ServiceCandidate | null = null;
  for (const c of serving.length > 0 ? serving : candidates) {
    if (best === null || c.cpuPercent > best.cpuPercent || (c.cpuPercent === best.cpuPercent && c.memBytes > best.memBytes)) best = c;
  }
  return best;
}
