// Kubernetes-API STAND-IN (falco-doctor kube lab): the three-node cluster the tests and `npm run lab --
// kube` start. The chart's defaults everywhere (preset 4 = 8 MiB, one buffer per 2 CPUs, 1000m / 1024Mi);
// node-a takes bursts its two 8 MiB buffers cannot hold (25,000 events of 1 KB every 2 s ≈ 24 MB at
// once) while its CPU stays low: it drops events for want of buffer, which preset 6 (4 × 8 MiB more
// per buffer) absorbs. node-b and node-c see a steady 1000 events/s and stay clear.
import type { LabNode } from './objects.js';

export const THREE_NODES: LabNode[] = [
  {
    name: 'node-a',
    cpus: 4,
    memoryGiB: 16,
    load: { STANDIN_EVENT_RATE: '1000', STANDIN_EVENT_BYTES: '1000', STANDIN_BURST_EVENTS: '25000', STANDIN_BURST_MS: '2000' },
  },
  { name: 'node-b', cpus: 16, memoryGiB: 64, load: { STANDIN_EVENT_RATE: '1000' } },
  { name: 'node-c', cpus: 8, memoryGiB: 32, load: { STANDIN_EVENT_RATE: '1000' } },
];
