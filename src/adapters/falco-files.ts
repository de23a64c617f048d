// Reads Falco's configuration and rules as the container sees them: falco.yaml (path from the
// command line), its config_files drop-ins in Falco's order, and the rules files it names.
import type { ContainerFs } from './docker/container-fs.js';
import type { FileRead, Snapshot } from '../core/snapshot.js';
import { parseFalcoCmdline } from '../core/diagnosis/cmdline.js';
import { computeEffectiveConfig, configFileEntries, getPath } from '../core/falco/config/effective.js';
import { effectiveConfigOfFiles } from '../core/falco/config/from-files.js';
import { errorMessage } from '../core/errors.js';

export async function readFalcoFiles(fs: ContainerFs, cmd: readonly string[]): Promise<Snapshot['falco']> {
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
  const named = getPath(effective.value, 'rules_files') ?? getPath(effective.value, 'rules_file');
  for (const p of Array.isArray(named) ? named.map(String) : typeof named === 'string' ? [named] : [])
    rulesFiles.push(...(await readPathOrFolder(fs, p, tryRead)));
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
): Promise<FileRead[]> {
  const listed = await fs.list(p).catch(() => null);
  if (listed) {
    const out: FileRead[] = [];
    for (const f of listed) {
      const r = await tryRead(f);
      if (r) out.push(r);
    }
    return out;
  }
  const one = await tryRead(p);
  return one ? [one] : [];
}
