// The protected service, when the operator does not name one: the busiest other running container
// (the latency-sensitive service is usually what keeps the VPS busy). CPU first, memory breaks ties.
export interface ServiceCandidate {
  id: string;
  name: string;
  cpuPercent: number;
  memBytes: number;
}

export function pickBusiest(candidates: readonly ServiceCandidate[]): ServiceCandidate | null {
  let best: ServiceCandidate | null = null;
  for (const c of candidates) {
    if (best === null || c.cpuPercent > best.cpuPercent || (c.cpuPercent === best.cpuPercent && c.memBytes > best.memBytes)) best = c;
  }
  return best;
}
