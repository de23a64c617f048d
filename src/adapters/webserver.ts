// Falco's embedded webserver, asked from the host (where it answers is the target's description,
// core/target/webserver-url.ts): the health endpoint and Prometheus /metrics. Short timeouts: a missing
// webserver must not stall a diagnosis. node:http rather than fetch(): fetch loads undici and its
// Wasm HTTP parser, ~8 MiB of resident memory kept for the life of the TUI (issue 6).
import http from 'node:http';
import https from 'node:https';

const MAX_BODY = 4_000_000;

/**
 * GET with one deadline for the whole exchange; the body is cut at 4 MB. For https the certificate is
 * not verified: Falco's is usually self-signed (its falco.yaml shows `openssl req -x509`), the address
 * is the container's own, and only health and metrics are read.
 */
export function httpGet(url: string, timeoutMs = 2000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const tls = url.startsWith('https:');
    const req = (tls ? https : http).get(url, { agent: false, ...(tls ? { rejectUnauthorized: false } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_BODY) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: body.length > MAX_BODY ? body.slice(0, MAX_BODY) : body });
      });
      res.on('error', fail);
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    function fail(e: Error) {
      clearTimeout(timer);
      reject(e);
    }
    req.on('error', fail);
  });
}
