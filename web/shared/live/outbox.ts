import { IDEMPOTENCY_HEADER } from '../../../server/contract/wire.js';

/**
 * Every write a page makes waits here until the server has answered it, so a card written
 * on a dead connection is sent when the connection returns, and after a reload too (the
 * queue is kept in localStorage). Each write carries a client-made Idempotency-Key, so a
 * retry after a lost answer is applied once.
 *
 * Writes that set a screen's state (LATEST_WINS: the slide shown, the join banner, whether
 * a card, an answer or a reflection is hidden) replace an older queued write to the same
 * place: a presenter who pressed "next" ten times offline sends one move, not ten. Every
 * other write (cards, answers, stickers, votes…) is sent, in order, every one.
 *
 * Its `fetch` is what hono's typed client sends through: reads go straight out, writes
 * queue. A queued write's promise resolves with the server's answer, whatever its status;
 * it waits through network failures, 5xx and 429 (which are retried).
 */
export interface QueuedWrite {
  /** The Idempotency-Key it is sent with, every time. */
  opId: string;
  method: string;
  /** The path it goes to, e.g. /api/sessions/7KQ2MX/cards. */
  url: string;
  /** The JSON body as sent, if any. */
  body?: string;
}

export interface OutboxStore {
  load(): QueuedWrite[];
  save(writes: readonly QueuedWrite[]): void;
}

export interface OutboxOptions {
  store: OutboxStore;
  /** Sends one request with the page's key; rejects only when the network fails. */
  transport(url: string, init: RequestInit): Promise<Response>;
  newOpId?: () => string;
  /** Schedules a retry (replaceable in tests). */
  setTimer?: (retry: () => void, ms: number) => void;
  /** 0 ≤ x < 1, for the jitter of retries (replaceable in tests). */
  random?: () => number;
  /** The queue or its state changed (a page shows "sending…" or "offline"). */
  onChange?: () => void;
  /** The server no longer knows the page's key (given a copy of its answer). */
  onUnauthorized?: (answer: Response) => void;
  /** How long to wait for an answer before sending the write again (WRITE_ANSWER_MS). */
  answerMs?: number;
  /** A write got no answer in time or could not be sent: the connection is in doubt. */
  onUnanswered?: () => void;
}

/**
 * A write unanswered this long is given up on and sent again with the same
 * Idempotency-Key: on a connection that stopped passing bytes without closing, the
 * browser would otherwise wait minutes for an answer that never comes. The server applies
 * a repeated key once and answers it as the first time.
 */
export const WRITE_ANSWER_MS = 6000;
/** How soon a write whose answer did not come is tried again. */
export const UNANSWERED_RETRY_MS = 1500;

/** Writes that set a state: only the newest queued one to the same place matters. */
const LATEST_WINS = [/\/presentation\/(slide|banner)$/, /\/(cards|answers|reflections)\/[^/]+\/visibility$/];
export const OFFLINE_RETRY_MS = 3000;
/** A refusal that names no Retry-After is tried again after about this long. */
export const REFUSED_RETRY_MS = 2000;
/** Refusals in a row lengthen the wait up to this many times what the server asked. */
const MOST_BACKOFF = 8;

/**
 * The wait after a refusal (503 when the server sheds load, 429, any 5xx): what the server
 * asked for in Retry-After, doubled for each refusal in a row, and spread by a random half
 * either way, so a room of phones refused in the same second does not come back in the
 * same second. The write keeps its Idempotency-Key, so it is applied once however often it goes.
 */
export function refusedRetryMs(retryAfter: string | null, refusalsInARow: number, random: number): number {
  const asked = Number(retryAfter);
  const baseMs = Number.isFinite(asked) && asked > 0 ? Math.min(asked, 120) * 1000 : REFUSED_RETRY_MS;
  return baseMs * Math.min(MOST_BACKOFF, 2 ** Math.max(0, refusalsInARow - 1)) * (0.5 + random);
}

export function latestWins(method: string, url: string): boolean {
  return method === 'PUT' && LATEST_WINS.some((rule) => rule.test(url));
}

interface Waiter {
  resolve(res: Response): void;
}

export class Outbox {
  /** The last attempt to send could not reach the server. */
  writeFailed = false;
  private queue: QueuedWrite[];
  private readonly waiters = new Map<string, Waiter[]>();
  private inFlight: QueuedWrite | null = null;
  private flushing = false;
  private retryPending = false;
  private refusalsInARow = 0;

  constructor(private readonly options: OutboxOptions) {
    this.queue = options.store.load();
  }

  /** Writes not yet answered. */
  get pending(): number {
    return this.queue.length;
  }

