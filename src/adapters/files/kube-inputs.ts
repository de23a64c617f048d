// The files `falco-doctor lint` is given, read whole, to decide whether they are Kubernetes manifests
// or a Helm values file (core/kube/detect.ts). An unreadable file is a UserError naming it.
import { readFile } from 'node:fs/promises';
import { UserError, errorMessage } from '../../core/errors.js';
import type { SourceFile } from '../../core/falco/config/types.js';

export async function readNamedFiles(files: readonly string[]): Promise<SourceFile[]> {
  return Promise.all(
    files.map(async (p) => {
      try {
        return { path: p, text: await readFile(p, 'utf8') };
      } catch (e) {
        throw new UserError(
          `lint: cannot read ${p}: ${errorMessage(e)}`,
          'name falco.yaml first, then its drop-ins; or the manifests / Helm values of a Kubernetes deployment',
        );
      }
    }),
  );
}
