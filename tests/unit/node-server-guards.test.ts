import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNodeServer, type NodeServerLimits } from '../../server/http/node-server.js';
import { opId, testApp } from './test-app.js';

/**
 * Over real sockets, against the node server `npm start` runs (createNodeServer): HEAD is
 * answered without a stack trace, a client that goes away mid-upload is logged as that in
 * one line, slow requests are cut, and one address cannot hold many requests half-sent.
 * Everything the server writes to its console is captured and checked for stack traces.
 */
const t = testApp({ limits: { participantPerSecond: 1e6, participantBurst: 1e6, addressPerSecond: 1e6, addressBurst: 1e6 } });
// Short times so the test does not wait; the same code as the defaults.
const LIMITS: Partial<NodeServerLimits> = { headersTimeoutMs: 600, requestTimeoutMs: 1_000, timeoutCheckMs: 100, maxArrivingPerAddress: 4, keepAliveTimeoutMs: 1_500 };
let server: Server;
let port = 0;
let session: { code: string; leadKey: string; supportKey: string };
let output: string[] = [];

beforeAll(async () => {
  server = createNodeServer(t.app.fetch, { hostname: '127.0.0.1', limits: LIMITS });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  session = await t.startSession('Socket School');
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  t.close();
});

beforeEach(() => {
  output = [];
  const capture = (...args: unknown[]) => void output.push(args.map((a) => (a instanceof Error ? `${a.stack}` : String(a))).join(' '));
  for (const level of ['error', 'warn', 'log', 'info'] as const) vi.spyOn(console, level).mockImplementation(capture);
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: any, ...rest: any[]) => {
    output.push(String(chunk));
    return write(chunk, ...rest);
  });
});
afterEach(() => vi.restoreAllMocks());

/** No stack trace and no "headers already sent" anywhere in what the server printed. */
function expectNoStack() {
  const all = output.join('\n');
  expect(all).not.toMatch(/ERR_HTTP_HEADERS_SENT|Cannot write headers/);
  expect(all).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(all).not.toMatch(/unexpected error/);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function open(localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends on `socket` until it closes it (or `ms` pass), and whether it closed. */
function received(socket: Socket, ms: number): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    let text = '';
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.off('data', onData);
      resolve({ text, closed });
    };
    const onData = (chunk: Buffer) => (text += chunk);
    const timer = setTimeout(() => done(false), ms);
    socket.on('data', onData);
    socket.once('close', () => done(true));
    socket.once('error', () => {});
  });
}

/** The request line and host of a POST. */
function post(path: string) {
  return `POST ${path} HTTP/1.1\r\nHost: x\r\n`;
}

/** The headers of a JSON write announcing `length` bytes of body. */
function writeHeaders(path: string, length: number, extra = '') {
  return `${post(path)}Content-Type: application/json\r\nContent-Length: ${length}\r\nIdempotency-Key: ${opId()}\r\n${extra}\r\n`;
}

