import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BEHIND_BYTES } from '../../server/routes/stream.js';
import { testApp } from '../unit/test-app.js';

/**
 * A client that stops reading must not hold the server's memory: over a real socket
 * (@hono/node-server, not app.request), a staff stream that never reads is dropped once
 * it is MAX_BEHIND_BYTES behind, while a stream that reads keeps up.
 */
const t = testApp({ limits: { participantPerSecond: 1e6, participantBurst: 1e6, addressPerSecond: 1e6, addressBurst: 1e6 } });
const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
afterAll(() => {
  server.close();
  t.close();
});

function openStream(port: number, code: string, key: string, read: boolean): { socket: Socket; received: () => number; closed: () => boolean } {
  const socket = connect(port, '127.0.0.1');
  let bytes = 0;
  let closed = false;
  socket.write(`GET /api/sessions/${code}/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nAccept: text/event-stream\r\n\r\n`);
  socket.on('data', (chunk) => (bytes += chunk.length));
  socket.on('close', () => (closed = true));
  socket.on('error', () => {});
  if (!read) socket.once('data', () => socket.pause());
  return { socket, received: () => bytes, closed: () => closed };
}

describe('a stream that stops reading', () => {
  it('is dropped by the server once it falls far behind; a reading stream is not', { timeout: 60_000 }, async () => {
    await new Promise((resolve) => server.once('listening', resolve).listening && resolve(null));
    const port = (server.address() as AddressInfo).port;
    const s = await t.startSession();
    const live = t.registry.get(s.code)!;
    const stalled = openStream(port, s.code, s.supportKey, false);
    const reading = openStream(port, s.code, s.leadKey, true);
    await waitFor(() => live.hub.connectionCount === 2 && reading.received() > 0);
    // Every paper card grows the staff view's card list, and each patch re-sends it:
    // megabytes a second toward a client that reads nothing.
    let written = 0;
    while (live.hub.connectionCount === 2 && written < 3000) {
      for (let i = 0; i < 20; i++, written++) {
        await t.call('POST', `/api/sessions/${s.code}/gallery/paper-cards`, { key: s.leadKey, body: { wall: 'agreements', text: `${written} ${'a long paper card '.repeat(27)}` } });
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    // The server let go of the stalled stream; the reading one is still there.
    expect(live.hub.connectionCount).toBe(1);
    expect(reading.closed()).toBe(false);
    expect(reading.received()).toBeGreaterThan(MAX_BEHIND_BYTES);
    // It was let go early: after a few megabytes (socket buffers plus MAX_BEHIND_BYTES), not hundreds.
    expect(reading.received()).toBeLessThan(64 * 1024 * 1024);
    // When the stalled client reads again it finds its stream ended (and would reconnect for a full view).
    stalled.socket.resume();
    await waitFor(() => stalled.closed(), 10_000);
    expect(stalled.received()).toBeLessThan(reading.received());
    reading.socket.destroy();
    // The operations log counts the drop (written with the interval's counts, not a line per drop).
    t.log.flushCounts();
    expect(t.logLines()).toContainEqual(expect.objectContaining({ event: 'streams.dropped', total: 1, counts: { [s.code]: { support: 1 } } }));
  });
});

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
