import { refusedRetryMs } from '../../web/shared/live/outbox.js';

/** An answer as the harness reads it (the client is raw-http-client.ts). */
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
