// Which input `falco-doctor lint` was given: Kubernetes manifests (objects with apiVersion and kind),
// a Helm values file of chart falco, or neither (falco.yaml and its drop-ins, the VPS lint).
import { isMap, parseAllDocuments } from 'yaml';
import type { SourceFile } from '../falco/config/types.js';
import { looksLikeHelmValues } from './helm.js';

export type KubeInput = 'manifests' | 'helm-values' | null;

export function kubeInputKind(files: readonly SourceFile[]): KubeInput {
  const tops = files.map((f) => {
    try {
      return parseAllDocuments(f.text)
        .filter((d) => d.errors.length === 0 && isMap(d.contents))
        .map((d) => d.toJSON() as Record<string, unknown>);
    } catch {
      return [];
    }
  });
  if (tops.some((docs) => docs.some((d) => typeof d['apiVersion'] === 'string' && typeof d['kind'] === 'string'))) return 'manifests';
  const [first] = tops;
  return files.length === 1 && first?.length === 1 && first[0] && looksLikeHelmValues(first[0]) ? 'helm-values' : null;
}
