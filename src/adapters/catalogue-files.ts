// Reads the runbook, fix and code files shipped with the tool (runbooks/ beside package.json) and
// validates them; any error stops the run with every problem listed by file and line.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogue, formatDataError, type Catalogue, type DataFile } from '../core/runbook/load.js';
import { UserError } from '../core/errors.js';

/** The folder holding runbooks/ and checklists/: the nearest ancestor of this module that has them. */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  for (;;) {
    if (existsSync(path.join(dir, 'runbooks', 'codes.yaml'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`runbooks/ not found above ${from}`);
    dir = up;
  }
}

async function readData(p: string): Promise<DataFile> {
  return { path: p, text: await readFile(p, 'utf8') };
}

export async function readCatalogue(dir = path.join(packageRoot(), 'runbooks')): Promise<Catalogue> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') && n !== 'fixes.yaml' && n !== 'codes.yaml').sort();
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  const runbookFiles = await Promise.all(names.map((n) => readData(path.join(dir, n))));
  const { catalogue, errors } = loadCatalogue(
    runbookFiles.map((f) => ({ ...f, path: rel(f.path) })),
    { ...(await readData(path.join(dir, 'fixes.yaml'))), path: rel(path.join(dir, 'fixes.yaml')) },
    { ...(await readData(path.join(dir, 'codes.yaml'))), path: rel(path.join(dir, 'codes.yaml')) },
  );
  if (errors.length > 0) {
    const [first, ...more] = errors.map(formatDataError);
    throw new UserError(`invalid runbook data: ${first}${more.length ? ` (and ${more.length} more: ${more.join('; ')})` : ''}`);
  }
  return catalogue;
}
