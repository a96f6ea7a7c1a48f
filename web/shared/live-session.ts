/**
 * The browser's side of a session: one server-sent event stream down, POSTs up.
 *
 * - The stream is read with fetch so the key travels in a header, never in a URL.
 * - `view` replaces every part, `patch` replaces the parts it names (see the server's
 *   SessionHub for the protocol). After any drop it reconnects with backoff and gets a
 *   full view, so a phone that slept or a server that restarted recovers by itself.
 * - Every write gets a client-made id and waits in an outbox kept in localStorage until
 *   the server answers, so a card written on a dead connection is sent when it returns,
 *   and a retry is applied once.
 */
export type Parts = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface OutboxEntry {
  opId: string;
  method: string;
  path: string;
  body: unknown;
}

export interface LiveSessionOptions {
  code: string;
  key: string;
  /** Called when the server no longer accepts the key (session deleted, wrong key). */
  onRejected?: (error: ApiError) => void;
}

const PROTOCOL_VERSION = 1;

export class LiveSession {
  parts: Parts = {};
  /** Content tags of the shared parts held, so a reconnect can skip what has not changed. */
  private tags: Record<string, string> = {};
  seq = 0;
  connected = false;
  /** The last write could not reach the server (it stays queued and is retried). */
  writeFailed = false;
  /** Writes waiting for an answer from the server. */
  pending = 0;
  private readonly listeners = new Set<() => void>();
  private readonly waiting = new Map<string, { resolve: (v: { answer: unknown; seq: number }) => void; reject: (e: Error) => void }>();
  /**
   * Parts this page changed itself from a write's answer, with the log position of that
   * write: a frame made before it (it may arrive after the answer, on the other connection)
   * must not put the part back as it was.
   */
  private readonly localSeq = new Map<string, number>();
  private outbox: OutboxEntry[];
  private abort: AbortController | null = null;
  private retryMs = 500;
  private flushing = false;
  private stopped = false;
  private readonly outboxKey: string;

  constructor(private readonly options: LiveSessionOptions) {
    this.outboxKey = `pd-outbox:${options.code}:${options.key.split('.')[0]}`;
    this.outbox = readJson<OutboxEntry[]>(this.outboxKey) ?? [];
    this.pending = this.outbox.length;
    addEventListener('online', () => {
      this.retryMs = 500;
      void this.flush();
    });
  }

  /** True when the stream is live and writes are getting through. */
  get online(): boolean {
    return this.connected && !this.writeFailed;
  }

  get code(): string {
    return this.options.code;
  }

  part<T>(name: string): T | undefined {
    return this.parts[name] as T | undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    void this.openStream();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  /** Sends a write through the outbox. Resolves with the server's answer; rejects with ApiError on a refusal. */
  async send<T = unknown>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return (await this.sendAt<T>(method, path, body)).answer;
  }