  /** hono's client sends through this: a read goes out at once, a write joins the queue. */
  readonly fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? `${input.pathname}${input.search}` : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD') return this.options.transport(url, init);
    return this.enqueue(method, url, typeof init.body === 'string' ? init.body : undefined);
  };

  enqueue(method: string, url: string, body?: string): Promise<Response> {
    const write: QueuedWrite = { opId: (this.options.newOpId ?? newOpId)(), method, url, ...(body === undefined ? {} : { body }) };
    const answer = new Promise<Response>((resolve) => this.waiters.set(write.opId, [{ resolve }]));
    this.queue.push(write);
    if (latestWins(method, url)) {
      for (const older of this.queue.filter((w) => w !== this.inFlight && w !== write && sameTarget(w, write))) this.supersede(older, write);
    }
    this.save();
    void this.flush();
    return answer;
  }

  /** Queued writes of this method whose path ends with `suffix`, with their bodies (a page shows them as "sending"). */
  pendingWrites(method: string, suffix: string): { url: string; body: unknown }[] {
    return this.queue
      .filter((w) => w.method === method && w.url.endsWith(suffix))
      .map((w) => ({ url: w.url, body: w.body === undefined ? undefined : JSON.parse(w.body) }));
  }

  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const write = (this.inFlight = this.queue[0]);
        let res: Response;
        const abort = new AbortController();
        let unanswered = false;
        const timer = setTimeout(() => {
          unanswered = true;
          abort.abort();
        }, this.options.answerMs ?? WRITE_ANSWER_MS);
        try {
          res = await this.options.transport(write.url, {
            method: write.method,
            headers: { [IDEMPOTENCY_HEADER]: write.opId, ...(write.body === undefined ? {} : { 'content-type': 'application/json' }) },
            body: write.body,
            signal: abort.signal,
          });
        } catch {
          // Offline, or no answer in time: it stays queued, with its key, and is sent again
          // (by this timer, the browser's `online` event or a reconnect).
          this.writeFailed = true;
          this.collapse();
          this.retryIn(unanswered ? UNANSWERED_RETRY_MS : OFFLINE_RETRY_MS);
          this.options.onUnanswered?.();
          return;
        } finally {
          clearTimeout(timer);
          this.inFlight = null;
        }
        this.writeFailed = false;
        if (res.status >= 500 || res.status === 429) {
          this.collapse();
          this.refusalsInARow++;
          this.retryIn(refusedRetryMs(res.headers.get('retry-after'), this.refusalsInARow, (this.options.random ?? Math.random)()));
          return;
        }
        this.refusalsInARow = 0;
        this.queue.shift();
        this.save();
        if (res.status === 401) this.options.onUnauthorized?.(res.clone());
        this.settle(write.opId, res);
      }
    } finally {
      this.flushing = false;
      this.options.onChange?.();
    }
  }

  /** Moves queued while an older one was on its way: once it is back (failed), only the newest stays. */
  private collapse(): void {
    const head = this.queue[0];
    if (!head || !latestWins(head.method, head.url)) return;
    // (filter + pop, not findLast: old phones lack it)
    const newer = this.queue.filter((w) => w !== head && sameTarget(w, head)).pop();
    if (!newer) return;
    this.supersede(head, newer);
    this.save();
  }

  /** The older write never goes out; whoever waited for it gets the newer one's answer. */
  private supersede(older: QueuedWrite, newer: QueuedWrite): void {
    this.queue.splice(this.queue.indexOf(older), 1);
    this.waiters.set(newer.opId, [...(this.waiters.get(older.opId) ?? []), ...(this.waiters.get(newer.opId) ?? [])]);
    this.waiters.delete(older.opId);
  }

  private settle(opId: string, res: Response): void {
    const waiters = this.waiters.get(opId) ?? [];
    this.waiters.delete(opId);
    // A body can be read once: every waiter but the last reads a copy.
    waiters.forEach((waiter, i) => waiter.resolve(i === waiters.length - 1 ? res : res.clone()));
  }

  private retryIn(ms: number): void {
    if (this.retryPending) return;
    this.retryPending = true;
    (this.options.setTimer ?? setTimeout)(() => {
      this.retryPending = false;
      void this.flush();
    }, ms);
  }

  private save(): void {
    this.options.store.save(this.queue);
    this.options.onChange?.();
  }
}

/** The queue in localStorage; without storage (private browsing) it lives in memory only. */
export function localOutboxStore(key: string, legacyPathPrefix = ''): OutboxStore {
  return {
    load() {
      try {
        const saved = JSON.parse(localStorage.getItem(key) ?? '[]') as (QueuedWrite & { path?: string; body?: unknown })[];
        // Pages before the typed client kept a path relative to the session and a body object.
        return saved.map((w) => (w.path === undefined ? w : { opId: w.opId, method: w.method, url: `${legacyPathPrefix}${w.path}`, ...(w.body === undefined ? {} : { body: JSON.stringify(w.body) }) }));
      } catch {
        return [];
      }
    },
    save(writes) {
      try {
        localStorage.setItem(key, JSON.stringify(writes));
      } catch {
        // no storage: the queue still lives in memory
      }
    },
  };
}

function sameTarget(a: QueuedWrite, b: QueuedWrite): boolean {
  return a.method === b.method && a.url === b.url;
}

/** A fresh Idempotency-Key: 24 hex digits from the browser's random source. */
export function newOpId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