describe('HEAD', () => {
  it('on the live stream: the stream’s headers, no body, no stack trace, and no stream left open', async () => {
    const live = t.registry.get(session.code)!;
    const res = await fetch(`http://127.0.0.1:${port}/api/sessions/${session.code}/stream`, { method: 'HEAD', headers: { authorization: `Bearer ${session.leadKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toBe('');
    await sleep(100);
    expect(live.hub.connectionCount).toBe(0);
    expectNoStack();
    // Without a key it is refused as a GET would be.
    expect((await fetch(`http://127.0.0.1:${port}/api/sessions/${session.code}/stream`, { method: 'HEAD' })).status).toBe(401);
  });

  it('on every GET route the app registers: the GET’s status and headers, no body', async () => {
    const poll = t.registry.get(session.code)!.runtime.deck.slides.findIndex((s) => s.activity?.kind === 'poll') + 1;
    const fill: Record<string, string> = { code: session.code, slide: String(poll), file: 'session.json' };
    const routes = [...new Set(t.app.routes.filter((r) => r.method === 'GET').map((r) => r.path))];
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const path = route.replace(/:(\w+)/g, (_, name: string) => fill[name]);
      const url = `http://127.0.0.1:${port}${path}`;
      const headers = { authorization: `Bearer ${session.leadKey}` };
      // The live stream never ends, so its GET is cut short; other GETs (a PDF's first render
      // starts a worker thread) get time to finish.
      const get = await fetch(url, { headers, signal: AbortSignal.timeout(route.endsWith('/stream') ? 2000 : 20_000) }).catch(() => null);
      const getStatus = get?.status;
      await get?.body?.cancel();
      const res = await fetch(url, { method: 'HEAD', headers });
      expect(res.status, route).toBe(getStatus ?? 200);
      expect(res.headers.get('content-type'), route).toBe(get?.headers.get('content-type') ?? 'text/event-stream; charset=utf-8');
      expect(await res.text(), route).toBe('');
    }
    await sleep(100);
    expectNoStack();
  });
});

describe('a client that goes away mid-upload', () => {
  for (const [how, headers, part] of [
    ['with a declared length', writeHeaders('/api/sessions/CODE/participants', 100), '{"name":"An'],
    ['chunked', `${post('/api/sessions/CODE/participants')}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nIdempotency-Key: ${opId()}\r\n\r\n`, 'b\r\n{"name":"An\r\n'],
  ] as const) {
    it(`(${how}) is counted as a client abort in the log, not reported as an error; nothing is applied`, async () => {
      const before = t.registry.get(session.code)!.runtime.state.seq;
      const socket = await open();
      socket.write(headers.replace('CODE', session.code) + part);
      await sleep(150);
      socket.destroy();
      await sleep(300);
      const lines = output.join('\n').split('\n').filter((line) => line.trim() !== '');
      expect(lines).toEqual([]);
      t.log.flushCounts();
      expect(t.logLines().filter((line) => line.event === 'http.client_aborts')).toEqual([
        expect.objectContaining({ total: 1, counts: { 'POST /api/sessions/:code/participants': { aborted: 1 } } }),
      ]);
      expectNoStack();
      expect(t.registry.get(session.code)!.runtime.state.seq).toBe(before);
    });
  }
});

describe('slow requests are cut', () => {
  it('a body sent a byte at a time is answered 408 and closed after the request timeout; nothing is applied', async () => {
    const before = t.registry.get(session.code)!.runtime.state.seq;
    const socket = await open();
    const body = '{"name":"Slow","group":"parent"}';
    socket.write(writeHeaders(`/api/sessions/${session.code}/participants`, body.length));
    const started = Date.now();
    const reply = received(socket, 5_000);
    for (let i = 0; i < body.length - 1 && !socket.destroyed; i++) {
      socket.write(body[i]);
      await sleep(100);
    }
    const { text, closed } = await reply;
    expect(closed).toBe(true);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(t.registry.get(session.code)!.runtime.state.seq).toBe(before);
    socket.destroy();
  });

  it('headers sent a line at a time are cut after the headers timeout', async () => {
    const socket = await open();
    const started = Date.now();
    const reply = received(socket, 5_000);
    for (const line of ['GET /healthz HTTP/1.1\r\n', 'Host: x\r\n', 'X-A: 1\r\n', 'X-B: 2\r\n', 'X-C: 3\r\n', 'X-D: 4\r\n', 'X-E: 5\r\n', 'X-F: 6\r\n']) {
      if (socket.destroyed) break;
      socket.write(line);
      await sleep(150);
    }
    const { text, closed } = await reply;
    expect(closed).toBe(true);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(1_500);
    socket.destroy();
  });

  it('a live stream (its request arrived whole) stays open far past the request timeout', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/sessions/${session.code}/stream`, { headers: { authorization: `Bearer ${session.leadKey}` }, signal: ctrl.signal });
    const reader = res.body!.getReader();
    await reader.read();
    await sleep(2_000);
    const seq = (await t.showSlide(session.code, session.leadKey, 2)).headers.get('x-log-seq');
    let text = '';
    while (!text.includes(`id: ${seq}\n`)) text += new TextDecoder().decode((await reader.read()).value);
    ctrl.abort();
  });
});

describe('a phone keeps its connection between taps', () => {
  it('an idle connection takes the next request after longer than the headers timeout, and is closed once idle past the keep-alive time', async () => {
    const socket = await open();
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect((await received(socket, 500)).text).toMatch(/^HTTP\/1\.1 200/);
    // Idle for longer than the headers timeout (600 ms here): still open, and it answers.
    await sleep(900);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const second = await received(socket, 500);
    expect(second.closed).toBe(false);
    expect(second.text).toMatch(/^HTTP\/1\.1 200/);
    // Idle past the keep-alive time (1.5 s here): the server closes it, having sent nothing.
    const idle = await received(socket, 2_500);
    expect(idle).toEqual({ text: '', closed: true });
    expectNoStack();
  });
});

describe('one address cannot hold many requests half-sent', () => {
  it(`beyond ${LIMITS.maxArrivingPerAddress} requests still arriving, the next connection is closed at once; other addresses are served`, async () => {
    const path = `/api/sessions/${session.code}/participants`;
    const dribbling: Socket[] = [];
    for (let i = 0; i < LIMITS.maxArrivingPerAddress!; i++) {
      const socket = await open();
      socket.write(writeHeaders(path, 200) + '{"na');
      dribbling.push(socket);
    }
    await sleep(100);
    const refused = await open();
    const { text, closed } = await received(refused, 1_000);
    expect(closed).toBe(true);
    expect(text).toBe('');
    expect(output.join('\n')).toMatch(/refusing requests from one address: \d+ connections open, 4 requests still arriving/);
    // Another address (another phone) is served as usual.
    const other = await open('127.0.0.2');
    other.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect((await received(other, 2_000)).text).toMatch(/^HTTP\/1\.1 200/);
    // Once those requests are gone, the address is served again.
    for (const socket of dribbling) socket.destroy();
    await sleep(100);
    const again = await open();
    again.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect((await received(again, 2_000)).text).toMatch(/^HTTP\/1\.1 200/);
    expectNoStack();
  });

  it('a body that has arrived in full no longer counts: more requests than the cap, one after another on one connection, are all served', async () => {
    const path = `/api/sessions/${session.code}/participants`;
    const socket = await open();
    for (let i = 0; i < LIMITS.maxArrivingPerAddress! + 3; i++) {
      const body = JSON.stringify({ name: `Ana ${i}`, group: 'parent' });
      // The headers first and the body a moment later: the request counts as arriving in between.
      socket.write(writeHeaders(path, Buffer.byteLength(body)));
      await sleep(20);
      socket.write(body);
      expect((await received(socket, 300)).text, `request ${i + 1}`).toMatch(/^HTTP\/1\.1 201/);
    }
    socket.destroy();
    expectNoStack();
  });

  it('a request whose body would be one too many arriving, on a connection already open, is answered 429 and closed', async () => {
    const path = `/api/sessions/${session.code}/participants`;
    const sockets: Socket[] = [];
    for (let i = 0; i <= LIMITS.maxArrivingPerAddress!; i++) {
      const socket = await open();
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      expect((await received(socket, 300)).text).toMatch(/^HTTP\/1\.1 200/);
      sockets.push(socket);
    }
    const last = sockets.pop()!;
    for (const socket of sockets) socket.write(writeHeaders(path, 200) + '{"na');
    await sleep(100);
    last.write(writeHeaders(path, 200) + '{"na');
    const { text, closed } = await received(last, 2_000);
    expect(text).toMatch(/^HTTP\/1\.1 429/);
    expect(text).toContain('"code":"too_many_arriving"');
    expect(text).toMatch(/x-content-type-options: nosniff/i);
    expect(closed).toBe(true);
    for (const socket of sockets) socket.destroy();
    await sleep(100);
    // And served again once they are gone.
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': opId() }, body: '{"name":"Back","group":"parent"}' });
    expect(res.status).toBe(201);
  });
});

describe('a room behind one address (a school’s NAT, a proxy)', () => {
  it('600 phones from one address, connecting at once and each sending its join in two parts, are all answered', { timeout: 30_000 }, async () => {
    // The caps `npm start` runs with, not the small ones above.
    const roomServer = createNodeServer(t.app.fetch, { hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => roomServer.listen(0, '127.0.0.1', resolve));
    const roomPort = (roomServer.address() as AddressInfo).port;
    const path = `/api/sessions/${session.code}/participants`;
    try {
      // Every phone's connection is open before any has sent a byte: all of them arriving at once.
      const phones = await Promise.all(
        Array.from(
          { length: 600 },
          () =>
            new Promise<Socket>((resolve, reject) => {
              const socket = connect({ port: roomPort, host: '127.0.0.1', localAddress: '127.0.0.77' });
              socket.once('connect', () => resolve(socket));
              socket.once('error', reject);
            }),
        ),
      );
      const answers = phones.map((socket) => received(socket, 15_000));
      phones.forEach((socket, i) => {
        const body = JSON.stringify({ name: `Phone ${i}`, group: 'parent' });
        socket.write(writeHeaders(path, Buffer.byteLength(body), 'Connection: close\r\n'));
        setImmediate(() => socket.write(body));
      });
      const texts = (await Promise.all(answers)).map((answer) => answer.text.split('\r\n')[0]);
      expect(texts.filter((line) => line !== 'HTTP/1.1 201 Created')).toEqual([]);
      for (const socket of phones) socket.destroy();
    } finally {
      roomServer.closeAllConnections();
      roomServer.close();
    }
  });
});
