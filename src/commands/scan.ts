// `falco-doctor scan FILE [--json]`: the event-log scanner (src/core/falco/scan) on a file Falco wrote.
// A file that cannot be read is a usage error naming it; nothing is written anywhere.
import { UserError, errorMessage } from '../core/errors.js';
import { scanFile } from '../adapters/files/scan-file.js';
import { scanText } from '../report/scan-text.js';

export async function runScan(file: string, json: boolean): Promise<string> {
  let result;
  try {
    result = await scanFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EPERM')
      throw new UserError(`scan: cannot read ${file}: ${errorMessage(e)}`, "give the file Falco's file_output writes (file_output.filename in falco.yaml)");
    throw e;
  }
  return json ? `${JSON.stringify({ file, ...result }, null, 2)}\n` : scanText(file, result);
}
