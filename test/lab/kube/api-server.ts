// Kubernetes-API STAND-IN (falco-doctor kube lab), not Kubernetes: a plain HTTP server that answers the
// calls falco-doctor makes, in the API's own paths and shapes, for @kubernetes/client-node to talk to
// through a real kubeconfig: HTTPS with the server's certificate as the kubeconfig's
// certificate-authority-data, a bearer token (anything else is 401). Objects live in ./cluster.ts.
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Obj } from './objects.js';

export interface ApiBackend {
  token: string;
  metricsApi: boolean;
  listPods(namespace: string | null, selector: string | null): Obj[];
  get(kind: 'pods' | 'nodes' | 'configmaps' | 'daemonsets', namespace: string | null, name: string): Obj | undefined;
  replace(kind: 'configmaps' | 'daemonsets', namespace: string, name: string, body: Obj): Obj | { conflict: string } | undefined;
  /** a pod the client creates itself (canary --kube): a real container; `invalid` → 422, `conflict` → 409 */
  createPod(namespace: string, body: Obj): Promise<Obj | { invalid: string } | { conflict: string }>;
  deletePod(namespace: string, name: string): Promise<Obj | undefined>;
  /** the kubelet's latest word on a pod, before a GET answers */
  refreshPod(namespace: string, name: string): Promise<void>;
  podLog(namespace: string, name: string, q: URLSearchParams): Promise<string | undefined>;
  podMetrics(namespace: string, name: string): Obj | undefined;
  proxy(namespace: string, name: string, port: string, path: string): Promise<{ status: number; body: string; type: string } | undefined>;
  /** the kubelet's /metrics/cadvisor of a node; undefined: no such node; 'forbidden': RBAC says no */
  cadvisor(node: string): string | undefined | 'forbidden';
}

const status = (code: number, reason: string, message: string) => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code });

export async function startApiServer(b: ApiBackend, tls: { key: Buffer; cert: Buffer }): Promise<{ url: string; close: () => Promise<void> }> {
  const server = https.createServer(tls, (req, res) => {
    void handle(b, req).then(
      (r) => {
        res.writeHead(r.status, { 'content-type': r.type ?? 'application/json' });
        res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
      },
      (e: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status(500, 'InternalError', String(e))));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Reply {
  status: number;
  body: unknown;
  type?: string;
}

const notFound = (what: string): Reply => ({ status: 404, body: status(404, 'NotFound', `${what} not found`) });

async function readBody(req: http.IncomingMessage): Promise<Obj> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}') as Obj;
}

async function handle(b: ApiBackend, req: http.IncomingMessage): Promise<Reply> {
  if (req.headers.authorization !== `Bearer ${b.token}`) return { status: 401, body: status(401, 'Unauthorized', 'Unauthorized') };
  const u = new URL(req.url ?? '/', 'http://x');
  const p = decodeURIComponent(u.pathname);
  const method = req.method ?? 'GET';
  let m: RegExpExecArray | null;
  if (p === '/apis') {
    // the aggregated groups, as discovery lists them: metrics.k8s.io only with metrics-server
    const group = (name: string, version: string) => ({
      name,
      versions: [{ groupVersion: `${name}/${version}`, version }],
      preferredVersion: { groupVersion: `${name}/${version}`, version },
    });
    return {
      status: 200,
      body: { kind: 'APIGroupList', apiVersion: 'v1', groups: [group('apps', 'v1'), ...(b.metricsApi ? [group('metrics.k8s.io', 'v1beta1')] : [])] },
    };
  }
  if (p === '/version') return { status: 200, body: { major: '1', minor: '31', gitVersion: 'v1.31.0-falco-doctor-standin' } };
  if (method === 'POST' && (m = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(p))) {
    const r = await b.createPod(m[1] ?? '', await readBody(req));
    if ('invalid' in r) return { status: 422, body: status(422, 'Invalid', `Pod is invalid: ${String(r.invalid)}`) };
    if ('conflict' in r) return { status: 409, body: status(409, 'AlreadyExists', String(r.conflict)) };
    return { status: 201, body: r };
  }
  if (method === 'GET' && (p === '/api/v1/pods' || (m = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(p)))) {
    const ns = p === '/api/v1/pods' ? null : decodeURIComponent(/^\/api\/v1\/namespaces\/([^/]+)/.exec(p)?.[1] ?? '');
    return {
      status: 200,
      body: { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: b.listPods(ns, u.searchParams.get('labelSelector')) },
    };
  }
  if ((m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/:]+):([^/]+)\/proxy(\/.*)?$/.exec(p))) {
    const r = await b.proxy(m[1] ?? '', m[2] ?? '', m[3] ?? '', m[4] ?? '/');
    return r
      ? { status: r.status, body: r.body, type: r.type }
      : { status: 503, body: status(503, 'ServiceUnavailable', `error trying to reach service: pod ${m[2]} not ready`) };
  }
  if (method === 'GET' && (m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(p))) {
    const text = await b.podLog(m[1] ?? '', m[2] ?? '', u.searchParams);
    return text === undefined ? notFound(`pods "${m[2]}"`) : { status: 200, body: text, type: 'text/plain' };
  }
  if ((m = /^\/apis\/metrics\.k8s\.io\/v1beta1\/namespaces\/([^/]+)\/pods\/([^/]+)$/.exec(p))) {
    if (!b.metricsApi) return { status: 404, body: status(404, 'NotFound', 'the server could not find the requested resource') };
    const r = b.podMetrics(m[1] ?? '', m[2] ?? '');
    return r ? { status: 200, body: r } : notFound(`podmetrics.metrics.k8s.io "${m[2]}"`);
  }
  if ((m = /^\/api\/v1\/nodes\/([^/]+)\/proxy\/metrics\/cadvisor$/.exec(p))) {
    const text = b.cadvisor(m[1] ?? '');
    if (text === 'forbidden')
      return {
        status: 403,
        body: status(403, 'Forbidden', `nodes "${m[1]}" is forbidden: User cannot get resource "nodes/proxy" in API group "" at the cluster scope`),
      };
    return text === undefined ? notFound(`nodes "${m[1]}"`) : { status: 200, body: text, type: 'text/plain; version=0.0.4' };
  }
  if ((m = /^\/api\/v1\/nodes\/([^/]+)$/.exec(p))) {
    const n = b.get('nodes', null, decodeURIComponent(m[1] ?? ''));
    return n ? { status: 200, body: n } : notFound(`nodes "${m[1]}"`);
  }
  if ((m = /^\/(?:api\/v1|apis\/apps\/v1)\/namespaces\/([^/]+)\/(pods|configmaps|daemonsets)\/([^/]+)$/.exec(p))) {
    const [, ns = '', kind, name = ''] = m;
    const k = kind as 'pods' | 'configmaps' | 'daemonsets';
    if (method === 'GET') {
      if (k === 'pods') await b.refreshPod(ns, name);
      const o = b.get(k, ns, name);
      return o ? { status: 200, body: o } : notFound(`${k} "${name}"`);
    }
    if (method === 'DELETE' && k === 'pods') {
      const o = await b.deletePod(ns, name);
      return o ? { status: 200, body: o } : notFound(`pods "${name}"`);
    }
    if (method === 'PUT' && k !== 'pods') {
      const r = b.replace(k, ns, name, await readBody(req));
      if (!r) return notFound(`${k} "${name}"`);
      if ('conflict' in r) return { status: 409, body: status(409, 'Conflict', r.conflict as string) };
      return { status: 200, body: r };
    }
  }
  return { status: 404, body: status(404, 'NotFound', `the server could not find the requested resource (${method} ${p})`) };
}
