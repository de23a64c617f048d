// Falco STAND-IN (falco-doctor lab), not Falco: the startup lines, in the order of the real
// shared/fixtures/falco/samples/startup-log.txt (sandbox-specific [libs] lines left out), each printed
// only when its feature is on. Printed again after every hot reload, as Falco does.
import fs from 'node:fs';
import type { StandinConfig } from './config.js';
import { log } from './log.js';
import { FALCO_VERSION } from './metrics.js';
import { onlineCpus } from './memory.js';
import type { RuleCount } from './rules.js';

export function logConfigAndRules(cfg: StandinConfig, rules: RuleCount): void {
  log('info', `Falco version: ${FALCO_VERSION} (x86_64)`);
  log('info', 'Falco initialized with configuration files:');
  for (const f of cfg.configFiles) log('info', `   ${f} | schema validation: ok`);
  const sysInfo = (() => {
    try {
      return fs.readFileSync('/proc/version', 'utf8').trim();
    } catch {
      return 'unknown';
    }
  })();
  log('info', `System info: ${sysInfo}`);
  log('info', 'Loading rules from:');
  for (const f of rules.files) log('info', `   ${f.file} | schema validation: ${f.validation}`);
  // Not a Falco line: lets tests and humans see what the stand-in counted. Clearly marked.
  process.stderr.write(`[falco-doctor lab stand-in] rules loaded: ${rules.total}, enabled: ${rules.enabled}\n`);
}

export function logBufferSize(bytes: number): void {
  log('info', `The chosen syscall buffer dimension is: ${bytes} bytes (${Math.floor(bytes / (1024 * 1024))} MBs)`);
}

export function logServicesAndSources(cfg: StandinConfig): void {
  if (cfg.webserver.enabled) {
    const threads = cfg.webserver.threadiness > 0 ? cfg.webserver.threadiness : onlineCpus();
    log('info', `Starting health webserver with threadiness ${threads}, listening on ${cfg.webserver.listenAddress}:${cfg.webserver.listenPort}`);
  }
  if (cfg.metrics.enabled) log('info', `Setting metrics interval to ${cfg.metrics.interval}, equivalent to ${cfg.metrics.intervalMs} (ms)`);
  log('info', 'Loaded event sources: syscall');
  log('info', 'Enabled event sources: syscall');
  switch (cfg.engineKind) {
    case 'modern_ebpf':
      log('info', "Opening 'syscall' source with modern BPF probe.");
      if (cfg.cpusForEachBuffer <= 0) log('info', 'One ring buffer shared among all the CPUs.');
      else log('info', `One ring buffer every '${Math.min(cfg.cpusForEachBuffer, onlineCpus())}' CPUs.`);
      break;
    case 'kmod':
      log('info', "Opening 'syscall' source with Kernel module");
      break;
    case 'ebpf':
      log('info', "Opening 'syscall' source with BPF probe. BPF probe path: /root/.falco/falco-bpf.o");
      break;
    case 'nodriver':
      log('info', "Opening 'syscall' source with no driver");
      break;
    case 'replay':
      log('info', "Opening 'syscall' source with scap file");
      break;
  }
}
