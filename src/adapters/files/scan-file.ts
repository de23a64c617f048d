// Stream a Falco event log from disk through the pure scanner, 1 MiB at a time.
import { createReadStream } from 'node:fs';
import { EventLogScanner, type ScanResult } from '../../core/falco/scan/scanner.js';

export async function scanFile(path: string): Promise<ScanResult> {
  const scanner = new EventLogScanner();
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  for await (const chunk of stream) scanner.push(chunk as Buffer);
  return scanner.finish();
}
