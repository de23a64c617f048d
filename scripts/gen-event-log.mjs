#!/usr/bin/env node
// Write a realistic Falco file_output event log of about N MB (JSON or text) and print the true
// counts as JSON, for benchmarks and for the scanner tests.
//   node scripts/gen-event-log.mjs --mb 1024 --format json --out /tmp/events.json [--seed 1]
// Line shapes follow the real Falco 0.42.1 samples in ../shared/fixtures/falco/samples.
import { openSync, writeSync, closeSync } from 'node:fs';

function args(argv) {
  const out = { mb: 50, format: 'json', out: null, seed: 1 };
  for (let i = 2; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    out[k] = k === 'out' || k === 'format' ? argv[i + 1] : Number(argv[i + 1]);
  }
  if (!out.out || !['json', 'text'].includes(out.format)) {
    console.error('usage: gen-event-log.mjs --mb N --format json|text --out FILE [--seed N]');
    process.exit(2);
  }
  return out;
}

// Small deterministic PRNG (mulberry32) so runs are reproducible.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RULES = [
  {
    rule: 'Read sensitive file untrusted',
    priority: 'Warning',
    msg: 'Sensitive file opened for reading by non-trusted program',
    w: 40,
    evt: 'openat',
    tags: ['T1555', 'container', 'filesystem', 'host', 'maturity_stable', 'mitre_credential_access'],
  },
  {
    rule: 'Terminal shell in container',
    priority: 'Notice',
    msg: 'A shell was spawned in a container with an attached terminal',
    w: 25,
    evt: 'execve',
    tags: ['T1059', 'container', 'maturity_stable', 'mitre_execution', 'shell'],
  },
  {
    rule: 'Clear Log Activities',
    priority: 'Warning',
    msg: 'Log files were tampered',
    w: 10,
    evt: 'openat',
    tags: ['T1070', 'container', 'filesystem', 'host', 'maturity_stable'],
  },
  {
    rule: 'Search Private Keys or Passwords',
    priority: 'Warning',
    msg: 'Grep private keys or passwords activities found',
    w: 8,
    evt: 'execve',
    tags: ['T1552.001', 'container', 'host', 'maturity_stable', 'process'],
  },
  {
    rule: 'Drop and execute new binary in container',
    priority: 'Critical',
    msg: 'Executing binary not part of base image',
    w: 4,
    evt: 'execve',
    tags: ['PCI_DSS_11.5.1', 'TA0003', 'container', 'maturity_stable', 'process'],
  },
  {
    rule: 'Fileless execution via memfd_create',
    priority: 'Critical',
    msg: 'Fileless execution via memfd_create',
    w: 2,
    evt: 'execve',
    tags: ['T1620', 'container', 'host', 'maturity_stable', 'process'],
  },
  {
    rule: 'Contact K8S API Server From Container',
    priority: 'Notice',
    msg: 'Unexpected connection to K8s API Server from container',
    w: 6,
    evt: 'connect',
    tags: ['T1565', 'container', 'k8s', 'maturity_stable', 'network'],
  },
  {
    rule: 'PTRACE attached to process',
    priority: 'Warning',
    msg: 'Detected ptrace PTRACE_ATTACH attempt',
    w: 3,
    evt: 'ptrace',
    tags: ['T1055.008', 'container', 'host', 'maturity_stable', 'process'],
  },
  { rule: 'Debug rule of a local file', priority: 'Debug', msg: 'Debug event from a local rule', w: 2, evt: 'openat', tags: ['local'] },
];
const TOTAL_W = RULES.reduce((s, r) => s + r.w, 0);
const DROP_EVERY = 400; // about one drop alert per 400 lines
const METRICS_EVERY = 5000;

