// Bundled by bench/run.mjs into bench/.data/scan.mjs: scans one file with the real scanFile and
// prints its time, peak RSS (VmHWM) and counts as one JSON line.
import { readFileSync } from 'node:fs';
import { scanFile } from '../../src/adapters/files/scan-file.js';

const t0 = performance.now();
const r = await scanFile(process.argv[2] as string);
const ms = performance.now() - t0;
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
process.stdout.write(`${JSON.stringify({ ms, peakRssKiB: Number(hwm), result: r })}\n`);
