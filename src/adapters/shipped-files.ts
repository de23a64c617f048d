// The data files the tool ships (runbooks/*.yaml, checklists/*.yaml): read from the folders beside
// package.json, or — in the single-file build that the standalone executable runs
// (scripts/build-standalone.mjs) — from their texts, embedded at build time, so that one copied
// file is the whole tool.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataFile } from '../core/runbook/load.js';

declare const __FALCO_DOCTOR_DATA__: Record<string, string> | undefined;
/** 'runbooks/codes.yaml' → its text, in the single-file build; null when read from disk */
const embedded: Readonly<Record<string, string>> | null = typeof __FALCO_DOCTOR_DATA__ === 'object' ? __FALCO_DOCTOR_DATA__ : null;

export type ShippedFolder = 'runbooks' | 'checklists';

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

/** Where a shipped folder is read from, for `info` and messages: a path, or `embedded:FOLDER`. */
export function shippedFolderLocation(folder: ShippedFolder): string {
  return embedded ? `embedded:${folder}` : path.join(packageRoot(), folder);
}

/** The files of a folder: the shipped one, unless `dir` names another on disk. */
export interface DataFolder {
  /** file names, sorted */
  names(): Promise<string[]>;
  /** `path` is relative to the working directory (or `FOLDER/NAME` when embedded), for file:line messages */
  read(name: string): Promise<DataFile>;
}

export function dataFolder(folder: ShippedFolder, dir?: string): DataFolder {
  if (embedded && dir === undefined) {
    const prefix = `${folder}/`;
    return {
      names: async () =>
        Object.keys(embedded)
          .filter((k) => k.startsWith(prefix))
          .map((k) => k.slice(prefix.length))
          .sort(),
      read: async (name) => {
        const text = embedded[prefix + name];
        if (text === undefined) throw new Error(`${prefix + name} is not embedded in this build`);
        return { path: prefix + name, text };
      },
    };
  }
  const root = dir ?? path.join(packageRoot(), folder);
  return {
    names: async () => (await readdir(root)).sort(),
    read: (name) => readDataPath(path.join(root, name)),
  };
}

/** A data file the operator named (--plan FILE, --checklist FILE). */
export async function readDataPath(p: string): Promise<DataFile> {
  return { path: path.relative(process.cwd(), p) || p, text: await readFile(p, 'utf8') };
}
