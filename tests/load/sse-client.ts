import http from 'node:http';
import { PART_TAGS_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../server/contract/wire.js';
import { FIRST_RETRY_MS, nextWait } from '../../web/shared/live/reconnect.js';
import { decodeHead, eventStreamParser, type SseEvent } from '../../web/shared/live/stream-reader.js';

/**
 * One client's live stream, as the browser's live session holds it: reconnects by itself
 * after the server goes away, waiting as the browser does (about half a second, doubling
 * per failed attempt up to 3 s, each wait spread by a quarter either way, so 2,000 phones
 * do not knock at the same millisecond), and counts what it receives.
 */
export interface Frame {
  kind: string;
  seq: number;
  data: string;
}

export interface StreamOptions {
  port: number;
  /**
   * Several instances' ports, this stream's own first: when one cannot be reached at all
   * (its process is gone), the stream moves to the next, as a proxy with health checks
   * would send it elsewhere. Without it, only `port`.
   */
  ports?: number[];
  code: string;
  key: string;
  /** Called for every event frame (not for pings); only the presenter needs the data. */
  onFrame?: (frame: Frame, at: number) => void;
}

export class LiveStream {
  /** The last sequence number received, from the frame's id line. */
  seq = -1;
  views = 0;
  frames = 0;
  connects = 0;
  /** Times the server ended the stream (dropped it, or went away). */
  ends = 0;
  lastViewAt = 0;
  /** Bytes read off the wire by connections that have ended (headers and chunk framing included). */
  private endedBytes = 0;
  private socket: import('node:net').Socket | null = null;
  /** When each full view arrived (one per connection). */
  readonly viewTimes: number[] = [];
  /** The most frames received within one clock second. */
  maxPerSecond = 0;
  private second = 0;
  private inSecond = 0;
  private req: http.ClientRequest | null = null;
  private res: http.IncomingMessage | null = null;
  private stopped = false;
  private paused = false;
  private connectedResolve: (() => void) | null = null;
  /** Counting per second starts when the bench says so (after the room has joined). */
  countRates = false;

  constructor(private readonly options: StreamOptions) {}

  /** Connects; resolves when the first full view has arrived. */
  open(): Promise<void> {
    return new Promise((resolve) => {
      this.connectedResolve = resolve;
      this.connect();
    });
  }

  private readonly seqWaiters: { seq: number; resolve: (reached: boolean) => void }[] = [];

  /** Resolves true once a frame at or past `seq` has arrived, false after `timeoutMs`. */
  reached(seq: number, timeoutMs: number): Promise<boolean> {
    if (this.seq >= seq) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { seq, resolve };
      this.seqWaiters.push(waiter);
      setTimeout(() => {
        const i = this.seqWaiters.indexOf(waiter);
        if (i >= 0) this.seqWaiters.splice(i, 1);
        resolve(false);
      }, timeoutMs).unref();
    });
  }

  /** When the first full view after `time` arrived, or 0. */
  firstViewAfter(time: number): number {
    return this.viewTimes.find((t) => t > time) ?? 0;
  }

  /** Stops reading: the socket's buffers fill and the server sees a client that fell behind. */
  pause(): void {
    this.paused = true;
    this.res?.pause();
  }

  resume(): void {
    this.paused = false;
    this.res?.resume();
  }

  close(): void {
    this.stopped = true;
    this.req?.destroy();
  }

  /** Bytes this client has read off the wire, over every connection (HTTP headers and framing included). */
  get wireBytes(): number {
    return this.endedBytes + (this.socket?.bytesRead ?? 0);
  }

  /** Tags of the shared parts held, sent on reconnect as the browser client does (X-Part-Tags). */
  private readonly tags = new Map<string, string>();

  /** Which of `ports` the stream uses now. */
  private portIndex = 0;

  private connect(): void {
    if (this.stopped) return;
    const { code, key } = this.options;
    const port = this.options.ports?.[this.portIndex] ?? this.options.port;
    const held = [...this.tags].map(([part, tag]) => `${part}=${tag}`).join(';');
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'text/event-stream', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
    if (held) headers[PART_TAGS_HEADER] = held;
    const req = http.get(
      { host: '127.0.0.1', port, path: `/api/sessions/${code}/stream`, headers, agent: false, localAddress: phoneAddress() },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          res.on('end', () => this.retry());
          return;
        }
        this.connects++;
        this.res = res;
        const socket = res.socket;
        this.socket = socket;
        // The browser's own reader (web/shared/live/stream-reader.ts), fresh for each connection.
        const decoder = new TextDecoder();
        const parser = eventStreamParser({ onEvent: (event) => this.onEvent(event) });
        if (this.paused) res.pause();
        res.on('data', (chunk: Buffer) => {
          parser.feed(decoder.decode(chunk, { stream: true }));
        });
        res.on('error', () => {});
        res.on('close', () => {
          this.res = null;
          this.endedBytes += socket.bytesRead;
          this.socket = null;
          this.ends++;
          this.retry();
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Refused: nothing listens there any more; the next instance takes the stream.
      if (error.code === 'ECONNREFUSED' && this.options.ports) this.portIndex = (this.portIndex + 1) % this.options.ports.length;
      this.retry();
    });
    this.req = req;
  }

  private retryTimer: NodeJS.Timeout | null = null;
  /** The browser's reconnect schedule (web/shared/live/reconnect.ts): the wait doubles per failed attempt, with jitter, and starts over after a full view. */
  private retryBaseMs = FIRST_RETRY_MS;
  private retry(): void {
    if (this.stopped || this.retryTimer) return;
    const { waitMs, nextBaseMs } = nextWait(this.retryBaseMs, Math.random());
    this.retryBaseMs = nextBaseMs;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, waitMs);
  }

  private onEvent(event: SseEvent): void {
    const now = Date.now();
    const seq = Number(event.id ?? -1);
    const kind = event.event;
    this.frames++;
    if (seq >= 0) this.seq = seq;
    if (this.seqWaiters.length > 0) {
      for (const waiter of this.seqWaiters.filter((w) => w.seq <= this.seq)) {
        this.seqWaiters.splice(this.seqWaiters.indexOf(waiter), 1);
        waiter.resolve(true);
      }
    }
    // Tags sit before the parts, so the message's head holds them (a phone's view may be a
    // wall of 6,000 cards: its parts are not parsed here). A view's tags replace the set.
    const { tags } = decodeHead<Record<string, unknown>>(event.data);
    if (kind === 'view') this.tags.clear();
    if (tags) for (const [part, tag] of Object.entries(tags)) if (tag !== undefined) this.tags.set(part, tag);
    if (kind === 'view') {
      this.retryBaseMs = FIRST_RETRY_MS;
      this.views++;
      this.lastViewAt = now;
      this.viewTimes.push(now);
    }
    if (this.countRates) {
      const second = Math.floor(now / 1000);
      if (second !== this.second) {
        this.second = second;
        this.inSecond = 0;
      }
      this.inSecond++;
      if (this.inSecond > this.maxPerSecond) this.maxPerSecond = this.inSecond;
    }
    this.options.onFrame?.({ kind, seq, data: event.data }, now);
    if (kind === 'view' && this.connectedResolve) {
      this.connectedResolve();
      this.connectedResolve = null;
    }
  }

}

/**
 * A source address for one connection, spread over 127.0.0.2–127.0.0.251, as a room's
 * phones each have their own address. From a single address, a reconnecting stream's new
 * port often matched a connection of the killed server still in TIME_WAIT, and the kernel
 * then held that connect for a SYN retry (1 s, then 3 s): a loopback artefact that has
 * nothing to do with the server.
 */
export function phoneAddress(): string {
  return `127.0.0.${2 + Math.floor(Math.random() * 250)}`;
}
