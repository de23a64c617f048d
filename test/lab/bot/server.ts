// falco-doctor lab: a stand-in for the latency-sensitive service Falco runs next to (a trading bot).
// Its requests make real syscalls (open/write/read/close on a file in /tmp), so it behaves like a
// small I/O-heavy service; the doctor measures its latency while it changes Falco's settings.
//   GET /health -> {"status":"ok"}      GET /quote?symbol=BTC -> {"symbol","price","ts"}
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.env.BOT_PORT ?? 8080);
let tick = 0;

async function quote(symbol: string): Promise<{ symbol: string; price: number; ts: string }> {
  const file = path.join(os.tmpdir(), `quote-${symbol}-${process.pid}.dat`);
  const handle = await fs.open(file, 'w+');
  try {
    const payload = Buffer.from(`${symbol}:${Date.now()}:${tick++}`);
    await handle.write(payload, 0, payload.length, 0);
    const back = Buffer.alloc(payload.length);
    await handle.read(back, 0, back.length, 0);
    const digest = crypto.createHash('sha256').update(back).digest();
    const price = 100 + (digest.readUInt32BE(0) % 100_000) / 1000;
    return { symbol, price: Math.round(price * 1000) / 1000, ts: new Date().toISOString() };
  } finally {
    await handle.close();
  }
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://bot');
  const reply = (status: number, body: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === '/health') return reply(200, { status: 'ok' });
  if (url.pathname === '/quote') {
    quote(url.searchParams.get('symbol') ?? 'BTC').then(
      (q) => reply(200, q),
      (e: Error) => reply(500, { error: e.message }),
    );
    return;
  }
  reply(404, { error: 'not found' });
});

server.listen(port, '0.0.0.0', () => process.stderr.write(`trading-bot (falco-doctor lab) listening on ${port}\n`));
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.close(() => process.exit(0)));
