import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawHttpClient } from './raw-http-client.js';

/** The harness's own HTTP client reads what node's server sends, as node's client would. */
const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    if (req.url === '/chunked') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"part":');
      setTimeout(() => res.end('"two"}'), 20);
    } else if (req.url === '/gzip') {
      const zipped = gzipSync(JSON.stringify({ walls: ['a', 'b'] }));
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': zipped.byteLength });
      res.end(zipped);
    } else if (req.url === '/busy') {
      res.writeHead(503, { 'Retry-After': '2', 'Content-Type': 'application/json' });
      res.end('{"error":{"code":"overloaded"}}');
    } else if (req.url === '/hang-up') {
      req.socket.destroy();
    } else {
      res.writeHead(201, { 'Content-Type': 'application/json', 'X-Log-Seq': '42' });
      res.end(JSON.stringify({ echo: body ? JSON.parse(body) : null }));
    }
  });
});
let connections = 0;
server.on('connection', () => connections++);
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

describe('the load harness HTTP client', () => {
  it('sends a write as a browser does and reads its answer, its log position and its length', async () => {
    const client = new RawHttpClient(port, 2);
    const reply = await client.send('POST', '/stickers', { body: { cardId: 'c1' }, key: 'p1.mac', op: 'op-12345678' });
    expect(reply).toMatchObject({ status: 201, json: { echo: { cardId: 'c1' } }, seq: 42 });
    expect(reply.wireBytes).toBeGreaterThan(JSON.stringify(reply.json).length);
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/stickers', body: '{"cardId":"c1"}' });
    expect(request.headers).toMatchObject({ authorization: 'Bearer p1.mac', 'idempotency-key': 'op-12345678', 'content-type': 'application/json' });
    client.close();
  });

  it('reads chunked and gzipped answers, and a refusal with Retry-After', async () => {
    const client = new RawHttpClient(port, 1);
    expect((await client.send('GET', '/chunked')).json).toEqual({ part: 'two' });
    expect((await client.send('GET', '/gzip', { gzip: true })).json).toEqual({ walls: ['a', 'b'] });
    expect(seen.at(-1)!.headers['accept-encoding']).toContain('gzip');
    expect(await client.send('GET', '/busy')).toMatchObject({ status: 503, retryAfter: 2, seq: -1 });
    client.close();
  });

  it('keeps to its connections: more requests than sockets wait their turn on them', async () => {
    const client = new RawHttpClient(port, 2);
    const before = connections;
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => client.send('POST', '/n', { body: { i } })));
    expect(replies.map((r) => (r.json as { echo: { i: number } }).echo.i)).toEqual([...Array(10).keys()]);
    expect(connections - before).toBe(2);
    client.close();
  });

  it('rejects with the socket’s error code when the server hangs up or is not there', async () => {
    const client = new RawHttpClient(port, 1);
    await expect(client.send('GET', '/hang-up')).rejects.toMatchObject({ code: 'ECONNRESET' });
    // The client goes on with a new connection.
    expect((await client.send('POST', '/after', { body: {} })).status).toBe(201);
    client.close();
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const gonePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(new RawHttpClient(gonePort, 1).send('GET', '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
