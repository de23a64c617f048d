// Kubernetes-API STAND-IN (falco-doctor kube lab): plain HTTP to a pod's Falco stand-in on its published
// port: the readiness probe (/healthz) and what the pod proxy forwards.
import http from 'node:http';

export async function healthy(port: number): Promise<boolean> {
  return get(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.status === 200,
    () => false,
  );
}

export function get(url: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), type: String(res.headers['content-type'] ?? 'text/plain') }),
      );
    });
    const timer = setTimeout(() => req.destroy(new Error('timeout')), 2000);
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
  });
}
