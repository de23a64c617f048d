#!/usr/bin/env node
// Scan a Falco event log with the real scanner and report time and peak RSS of the scanning process.
//   node scripts/gen-event-log.mjs --mb 1024 --format json --out /tmp/ev.json
//   node scripts/bench-scan.mjs /tmp/ev.json
// The scanner is bundled with esbuild first, so the measured process holds only the scanner.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = process.argv[2];
if (!file) {
  console.error('usage: bench-scan.mjs FILE');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'bench-scan-'));
try {
  const entry = join(dir, 'entry.ts');
  const scanFile = fileURLToPath(new URL('../src/adapters/files/scan-file.ts', import.meta.url));
  writeFileSync(
    entry,
    `import { scanFile } from ${JSON.stringify(scanFile)};
const t0 = performance.now();
const r = await scanFile(process.argv[2]);
const ms = Math.round(performance.now() - t0);
console.log(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, lines: r.lines, alerts: r.alerts, dropAlerts: r.dropAlerts, malformed: r.malformed, format: r.format }));
`,
  );
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'scan.mjs'), logLevel: 'warning' });
  const r = spawnSync(process.execPath, [join(dir, 'scan.mjs'), file], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
