import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { refusedRetryMs } from '../../web/shared/live/outbox.js';
import { headerBytes } from './sse-client.js';

/**
 * A small JSON client over node's http with keep-alive sockets. The load generator makes
 * tens of thousands of requests on a machine it shares with the server, so it avoids
 * anything heavier than a pooled socket and one JSON.parse per answer.
 */
export interface Reply {
  status: number;
  json: any;
  /** The log position the server reports for a write (X-Log-Seq), or -1. */
  seq: number;
  retryAfter: number;
  /** Bytes of the answer on the wire (headers and body as sent, compressed or not). */
  wireBytes: number;
  /** When this attempt was sent (after a refusal, the retry that was answered). */
  sentAt: number;
  /** How many attempts the answer took (set by sendWithRetry; 1 for a single send). */
  attempts?: number;
}

export class JsonClient {
  private readonly agent: http.Agent;

  /** `localAddress` (127.0.0.x): the connections come from there, as one phone's own would. */
  constructor(
    public port: number,
    maxSockets = 128,
    localAddress?: string,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets, scheduling: 'fifo', localAddress });
  }

  /** One attempt; rejects on a network error (refused, reset, server gone). */
  send(method: string, path: string, init: { body?: unknown; key?: string; op?: string; gzip?: boolean } = {}): Promise<Reply> {
    const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
    const headers: http.OutgoingHttpHeaders = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (init.key) headers.authorization = `Bearer ${init.key}`;
    if (init.op) headers['idempotency-key'] = init.op;
    // As a phone's browser does: it names gzip and gets the page compressed when the server does that.
    if (init.gzip) headers['accept-encoding'] = 'gzip, deflate, br';
    const sentAt = Date.now();
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
          let json: any = text;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON: keep the text for the error report
          }
          const seqHeader = res.headers['x-log-seq'];
          resolve({
            status: res.statusCode ?? 0,
            json,
            seq: typeof seqHeader === 'string' ? Number(seqHeader) : -1,
            retryAfter: Number(res.headers['retry-after'] ?? 0),
            wireBytes: headerBytes(res) + body.byteLength,
            sentAt,
          });
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /**
   * Opens `count` keep-alive connections before they are needed, as a room's phones have
   * theirs open from the cards they wrote: a wave of requests at once makes the agent open
   * a connection for each one no idle connection takes; those the server refuses (its cap on
   * connections arriving at once from one address) are opened by the next wave.
   */
  async warm(count: number): Promise<number> {
    for (let wave = 0; wave < 20 && this.openSockets() < count; wave++) {
      await Promise.allSettled(Array.from({ length: count }, () => this.send('GET', '/healthz')));
      // Refused connections close a moment after their answer or error: count after that.
      await sleep(100);
    }
    return this.openSockets();
  }

  private openSockets(): number {
    const count = (lists: NodeJS.ReadOnlyDict<unknown[]>) => Object.values(lists).reduce((n, list) => n + (list?.length ?? 0), 0);
    return count(this.agent.sockets) + count(this.agent.freeSockets);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** What the harness sends requests through: one instance, or several with failover. */
export interface Route {
  send(method: string, path: string, init?: { body?: unknown; key?: string; op?: string }): Promise<Reply>;
}

/**
 * One client's way to several instances, as a proxy with health checks gives it: it keeps
 * to its own instance, and moves to the next one when its instance cannot be reached
 * (refused, reset: the process is gone). Answers, 5xx included, never move it.
 */
export class FailoverRoute implements Route {
  constructor(
    private readonly clients: Route[],
    private at = 0,
  ) {}

  async send(method: string, path: string, init: { body?: unknown; key?: string; op?: string } = {}): Promise<Reply> {
    const client = this.clients[this.at % this.clients.length];
    try {
      return await client.send(method, path, init);
    } catch (error) {
      if (this.clients.length > 1 && (error as NodeJS.ErrnoException).code === 'ECONNREFUSED') this.at = (this.at + 1) % this.clients.length;
      throw error;
    }
  }
}

export interface RetryStats {
  networkRetries: number;
  throttled: number;
  /** 5xx answers other than 503 (a fault, not a refusal). */
  serverErrors: number;
  /** 503 answers: the server shed the request and said when to come back. */
  refused: number;
  /** 429 answers by their error code (which limit said no). */
  throttledBy?: Record<string, number>;
}

/**
 * Sends one write until it gets an answer that is not a network error, a 5xx or a 429,
 * always with the same Idempotency-Key, as a phone's outbox does: a retry after a lost
 * answer must be applied once. After a 503 it waits what Retry-After says, spread by a
 * random half either way, so refused phones do not all come back in the same instant.
 */
export async function sendWithRetry(
  client: Route,
  method: string,
  path: string,
  init: { body?: unknown; key?: string; op?: string; gzip?: boolean },
  stats: RetryStats,
  giveUpAt: number,
): Promise<Reply | null> {
  let refusalsInARow = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = await client.send(method, path, init);
      if (reply.status === 429) {
        stats.throttled++;
        if (stats.throttledBy) {
          const code = String(reply.json?.error?.code ?? 'unknown');
          stats.throttledBy[code] = (stats.throttledBy[code] ?? 0) + 1;
        }
        await sleep(Math.max(1, reply.retryAfter) * 1000);
      } else if (reply.status === 503) {
        stats.refused++;
        await sleep(refusedRetryMs(String(reply.retryAfter || ''), ++refusalsInARow, Math.random()));
      } else if (reply.status >= 500) {
        stats.serverErrors++;
        await sleep(backoff(attempt));
      } else {
        reply.attempts = attempt + 1;
        return reply;
      }
    } catch {
      stats.networkRetries++;
      await sleep(backoff(attempt));
    }
    if (Date.now() > giveUpAt) return null;
  }
}

function backoff(attempt: number): number {
  return Math.min(1000, 100 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random() * 0.5);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `task` over `items` with at most `concurrency` at a time. */
export async function pool<T>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  });
  await Promise.all(workers);
}
