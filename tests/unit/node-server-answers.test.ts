import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffParts } from '../../server/contract/parts.js';
import { PROTOCOL_VERSION } from '../../server/contract/wire.js';
import { decodeMessage, readEventStream, type SseEvent } from '../../web/shared/live/stream-reader.js';
import { opId, testApp } from './test-app.js';

/**
 * On node's HTTP server the security headers, no-store, X-Log-Seq and the live stream take
 * a faster path than under app.request (straight onto node's response). What a browser
 * receives there, over a real socket:
 */
const t = testApp();
const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
let base = '';
beforeAll(async () => {
  await new Promise((resolve) => server.once('listening', resolve).listening && resolve(null));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  t.close();
});

function send(method: string, path: string, init: { key?: string; body?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (method !== 'GET') headers['idempotency-key'] = opId();
  return fetch(`${base}${path}`, { method, headers, body: init.body });
}

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('answers over a real socket', () => {
  it('a read carries the security headers and is never cached', async () => {
    const res = await send('GET', '/api/decks');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('a page carries the document headers too; an API answer leaves out those only a document uses', async () => {
    const page = await fetch(`${base}/`);
    const answer = await send('GET', '/api/decks');
    expectSecurityHeaders(answer);
    for (const name of ['cross-origin-opener-policy', 'origin-agent-cluster', 'x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection']) {
      expect(page.headers.get(name), name).not.toBeNull();
      expect(answer.headers.get(name), name).toBeNull();
    }
    for (const name of ['cross-origin-resource-policy', 'strict-transport-security']) {
      expect(page.headers.get(name), name).not.toBeNull();
      expect(answer.headers.get(name), name).toBe(page.headers.get(name));
    }
  });

  it('a write answers with its log position once committed; a refusal has none', async () => {
    const created = await send('POST', '/api/sessions', { key: t.operatorKey, body: JSON.stringify({ schoolName: 'Socket School' }) });
    expect(created.status).toBe(201);
    const { code, leadKey } = (await created.json()) as { code: string; leadKey: string };
    const joined = await send('POST', `/api/sessions/${code}/participants`, { body: JSON.stringify({ name: 'Ana', group: 'parent' }) });
    expect(joined.status).toBe(201);
    expectSecurityHeaders(joined);
    expect(joined.headers.get('cache-control')).toBe('no-store');
    const seq = Number(joined.headers.get('x-log-seq'));
    expect(seq).toBe(t.registry.get(code)!.runtime.state.seq);
    const refused = await send('PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: JSON.stringify({ slide: 'eleven' }) });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-log-seq')).toBeNull();
    expectSecurityHeaders(refused);
  });

  it('a body declared larger than 16 KB is refused with 413 in JSON before it is read', async () => {
    const created = await send('POST', '/api/sessions', { body: JSON.stringify({ schoolName: 'x'.repeat(20_000) }) });
    expect(created.status).toBe(413);
    expect(((await created.json()) as { error: { code: string } }).error.code).toBe('too_large');
    expectSecurityHeaders(created);
  });

  it('the live stream is an event stream whose first frame is the full view', async () => {
    const { code, leadKey } = await t.startSession('Stream School');
    const res = await send('GET', `/api/sessions/${code}/stream`, { key: leadKey });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expectSecurityHeaders(res);
    // Read as the pages read it: the first event is the view, its id the log position.
    const events: SseEvent[] = [];
    const stop = new AbortController();
    await readEventStream(res.body!, { onEvent: (event) => (events.push(event), stop.abort()) }, stop.signal);
    const view = decodeMessage<StaffParts>(events[0])!;
    expect(view.event).toBe('view');
    expect(events[0].id).toBe(String(view.data.seq));
    expect(view.data.v).toBe(PROTOCOL_VERSION);
    expect(view.data.parts.session?.schoolName).toBe('Stream School');
  });
});
