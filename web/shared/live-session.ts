import { INCOMPATIBLE_CLIENT, PART_TAGS_HEADER, PING_INTERVAL_MS, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../server/contract/wire.js';
import { ApiError, apiClient, apiError, type SessionApi } from './live/api-client.js';
import { onCompatible, onIncompatible, tabStorage } from './live/handshake.js';
import { Outbox, localOutboxStore } from './live/outbox.js';
import { ReconnectLoop, type Outcome } from './live/reconnect.js';
import { SilenceWatchdog } from './live/silence-watchdog.js';
import { decodeMessage, readEventStream, type SseEvent } from './live/stream-reader.js';
import { ViewStore } from './live/view-store.js';

export { ApiError };

/**
 * The browser's side of a session, put together from its pieces in ./live: the stream
 * (stream-reader) read into the parts of the page's view (view-store), opened again after
 * any drop (reconnect), and every write through the outbox, which is also the `fetch` of
 * the typed client `api`. The key travels in a header, never in a URL.
 *
 * `P` is the part map of the page's role (server/contract/parts.ts): StaffParts for the
 * deck and the notes view, PhoneParts for a phone.
 */
export interface LiveSessionOptions {
  code: string;
  key: string;
  /** Called when the server no longer accepts the key (session deleted, wrong key). */
  onRejected?: (error: ApiError) => void;
  /** Keep the last view in localStorage under this key, so a reload without a network still shows it. */
  keepViewAs?: string;
  /** The reader's language, for the deck's texts on the stream (sent as Accept-Language). */
  lang?: () => string;
}

export class LiveSession<P extends object> {
  readonly code: string;
  /** Typed requests to this session's routes (`/api/sessions/:code/…`), sent with its key through its outbox. */
  readonly api: SessionApi;
  connected = false;
  /** The server speaks another protocol version, and reloading once did not help. */
  incompatible = false;
  private readonly store = new ViewStore<P>();
  private readonly outbox: Outbox;
  private readonly loop: ReconnectLoop;
  private readonly listeners = new Set<() => void>();
  private keepTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the stream last gave a sign of life (performance.now()). */
  private lastHeard = 0;
  /** Ends the stream open now, so the loop opens another (a silent connection is a dead one). */
  private dropStream: (() => void) | null = null;

  constructor(private readonly options: LiveSessionOptions) {
    this.code = options.code;
    const transport = (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${options.key}`);
      return fetch(url, { ...init, headers });
    };
    this.outbox = new Outbox({
      store: localOutboxStore(`pd-outbox:${options.code}:${options.key.split('.')[0]}`, `/api/sessions/${options.code}`),
      transport,
      onChange: () => this.emit(),
      onUnauthorized: (answer) => void apiError(answer).then((error) => this.options.onRejected?.(error)),
      // A write that got no answer while the stream has been quiet too: the path is likely
      // stalled both ways, so the stream is opened again now rather than after the watchdog.
      onUnanswered: () => {
        if (performance.now() - this.lastHeard > SUSPECT_AFTER_MS) this.dropStream?.();
      },
    });
    this.api = apiClient(this.outbox.fetch).api.sessions[':code'];
    this.loop = new ReconnectLoop({ connect: (signal) => this.openStream(signal), onDown: () => this.setConnected(false) });
    addEventListener('online', () => {
      this.emit();
      void this.outbox.flush();
    });
    // The phone says "Offline" as soon as the browser knows it is (a write then fails at once).
    addEventListener('offline', () => this.emit());
    if (options.keepViewAs) {
      const kept = readJson<ReturnType<ViewStore<P>['snapshot']>>(options.keepViewAs);
      if (kept?.parts) this.store.restore(kept);
      // A reload right after a change (within KEEP_VIEW_AFTER_MS) must not lose it.
      addEventListener('pagehide', () => this.saveView());
    }
  }

  /** The view as last received, kept for a reload (a moment after it changes, not on every patch). */
  private keepView(): void {
    if (!this.options.keepViewAs || this.keepTimer !== null) return;
    this.keepTimer = setTimeout(() => this.saveView(), KEEP_VIEW_AFTER_MS);
  }

  /** Writes the kept view now (the page is going away, or its first view just arrived). */
  private saveView(): void {
    const key = this.options.keepViewAs;
    if (this.keepTimer !== null) clearTimeout(this.keepTimer);
    this.keepTimer = null;
    if (!key || this.store.seq === 0) return;
    try {
      localStorage.setItem(key, JSON.stringify(this.store.snapshot()));
    } catch {
      // no room or no storage: a reload without a network then shows less
    }
  }

  /** Starts from a whole view given by another answer (a join's), before the stream opens. */
  seed(view: { seq: number; parts: Partial<P>; tags: Record<string, string> }): void {
    this.store.restore(view as Parameters<ViewStore<P>['restore']>[0], { replace: true });
    this.saveView();
    this.emit();
  }

  /** Forgets the kept view (the person left the session). */
  forgetView(): void {
    if (this.options.keepViewAs) localStorage.removeItem(this.options.keepViewAs);
  }

  get parts(): Partial<P> {
    return this.store.parts;
  }

  /** The log position the parts show. */
  get seq(): number {
    return this.store.seq;
  }

  part<K extends keyof P>(name: K): P[K] | undefined {
    return this.store.part(name);
  }

  /** The last write could not reach the server (it stays queued and is retried). */
  get writeFailed(): boolean {
    return this.outbox.writeFailed;
  }

  /** Writes waiting for an answer from the server. */
  get pending(): number {
    return this.outbox.pending;
  }

  /** True when the stream is live and writes are getting through. */
  get online(): boolean {
    return this.connected && !this.outbox.writeFailed;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  /**
   * Shows a part as this page's own write left it, at once, without waiting for the
   * stream's echo; the stream's copy replaces it once a frame at or past `seq` brings it.
   */
  applyLocal<K extends keyof P>(part: K, value: P[K], seq: number): void {
    this.store.applyLocal(part, value, seq);
    this.emit();
  }

  /** Opens the stream again at once (the reader chose another language: the deck's texts come in it). */
  reopen(): void {
    this.dropStream?.();
  }

  /** Writes of this method to a path ending with `suffix` not yet answered (shown as "sending"). */
  pendingWrites(method: string, suffix: string): { url: string; body: unknown }[] {
    return this.outbox.pendingWrites(method, suffix);
  }

  /**
   * One connection of the stream. A watchdog ends it when nothing (not even the server's
   * ping) has arrived for two ping intervals: a connection that stopped passing bytes
   * without closing looks exactly like a quiet one otherwise. The page then says it is
   * reconnecting, and the loop opens a new connection.
   */
  private async openStream(signal: AbortSignal): Promise<Outcome> {
    const connection = new AbortController();
    const drop = () => {
      this.setConnected(false);
      connection.abort();
    };
    const onLoopAbort = () => connection.abort();
    signal.addEventListener('abort', onLoopAbort, { once: true });
    this.dropStream = drop;
    this.lastHeard = performance.now();
    // An answer must begin within CONNECT_LIMIT_MS; after that, silence may last SILENT_LIMIT_MS.
    const watchdog = new SilenceWatchdog({ limitMs: CONNECT_LIMIT_MS, onSilent: drop });
    const heard = () => {
      this.lastHeard = performance.now();
      watchdog.heard(SILENT_LIMIT_MS);
    };
    try {
      const held = this.store.heldTags();
      const res = await this.api.stream.$get(
        { param: { code: this.code } },
        {
          headers: {
            accept: 'text/event-stream',
            [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
            ...(held ? { [PART_TAGS_HEADER]: held } : {}),
            ...(this.options.lang ? { 'accept-language': this.options.lang() } : {}),
          },
          init: { signal: connection.signal, cache: 'no-store' },
        },
      );
      heard();
      if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 409) {
        const error = await apiError(res);
        if (error.code === INCOMPATIBLE_CLIENT) this.serverSpeaksAnotherVersion();
        else this.options.onRejected?.(error);
        return 'stop';
      }
      if (!res.ok || !res.body) return 'again';
      await readEventStream(res.body, { onEvent: (event) => this.onEvent(event), onBytes: heard }, connection.signal);
      return 'again';
    } finally {
      watchdog.stop();
      signal.removeEventListener('abort', onLoopAbort);
      if (this.dropStream === drop) this.dropStream = null;
    }
  }

  private onEvent(event: SseEvent): void {
    const message = decodeMessage<P>(event);
    if (!message) return;
    if (message.data.v !== PROTOCOL_VERSION) {
      this.serverSpeaksAnotherVersion();
      return;
    }
    this.store.apply(message);
    if (message.event === 'view') this.saveView();
    else this.keepView();
    if (message.event === 'view') {
      onCompatible(tabStorage());
      this.loop.healthy();
      this.setConnected(true);
      void this.outbox.flush();
    }
    this.emit();
  }

  private serverSpeaksAnotherVersion(): void {
    this.stop();
    if (onIncompatible(tabStorage(), () => location.reload()) === 'still-incompatible') {
      this.incompatible = true;
      this.emit();
    }
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** How long after a change the view is written to storage (a burst of patches writes it once). */
const KEEP_VIEW_AFTER_MS = 1000;
/** A stream silent for two of the server's ping intervals is a dead one. */
export const SILENT_LIMIT_MS = 2 * PING_INTERVAL_MS;
/**
 * A connection whose answer has not begun in this long is given up and tried again (a
 * stalled access point swallows the request). Generous, because after a server restart a
 * room of phones waits a few seconds in its accept queue.
 */
export const CONNECT_LIMIT_MS = 8000;
/** A write left unanswered while the stream has been silent this long reopens the stream. */
const SUSPECT_AFTER_MS = 5000;

/** A JSON value this page kept in localStorage, or null. */
export function readJson<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}
