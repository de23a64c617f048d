// Ring-buffer probes: what the effective config allocates (preset bytes × buffers).
import { memLimit, memUsage } from './memory.js';
import { pct, type Probe } from './probe.js';

export const RINGBUF_PROBES = {
  'ringbuf.preset': {
    label: 'Ring-buffer size preset',
    unit: 'preset',
    source: 'effective falco.yaml',
    compute: (ctx) => ctx.ringBuffer?.preset ?? null,
  },
  'ringbuf.buffers': {
    label: 'Number of ring buffers',
    unit: 'count',
    source: 'engine kind, online CPUs and cpus_for_each_buffer',
    compute: (ctx) => ctx.ringBuffer?.buffers ?? null,
  },
  'ringbuf.total_bytes': {
    label: 'Ring-buffer memory (preset bytes × buffers)',
    unit: 'bytes',
    source: 'effective falco.yaml and the preset table',
    compute: (ctx) => ctx.ringBuffer?.totalBytes ?? null,
  },
  'ringbuf.usage_percent': {
    label: 'Ring buffers as a share of Falco memory',
    unit: 'percent',
    source: 'ring-buffer budget ÷ measured memory',
    compute: (ctx) => pct(ctx.ringBuffer?.totalBytes ?? null, memUsage(ctx)),
  },
  'ringbuf.limit_percent': {
    label: 'Ring buffers as a share of the memory limit',
    unit: 'percent',
    source: 'ring-buffer budget ÷ memory limit',
    compute: (ctx) => pct(ctx.ringBuffer?.totalBytes ?? null, memLimit(ctx)),
  },
  'ringbuf.cpus_for_each_buffer': {
    label: 'CPUs for each buffer (modern eBPF)',
    unit: 'count',
    source: 'effective falco.yaml',
    compute: (ctx) => ctx.ringBuffer?.cpusForEachBuffer ?? null,
  },
  // What Falco itself printed at startup (configure_syscall_buffer_size.cpp, helpers_inspector.cpp@0.42.1):
  // shown beside the figures computed from falco.yaml.
  'ringbuf.falco_bytes_per_buffer': {
    label: 'Bytes per ring buffer, as Falco logged at startup',
    unit: 'bytes',
    source: 'startup log: "The chosen syscall buffer dimension is: N bytes"',
    compute: (ctx) => ctx.startup.bufferBytes,
  },
  'ringbuf.falco_cpus_for_each_buffer': {
    label: 'CPUs for each buffer, as Falco logged at startup',
    unit: 'count',
    source: 'startup log: "One ring buffer every \'N\' CPUs."',
    compute: (ctx) => ctx.startup.ringBufferEveryCpus,
  },
} satisfies Record<string, Probe>;
