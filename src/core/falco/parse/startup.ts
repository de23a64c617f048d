// Falco's startup log (stderr/journal). Wording from userspace/falco/app/actions/*.cpp
// (open_inspector.cpp: "Opening '<src>' source with ...", "One ring buffer every 'N' CPUs.";
// load_config.cpp: "Falco initialized with configuration files:"; load_rules_files.cpp: "Loading
// rules from:"), checked against the real 0.42.1 log in fixtures/falco/samples/startup-log.txt.

export interface StartupInfo {
  version: string | null;
  arch: string | null;
  configFiles: { path: string; validation: string }[];
  rulesFiles: { path: string; validation: string }[];
  bufferBytes: number | null;
  engine: string | null;
  ringBufferEveryCpus: number | null;
  webserver: { threadiness: number; address: string; port: number } | null;
  metricsIntervalMs: number | null;
  errors: string[];
  /** true when the lab's Falco stand-in (not a real Falco) produced the log. */
  standIn: boolean;
}

// "Mon Nov 23 08:14:08 2026: " (Falco's own prefix) or "Dec 17 07:00:26 node01 falco[17904]: " (syslog/journal).
const PREFIXES = [
  /^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}: /,
  /^\w{3} [ \d]\d \d\d:\d\d:\d\d \S+ falco(?:\[\d+\])?: /,
  /^\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?: /,
];

export function stripLogPrefix(line: string): string {
  for (const p of PREFIXES) {
    const m = p.exec(line);
    if (m) return line.slice(m[0].length);
  }
  return line;
}

function engineOf(msg: string): string | null {
  if (/modern BPF probe/i.test(msg)) return 'modern_ebpf';
  if (/BPF probe/i.test(msg)) return 'ebpf';
  if (/Kernel module/i.test(msg)) return 'kmod';
  if (/gVisor/i.test(msg)) return 'gvisor';
  if (/no driver|nodriver/i.test(msg)) return 'nodriver';
  if (/capture file|scap file|trace file/i.test(msg)) return 'replay';
  return null;
}

const FILE_ENTRY = /^\s+(\S.*?)\s+\|\s+schema validation:\s*(.+)$/;

export function parseStartupLog(lines: string[]): StartupInfo {
  const info: StartupInfo = {
    version: null,
    arch: null,
    configFiles: [],
    rulesFiles: [],
    bufferBytes: null,
    engine: null,
    ringBufferEveryCpus: null,
    webserver: null,
    metricsIntervalMs: null,
    errors: [],
    standIn: false,
  };
  let list: 'config' | 'rules' | null = null;
  for (const raw of lines) {
    if (raw.includes('STAND-IN')) info.standIn = true;
    const msg = stripLogPrefix(raw.replace(/\r$/, ''));
    const entry = FILE_ENTRY.exec(msg);
    if (entry && list) {
      (list === 'config' ? info.configFiles : info.rulesFiles).push({ path: entry[1] as string, validation: (entry[2] as string).trim() });
      continue;
    }
    list = null;
    let m: RegExpExecArray | null;
    if ((m = /^Falco version:\s*(\S+)(?:\s*\(([^)]+)\))?/.exec(msg))) {
      info.version = m[1] ?? null;
      info.arch = m[2] ?? null;
    } else if (/^Falco initialized with configuration files?:\s*$/.test(msg)) list = 'config';
    else if ((m = /^Falco initialized with configuration file:\s*(\S+)/.exec(msg))) info.configFiles.push({ path: m[1] as string, validation: 'unknown' });
    else if (/^Loading rules from:\s*$/.test(msg)) list = 'rules';
    else if ((m = /^Loading rules from file:?\s*(\S+)/.exec(msg))) info.rulesFiles.push({ path: m[1] as string, validation: 'unknown' });
    else if ((m = /The chosen syscall buffer dimension is:\s*(\d+) bytes/.exec(msg))) info.bufferBytes = Number(m[1]);
    else if ((m = /^Opening '[^']*' source with (.*)$/.exec(msg))) info.engine = engineOf(m[1] as string);
    else if ((m = /One ring buffer every '(\d+)' CPUs/.exec(msg))) info.ringBufferEveryCpus = Number(m[1]);
    else if ((m = /Starting health webserver with threadiness (\d+), listening on (?:port (\d+)|(.+):(\d+))/.exec(msg)))
      info.webserver = { threadiness: Number(m[1]), address: m[3] ?? '0.0.0.0', port: Number(m[2] ?? m[4]) };
    else if ((m = /Setting metrics interval to .*?, equivalent to (\d+) \(ms\)/.exec(msg))) info.metricsIntervalMs = Number(m[1]);
    if (/^Error:|Runtime error|schema validation: failed/.test(msg)) info.errors.push(msg.trim());
  }
  for (const f of [...info.configFiles, ...info.rulesFiles])
    if (f.validation.startsWith('failed')) info.errors.push(`${f.path} | schema validation: ${f.validation}`);
  return info;
}
