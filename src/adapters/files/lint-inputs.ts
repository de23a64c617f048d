// Reads what `falco-doctor lint` judges, from this machine's files: the config files named (the first
// is falco.yaml, the others its drop-ins in order; with none named, the drop-ins falco.yaml's
// config_files lists, where they exist here), and the rules files falco.yaml names (or --rules), a
// folder as the release loads it. A file named on the command line that cannot be read is a UserError.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError, errorMessage } from '../../core/errors.js';
import { computeEffectiveConfig, configFileEntries } from '../../core/falco/config/effective.js';
import { effectiveConfigOfFiles } from '../../core/falco/config/from-files.js';
import type { SourceFile } from '../../core/falco/config/types.js';
import { rulesFolderEntries, rulesPaths } from '../../core/falco/rules/loading.js';

async function readNamed(p: string): Promise<SourceFile> {
  try {
    return { path: p, text: await readFile(p, 'utf8') };
  } catch (e) {
    throw new UserError(`lint: cannot read ${p}: ${errorMessage(e)}`, 'name falco.yaml first, then its drop-ins');
  }
}

/** A file, or a folder's entries as `keep` filters them; nothing when the path is not here. */
async function readPath(p: string, keep: (names: string[]) => string[]): Promise<SourceFile[]> {
  const s = await stat(p).catch(() => null);
  if (!s) return [];
  if (!s.isDirectory()) return [{ path: p, text: await readFile(p, 'utf8') }];
  const names = keep((await readdir(p, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name));
  return Promise.all(names.map(async (n) => ({ path: path.join(p, n), text: await readFile(path.join(p, n), 'utf8') })));
}

export interface LintInputs {
  configs: SourceFile[];
  rules: SourceFile[];
  /** config_files entries falco.yaml names that are not on this machine (their keys are unknown). */
  missingDropIns: string[];
}

/** `read`: the named files when the caller has read them already (lint reads them to tell Kubernetes input). */
export async function readLintInputs(
  files: string[],
  rulesArgs: string[],
  overrides: string[],
  version: string | null,
  read?: SourceFile[],
): Promise<LintInputs> {
  const named = read && read.length > 0 ? read : await Promise.all((files.length > 0 ? files : ['/etc/falco/falco.yaml']).map(readNamed));
  const [main] = named;
  const configs = [...named];
  const missingDropIns: string[] = [];
  if (named.length === 1 && main) {
    // config_files: folders in lexicographic order (falco.yaml comments, config_files)
    for (const entry of configFileEntries(computeEffectiveConfig(main, [], []).value, version)) {
      if (!(await stat(entry.path).catch(() => null))) missingDropIns.push(entry.path);
      configs.push(...(await readPath(entry.path, (n) => [...n].sort())));
    }
  }
  const effective = effectiveConfigOfFiles(configs, overrides);
  const rulesFrom = rulesArgs.length > 0 ? rulesArgs : rulesPaths(effective, version).paths;
  const rules: SourceFile[] = [];
  for (const p of rulesFrom) rules.push(...(await readPath(p, (n) => rulesFolderEntries(n, version))));
  return { configs, rules, missingDropIns };
}
