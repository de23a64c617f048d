// One diagnosis of a cluster's Falco pods (diagnose --kube, fix --kube, and the fix chosen on the node list):
// connect through the kubeconfig, collect every pod over one window, diagnose node by node.
import { diagnoseNodes, type KubeDiagnosis } from '../../core/kube/live/nodes.js';
import type { Catalogue } from '../../core/runbook/load.js';
import type { KubeApi } from '../../adapters/kube/client.js';
import type { DiagnoseArgs } from '../../cli/requests.js';
import { toolVersion } from '../../version.js';
import { readCatalogue } from '../cli-context.js';

/** A diagnosis of the cluster, with the connection and the runbooks it used (a fix goes on with them). */
export type KubeRun = KubeDiagnosis & { api: KubeApi; catalogue: Catalogue };

export async function runKubeDiagnosis(
  args: Pick<DiagnoseArgs, 'kube' | 'windowSeconds' | 'lookbackSeconds' | 'thresholds'> & { runbooks?: string[] },
  progress: (line: string) => void,
  reuse?: Pick<KubeRun, 'api' | 'catalogue'>,
): Promise<KubeRun> {
  const k = args.kube ?? { kubeconfig: null, context: null, namespace: null, selector: null };
  const [{ connectKube }, { collectKube, DEFAULT_SELECTOR }, catalogue] = await Promise.all([
    import('../../adapters/kube/client.js'),
    import('../../adapters/kube/collect.js'),
    reuse?.catalogue ?? readCatalogue(),
  ]);
  const api = reuse?.api ?? (await connectKube({ kubeconfig: k.kubeconfig, context: k.context }));
  progress(`${api.context} (${api.server}): finding the Falco pods`);
  const c = await collectKube(
    api,
    {
      namespace: k.namespace,
      selector: k.selector ?? DEFAULT_SELECTOR,
      windowMs: args.windowSeconds * 1000,
      sampleEveryMs: 2000,
      lookbackMs: args.lookbackSeconds * 1000,
      toolVersion: toolVersion(),
    },
    progress,
  );
  const d = diagnoseNodes({ context: c.context, server: c.server, namespace: c.namespace, selector: c.selector, metricsApi: c.metricsApi }, c.pods, catalogue, {
    toolVersion: toolVersion(),
    thresholds: args.thresholds,
    only: args.runbooks ?? [],
    now: new Date(),
    notes: c.notes,
  });
  return { ...d, api, catalogue };
}
