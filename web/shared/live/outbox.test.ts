import { describe, expect, it } from 'vitest';
import { Outbox, refusedRetryMs, type OutboxStore, type QueuedWrite } from './outbox.js';

/** A network that can be cut and restored, recording every request that reached the server. */
function network() {
  const sent: { method: string; url: string; key: string; body: unknown }[] = [];
  let up = false;
  let answer: (method: string, url: string) => Response = () => Response.json({ ok: true });
  return {
    sent,
    set up(value: boolean) {
      up = value;
    },
    answerWith(next: typeof answer) {
      answer = next;
    },
    transport: async (url: string, init: RequestInit) => {
      if (!up) throw new TypeError('Failed to fetch');
      const method = init.method ?? 'GET';
      const headers = new Headers(init.headers);
      sent.push({ method, url, key: headers.get('idempotency-key') ?? '', body: init.body ? JSON.parse(String(init.body)) : undefined });
      return answer(method, url);
    },
  };
}

function memoryStore(): OutboxStore & { saved: QueuedWrite[] } {
  const store = {
    saved: [] as QueuedWrite[],
    load: () => structuredClone(store.saved),
    save: (writes: readonly QueuedWrite[]) => void (store.saved = structuredClone([...writes])),
  };
  return store;
}

/** Timers the test runs by hand, with the waits they were set for. */
function timers() {
  const due: (() => void)[] = [];
  const waits: number[] = [];
  return {
    waits,
    setTimer: (fn: () => void, ms: number) => void (due.push(fn), waits.push(ms)),
    runAll: () => due.splice(0).forEach((fn) => fn()),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const json = (body: unknown) => ({ method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('the outbox', () => {
  it('sends one slide move for many made offline, and every caller hears its answer', async () => {
    const net = network();
    const clock = timers();
    const outbox = new Outbox({ store: memoryStore(), transport: net.transport, setTimer: clock.setTimer });
    const answers = [2, 3, 4, 5, 6].map((slide) => outbox.fetch('/api/sessions/ABC123/presentation/slide', json({ slide })));
    await settle();
    expect(outbox.pending).toBe(1);
    net.up = true;
    clock.runAll();
    const statuses = await Promise.all(answers.map(async (a) => (await a).status));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(net.sent.map((s) => s.body)).toEqual([{ slide: 6 }]);
  });

  it('sends a card’s hide and show toggled offline as its last state, and each card’s own', async () => {
    const net = network();
    const clock = timers();
    const outbox = new Outbox({ store: memoryStore(), transport: net.transport, setTimer: clock.setTimer });
    for (const hidden of [true, false, true]) void outbox.fetch('/api/sessions/ABC123/cards/c1/visibility', json({ hidden }));
    void outbox.fetch('/api/sessions/ABC123/answers/a1/visibility', json({ hidden: true }));
    void outbox.fetch('/api/sessions/ABC123/cards/c2/visibility', json({ hidden: true }));
    void outbox.fetch('/api/sessions/ABC123/cards/c1/visibility', json({ hidden: false }));
    await settle();
    net.up = true;
    clock.runAll();
    await settle();
    expect(net.sent.map((s) => [s.url.split('/').slice(-3, -1).join('/'), s.body])).toEqual([
      ['answers/a1', { hidden: true }],
      ['cards/c2', { hidden: true }],
      ['cards/c1', { hidden: false }],
    ]);
  });

  it('keeps every card and sticker written offline, in order, each with its own key, and retries with the same key', async () => {
    const net = network();
    const clock = timers();
    const outbox = new Outbox({ store: memoryStore(), transport: net.transport, setTimer: clock.setTimer });
    void outbox.fetch('/api/sessions/ABC123/cards', { method: 'POST', body: JSON.stringify({ slide: 11, text: 'one' }) });
    void outbox.fetch('/api/sessions/ABC123/stickers', { method: 'POST', body: JSON.stringify({ cardId: 'c1' }) });
    void outbox.fetch('/api/sessions/ABC123/stickers', { method: 'POST', body: JSON.stringify({ cardId: 'c1' }) });
    void outbox.fetch('/api/sessions/ABC123/cards/c1', { method: 'PATCH', body: JSON.stringify({ text: 'two' }) });
    await settle();
    expect(outbox.pending).toBe(4);
    expect(outbox.writeFailed).toBe(true);
    // The server answers 503 once: the write stays at the head and goes again with its key.
    net.up = true;
    let first = true;
    net.answerWith(() => (first ? ((first = false), new Response('{}', { status: 503, headers: { 'retry-after': '1' } })) : Response.json({})));
    clock.runAll();
    await settle();
    clock.runAll();
    await settle();
    expect(net.sent.map((s) => `${s.method} ${s.url.split('/').slice(4).join('/')}`)).toEqual(['POST cards', 'POST cards', 'POST stickers', 'POST stickers', 'PATCH cards/c1']);
    expect(net.sent[0].key).toBe(net.sent[1].key);
    expect(new Set(net.sent.slice(1).map((s) => s.key)).size).toBe(4);
    expect(outbox.pending).toBe(0);
  });

  it('backs off after the server sheds load: what Retry-After asks, longer each time, spread at random, always the same key', async () => {
    const net = network();
    net.up = true;
    const clock = timers();
    let refusals = 3;
    net.answerWith(() => (refusals-- > 0 ? new Response('{}', { status: 503, headers: { 'retry-after': '2' } }) : Response.json({}, { status: 201 })));
    const outbox = new Outbox({ store: memoryStore(), transport: net.transport, setTimer: clock.setTimer, random: () => 0.25 });
    const answer = outbox.fetch('/api/sessions/ABC123/stickers', { method: 'POST', body: JSON.stringify({ cardId: 'c1' }) });
    for (let i = 0; i < 4; i++) {
      await settle();
      clock.runAll();
    }
    expect((await answer).status).toBe(201);
    expect(clock.waits).toEqual([1500, 3000, 6000]);
    expect(new Set(net.sent.map((s) => s.key)).size).toBe(1);
    expect(net.sent).toHaveLength(4);
    // Two phones refused together come back apart; none waits less than half of what was asked.
    expect(refusedRetryMs('2', 1, 0)).toBe(1000);
    expect(refusedRetryMs('2', 1, 0.99)).toBeCloseTo(2980);
    expect(refusedRetryMs(null, 1, 0.5)).toBe(2000);
    expect(refusedRetryMs('1', 10, 0.5)).toBe(8000);
  });

  it('keeps what it could not send across a reload, and sends it with the same keys', async () => {
    const store = memoryStore();
    const net = network();
    const before = new Outbox({ store, transport: net.transport, setTimer: () => {} });
    void before.fetch('/api/sessions/ABC123/cards', { method: 'POST', body: JSON.stringify({ slide: 11, text: 'written offline' }) });
    await settle();
    const keys = store.saved.map((w) => w.opId);
    expect(store.saved).toEqual([{ opId: keys[0], method: 'POST', url: '/api/sessions/ABC123/cards', body: '{"slide":11,"text":"written offline"}' }]);

    net.up = true;
    const after = new Outbox({ store, transport: net.transport });
    expect(after.pending).toBe(1);
    expect(after.pendingWrites('POST', '/cards')).toEqual([{ url: '/api/sessions/ABC123/cards', body: { slide: 11, text: 'written offline' } }]);
    await after.flush();
    expect(net.sent).toEqual([{ method: 'POST', url: '/api/sessions/ABC123/cards', key: keys[0], body: { slide: 11, text: 'written offline' } }]);
    expect(store.saved).toEqual([]);
  });

  it('answers a refusal once, without retrying it, and reads go straight out', async () => {
    const net = network();
    net.up = true;
    net.answerWith((method) => (method === 'GET' ? Response.json({ now: 1 }) : Response.json({ error: { code: 'budget_spent', message: 'No stickers left.' } }, { status: 409 })));
    let unauthorized = 0;
    const outbox = new Outbox({ store: memoryStore(), transport: net.transport, onUnauthorized: () => unauthorized++ });
    const refused = await outbox.fetch('/api/sessions/ABC123/stickers', { method: 'POST', body: '{"cardId":"c9"}' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('budget_spent');
    expect((await outbox.fetch('/api/sessions/ABC123/timers/clock')).status).toBe(200);
    expect(net.sent.map((s) => s.method)).toEqual(['POST', 'GET']);
    expect(outbox.pending).toBe(0);
    expect(unauthorized).toBe(0);
  });

  it('never replaces a move already on its way, only ones still waiting', async () => {
    const net = network();
    net.up = true;
    let release: () => void = () => {};
    const transport = async (url: string, init: RequestInit) => {
      await new Promise<void>((r) => (release = r));
      return net.transport(url, init);
    };
    const outbox = new Outbox({ store: memoryStore(), transport });
    const first = outbox.fetch('/api/sessions/ABC123/presentation/slide', json({ slide: 2 }));
    await settle();
    void outbox.fetch('/api/sessions/ABC123/presentation/slide', json({ slide: 3 }));
    void outbox.fetch('/api/sessions/ABC123/presentation/slide', json({ slide: 4 }));
    release();
    await first;
    await settle();
    release();
    await settle();
    expect(net.sent.map((s) => s.body)).toEqual([{ slide: 2 }, { slide: 4 }]);
  });
});

describe('the outbox on a connection that stops answering', () => {
  it('gives up on a write unanswered in time and sends it again with the same Idempotency-Key', async () => {
    const keys: string[] = [];
    let hang = true;
    let unanswered = 0;
    const transport = (_url: string, init: RequestInit) => {
      keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
      if (!hang) return Promise.resolve(Response.json({ id: 'c1' }, { status: 201 }));
      // A stalled access point: no answer and no error, until the page gives up.
      return new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    };
    const retries: (() => void)[] = [];
    const outbox = new Outbox({ store: memoryStore(), transport, answerMs: 20, setTimer: (fn) => void retries.push(fn), onUnanswered: () => unanswered++ });
    const answer = outbox.fetch('/api/sessions/ABC123/cards', { method: 'POST', body: JSON.stringify({ slide: 11, text: 'Be on time' }) });
    await new Promise((r) => setTimeout(r, 60));
    expect(outbox.writeFailed).toBe(true);
    expect(outbox.pending).toBe(1);
    expect(unanswered).toBe(1);
    hang = false;
    retries.splice(0).forEach((fn) => fn());
    expect((await answer).status).toBe(201);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(outbox.writeFailed).toBe(false);
    expect(outbox.pending).toBe(0);
  });
});
