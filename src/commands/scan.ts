// `falco-doctor scan FILE|- [--json]`: the event-log scanner (src/core/falco/scan) on a file Falco
// wrote, or on standard input (`-`: Falco in Docker logs to stdout, so `docker logs` is where its
// alerts usually are). A file that cannot be read is a usage error naming it; nothing is written.
import { UserError, errorMessage } from '../core/errors.js';
import { scanFile, scanStream } from '../adapters/files/scan-file.js';
import { scanText } from '../report/scan-text.js';

export async function runScan(file: string, json: boolean): Promise<string> {
  if (file === '-' && process.stdin.isTTY)
    throw new UserError('scan -: standard input is a terminal, not a log', 'pipe one in: docker logs falco 2>&1 | falco-doctor scan -');
  let result;
  try {
    result = file === '-' ? await scanStream(process.stdin) : await scanFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EPERM')
      throw new UserError(`scan: cannot read ${file}: ${errorMessage(e)}`, "give the file Falco's file_output writes (file_output.filename in falco.yaml)");
    throw e;
  }
  const name = file === '-' ? 'standard input' : file;
  return json ? `${JSON.stringify({ file: name, ...result }, null, 2)}\n` : scanText(name, result);
}