function pick(r) {
  let x = r() * TOTAL_W;
  for (const rule of RULES) if ((x -= rule.w) < 0) return rule;
  return RULES[0];
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
function clock(ns) {
  const d = new Date(Number(ns / 1_000_000n));
  const frac = pad(Number(ns % 1_000_000_000n), 9);
  return { iso: `${d.toISOString().slice(0, 19)}.${frac}Z`, hms: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${frac}` };
}

function alertLine(format, rule, t, r) {
  const pid = 1000 + Math.floor(r() * 60000);
  const cid = Math.floor(r() * 0xffffffffffff)
    .toString(16)
    .padStart(12, '0');
  const details = `file=/etc/shadow gparent=bash ggparent=<NA> gggparent=<NA> evt_type=${rule.evt} user=root user_uid=0 user_loginuid=-1 process=cat proc_exepath=/usr/bin/cat parent=sh command=cat /etc/shadow terminal=0 container_id=${cid} container_name=<NA> container_image_repository=<NA> container_image_tag=<NA> k8s_pod_name=<NA> k8s_ns_name=<NA> pid=${pid}`;
  const output = `${t.hms}: ${rule.priority} ${rule.msg} | ${details}`;
  if (format === 'text') return output;
  const fields = `{"container.id":"${cid}","container.image.repository":null,"container.image.tag":null,"container.name":null,"evt.time":${Date.parse(t.iso)}000000,"evt.type":"${rule.evt}","fd.name":"/etc/shadow","k8s.ns.name":null,"k8s.pod.name":null,"proc.aname[2]":"bash","proc.cmdline":"cat /etc/shadow","proc.exepath":"/usr/bin/cat","proc.name":"cat","proc.pid":${pid},"proc.pname":"sh","proc.tty":0,"user.loginuid":-1,"user.name":"root","user.uid":0}`;
  return `{"hostname":"vm","output":${JSON.stringify(output)},"output_fields":${fields},"priority":"${rule.priority}","rule":"${rule.rule}","source":"syscall","tags":${JSON.stringify(rule.tags)},"time":"${t.iso}"}`;
}

function dropLine(format, t, drops) {
  const evts = drops * 2 + 1000;
  const half = Math.floor(drops / 2);
  const f = {
    ebpf_enabled: '1',
    n_drops: `${drops}`,
    n_drops_buffer_clone_fork_exit: '0',
    n_drops_buffer_close_exit: `${half}`,
    n_drops_buffer_connect_exit: '0',
    n_drops_buffer_dir_file_exit: '0',
    n_drops_buffer_execve_exit: '0',
    n_drops_buffer_open_exit: `${drops - half}`,
    n_drops_buffer_other_interest_exit: '0',
    n_drops_buffer_proc_exit: '0',
    n_drops_buffer_total: `${drops}`,
    n_drops_bug: '0',
    n_drops_page_faults: '0',
    n_drops_scratch_map: '0',
    n_evts: `${evts}`,
  };
  const msg = `Falco internal: syscall event drop. ${drops} system calls dropped in last second.`;
  if (format === 'text')
    return `${t.hms}: Debug ${msg} (${Object.entries(f)
      .map(([k, v]) => `${k}="${v}"`)
      .join(' ')})`;
  return `{"hostname":"vm","output":"${msg}","output_fields":${JSON.stringify(f)},"priority":"Debug","rule":"Falco internal: syscall event drop","source":"internal","time":"${t.iso}"}`;
}

function metricsLine(format, t) {
  if (format === 'text')
    return `${t.hms}: Informational Falco metrics snapshot (evt.hostname="vm" evt.source="syscall" falco.cpu_usage_perc=3.4 falco.memory_rss_mb=54.2 scap.n_drops=0 scap.n_evts=4692)`;
  return `{"hostname":"vm","output":"Falco metrics snapshot","output_fields":{"evt.hostname":"vm","evt.source":"syscall","falco.cpu_usage_perc":3.4,"falco.memory_rss_mb":54.2,"scap.n_drops":0,"scap.n_evts":4692},"priority":"Informational","rule":"Falco internal: metrics snapshot","source":"internal","time":"${t.iso}"}`;
}

export function generate({ mb, format, out, seed = 1 }) {
  const r = rng(seed);
  const target = Math.round(mb * 1024 * 1024);
  const fd = openSync(out, 'w');
  const c = { bytes: 0, lines: 0, alerts: 0, dropAlerts: 0, drops: 0, byRule: {}, byPriority: {}, firstTime: null, lastTime: null, minutes: 0 };
  const minutes = new Set();
  let ns = 1795420800000000000n; // 2026-11-23T08:00:00Z
  let batch = [];
  let batchBytes = 0;
  const key = (rule) => (format === 'json' ? rule.rule : rule.msg);
  while (c.bytes < target) {
    ns += BigInt(1_000_000 + Math.floor(r() * 4_000_000)); // 1-5 ms apart
    const t = clock(ns);
    let line;
    let k;
    let prio;
    if (c.lines % DROP_EVERY === DROP_EVERY - 1) {
      const drops = 1 + Math.floor(r() * 300000);
      line = dropLine(format, t, drops);
      k = 'Falco internal: syscall event drop';
      prio = 'Debug';
      c.dropAlerts++;
      c.drops += drops;
    } else if (c.lines % METRICS_EVERY === METRICS_EVERY - 1) {
      line = metricsLine(format, t);
      k = 'Falco internal: metrics snapshot';
      prio = 'Informational';
    } else {
      const rule = pick(r);
      line = alertLine(format, rule, t, r);
      k = key(rule);
      prio = rule.priority;
    }
    c.lines++;
    c.alerts++;
    c.byRule[k] = (c.byRule[k] ?? 0) + 1;
    c.byPriority[prio] = (c.byPriority[prio] ?? 0) + 1;
    const time = format === 'json' ? t.iso : t.hms;
    c.firstTime ??= time;
    c.lastTime = time;
    minutes.add(format === 'json' ? time.slice(0, 16) : time.slice(0, 5));
    batch.push(line);
    batchBytes += Buffer.byteLength(line) + 1;
    if (batchBytes >= 4 * 1024 * 1024) {
      c.bytes += writeSync(fd, batch.join('\n') + '\n');
      batch = [];
      batchBytes = 0;
    }
  }
  if (batch.length) c.bytes += writeSync(fd, batch.join('\n') + '\n');
  closeSync(fd);
  c.minutes = minutes.size;
  return c;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = args(process.argv);
  console.log(JSON.stringify(generate(a)));
}
