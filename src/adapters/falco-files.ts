// Reads Falco's configuration and rules as the container sees them: falco.yaml (path from the
// command line), its config_files drop-ins in Falco's order, and the rules files it names.
import type { ContainerFs } from './docker/container-fs.js';
import type { FileRead, Snapshot } from '../core/snapshot.js';
import { parseFalcoCmdline } from '../core/diagnosis/cmdline.js';
import { computeEffectiveConfig, configFileEntries } from '../core/falco/config/effective.js';
import { effectiveConfigOfFiles } from '../core/falco/config/from-files.js';
import { errorMessage } from '../core/errors.js';
import { rulesFolderEntries, rulesPaths } from '../core/falco/rules/loading.js';
import path from 'node:path';

/** `versionHint` (e.g. from the image tag) decides which key names the rules and how a rules folder
 *  is read (rules/loading.ts); null reads them as the newest release does. */
export async function readFalcoFiles(fs: ContainerFs, cmd: readonly string[], versionHint: string | null = null): Promise<Snapshot['falco']> {
  const { configPath, overrides } = parseFalcoCmdline(cmd);
  const readErrors: string[] = [];
  const tryRead = async (p: string) => {
    try {
      return await fs.read(p);
    } catch (e) {
      readErrors.push(`${p}: ${errorMessage(e)}`);
      return null;
    }
  };
  const main = await tryRead(configPath);
  if (!main) {
    readErrors.push(`${configPath}: not found in the container`);
    return { configFiles: [], rulesFiles: [], overrides, configSource: 'none', versionOutput: null, readErrors };
  }
  const configFiles: FileRead[] = [main];
  const first = computeEffectiveConfig(main, [], []);
  for (const entry of configFileEntries(first.value)) configFiles.push(...(await readPathOrFolder(fs, entry.path, tryRead)));
  const effective = effectiveConfigOfFiles(configFiles, overrides);
  const rulesFiles: FileRead[] = [];
  const yamlOnly = (paths: string[]): string[] => {
    const keep = new Set(
      rulesFolderEntries(
        paths.map((p) => path.posix.basename(p)),
        versionHint,
      ),
    );
    return [...paths].sort().filter((p) => keep.has(path.posix.basename(p)));
  };
  for (const p of rulesPaths(effective, versionHint).paths) rulesFiles.push(...(await readPathOrFolder(fs, p, tryRead, yamlOnly)));
  return {
    configFiles,
    rulesFiles,
    overrides,
    configSource: main.hostPath ? 'host-mount' : 'container',
    versionOutput: null,
    readErrors,
  };
}

async function readPathOrFolder(
  fs: ContainerFs,
  p: string,
  tryRead: (p: string) => Promise<FileRead | null>,
  keep: (paths: string[]) => string[] = (x) => x,
): Promise<FileRead[]> {
  const listed = await fs.list(p).catch(() => null);
  if (listed) {
    const out: FileRead[] = [];
    for (const f of keep(listed)) {
      const r = await tryRead(f);
      if (r) out.push(r);
    }
    return out;
  }
  const one = await tryRead(p);
  return one ? [one] : [];
}