  /** As send, and also the log position the write was committed at (the answer's X-Log-Seq). */
  sendAt<T = unknown>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ answer: T; seq: number }> {
    const entry: OutboxEntry = { opId: newOpId(), method, path, body };
    this.outbox.push(entry);
    this.saveOutbox();
    const answer = new Promise<{ answer: T; seq: number }>((resolve, reject) =>
      this.waiting.set(entry.opId, { resolve: resolve as (v: { answer: unknown; seq: number }) => void, reject }),
    );
    void this.flush();
    return answer;
  }

  /**
   * Shows a part as this page's own write left it, at once, without waiting for the
   * stream's echo; the stream's copy replaces it once a frame at or past `seq` brings it.
   */
  applyLocal(part: string, value: unknown, seq: number): void {
    this.parts = { ...this.parts, [part]: value };
    this.localSeq.set(part, seq);
    this.emit();
  }

  /** Writes not yet answered by the server whose path starts with `prefix` (shown as "sending"). */
  pendingWrites(method: string, prefix: string): { path: string; body: unknown }[] {
    return this.outbox.filter((e) => e.method === method && e.path.startsWith(prefix)).map(({ path, body }) => ({ path, body }));
  }

  /** Reads a JSON resource with this session's key. */
  async get<T>(path: string): Promise<T> {
    const res = await fetch(`/api/sessions/${this.options.code}${path}`, { headers: { authorization: `Bearer ${this.options.key}` } });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw toApiError(res.status, body);
    return body as T;
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.outbox.length > 0) {
        const entry = this.outbox[0];
        let res: Response;
        try {
          res = await fetch(`/api/sessions/${this.options.code}${entry.path}`, {
            method: entry.method,
            headers: {
              authorization: `Bearer ${this.options.key}`,
              'idempotency-key': entry.opId,
              ...(entry.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: entry.body === undefined ? undefined : JSON.stringify(entry.body),
          });
        } catch {
          // Offline: the entry stays queued. A reconnect, the browser's `online` event or
          // this timer sends it again.
          this.writeFailed = true;
          setTimeout(() => void this.flush(), 3000);
          return;
        }
        this.writeFailed = false;
        if (res.status >= 500 || res.status === 429) {
          const wait = Number(res.headers.get('retry-after') ?? 2) * 1000;
          setTimeout(() => void this.flush(), wait);
          return;
        }
        const body = await res.json().catch(() => null);
        this.outbox.shift();
        this.saveOutbox();
        const waiter = this.waiting.get(entry.opId);
        this.waiting.delete(entry.opId);
        if (res.ok) waiter?.resolve({ answer: body, seq: Number(res.headers.get('x-log-seq') ?? 0) });
        else {
          const error = toApiError(res.status, body);
          if (res.status === 401) this.options.onRejected?.(error);
          waiter?.reject(error);
        }
      }
    } finally {
      this.flushing = false;
      this.emit();
    }
  }

  private async openStream(): Promise<void> {
    if (this.stopped) return;
    this.abort = new AbortController();
    try {
      const held = Object.entries(this.tags)
        .filter(([key]) => key in this.parts)
        .map(([key, tag]) => `${key}=${tag}`)
        .join(';');
      const res = await fetch(`/api/sessions/${this.options.code}/stream`, {
        headers: { authorization: `Bearer ${this.options.key}`, accept: 'text/event-stream', ...(held ? { 'x-part-tags': held } : {}) },
        signal: this.abort.signal,
        cache: 'no-store',
      });
      if (res.status === 401 || res.status === 404 || res.status === 403) {
        const error = toApiError(res.status, await res.json().catch(() => null));
        this.setConnected(false);
        this.options.onRejected?.(error);
        return;
      }
      if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
      await this.readStream(res.body);
    } catch {
      // dropped: fall through to reconnect
    }
    this.setConnected(false);
    if (this.stopped) return;
    const wait = this.retryMs * (0.75 + Math.random() / 2);
    // Capped low: after a server restart every screen should be current again within seconds.
    this.retryMs = Math.min(this.retryMs * 2, 3000);
    setTimeout(() => void this.openStream(), wait);
  }

  private async readStream(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        this.onFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  private onFrame(frame: string): void {
    let kind = 'message';
    let data = '';
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) kind = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!data || (kind !== 'view' && kind !== 'patch')) return;
    const message = JSON.parse(data) as { v: number; seq: number; parts: Parts; tags?: Record<string, string>; kept?: string[] };
    if (message.v !== PROTOCOL_VERSION) {
      location.reload(); // the server was upgraded: load the matching page
      return;
    }
    // A part this page set from a later write's answer stays until the stream catches up.
    for (const [part, seq] of this.localSeq) {
      if (message.seq >= seq) this.localSeq.delete(part);
      else if (part in message.parts) message.parts[part] = this.parts[part];
    }
    if (kind === 'view') {
      // A full view, except the shared parts the server saw we still hold unchanged.
      const kept = Object.fromEntries((message.kept ?? []).filter((key) => key in this.parts).map((key) => [key, this.parts[key]]));
      this.parts = { ...kept, ...message.parts };
      this.tags = { ...message.tags };
    } else {
      this.parts = { ...this.parts, ...message.parts };
      Object.assign(this.tags, message.tags);
    }
    this.seq = message.seq;
    if (kind === 'view') {
      this.retryMs = 500;
      this.setConnected(true);
      void this.flush();
    }
    this.emit();
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.emit();
  }

  private saveOutbox(): void {
    this.pending = this.outbox.length;
    try {
      localStorage.setItem(this.outboxKey, JSON.stringify(this.outbox));
    } catch {
      // private browsing with no storage: the outbox still lives in memory
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return new ApiError(status, error?.code ?? 'error', error?.message ?? `The server answered ${status}.`);
}

function newOpId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function readJson<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}
