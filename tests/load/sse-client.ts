import http from 'node:http';

const FRAME_END = Buffer.from('\n\n');

/**
 * One client's live stream, as the browser's EventSource would hold it: reconnects by
 * itself after the server goes away (with a little random delay, so 2,000 phones do not
 * knock at the same millisecond), and counts what it receives.
 */
export interface Frame {
  kind: string;
  seq: number;
  data: string;
}

export interface StreamOptions {
  port: number;
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

  /** Tags of the shared parts held, sent on reconnect as the browser client does (X-Part-Tags). */
  private readonly tags = new Map<string, string>();

  private connect(): void {
    if (this.stopped) return;
    const { port, code, key } = this.options;
    const held = [...this.tags].map(([part, tag]) => `${part}=${tag}`).join(';');
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'text/event-stream' };
    if (held) headers['x-part-tags'] = held;
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
        this.pending = [];
        this.endsWithNewline = false;
        if (this.paused) res.pause();
        res.on('data', (chunk: Buffer) => this.onData(chunk));
        res.on('error', () => {});
        res.on('close', () => {
          this.res = null;
          this.ends++;
          this.retry();
        });
      },
    );
    req.on('error', () => this.retry());
    this.req = req;
  }

  private retryTimer: NodeJS.Timeout | null = null;
  private retry(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, 100 + Math.random() * 400);
  }

  /**
   * Frames are found in the raw bytes ("\n\n" ends one) and only a frame's head is
   * decoded, unless the caller wants the data: a phone's full view can be hundreds of
   * kilobytes, and 2,000 of them must not cost the load generator more than the server.
   */
  private pending: Buffer[] = [];
  private endsWithNewline = false;

  private onData(chunk: Buffer): void {
    let start = 0;
    if (this.endsWithNewline && chunk.length > 0 && chunk[0] === 10) {
      const frame = Buffer.concat(this.pending);
      this.pending = [];
      this.onFrame(frame.subarray(0, frame.length - 1));
      start = 1;
    }
    for (;;) {
      const end = chunk.indexOf(FRAME_END, start);
      if (end < 0) break;
      const piece = chunk.subarray(start, end);
      const frame = this.pending.length === 0 ? piece : Buffer.concat([...this.pending, piece]);
      this.pending = [];
      this.onFrame(frame);
      start = end + 2;
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
    this.endsWithNewline = this.pending.length > 0 && chunk[chunk.length - 1] === 10;
  }

  private onFrame(frame: Buffer): void {
    if (frame.length === 0 || frame[0] === 58 /* ":" a comment, the ping */) return;
    const now = Date.now();
    const head = frame.toString('latin1', 0, Math.min(frame.length, 600));
    const seq = Number(/^id: (\d+)/m.exec(head)?.[1] ?? -1);
    const kind = /^event: (\w+)/m.exec(head)?.[1] ?? 'message';
    this.frames++;
    if (seq >= 0) this.seq = seq;
    // Tags sit before the parts, so the head holds them; a view's tags replace the set.
    const tags = /"tags":(\{[^}]*\})/.exec(head)?.[1];
    if (kind === 'view') this.tags.clear();
    if (tags) for (const [part, tag] of Object.entries(JSON.parse(tags) as Record<string, string>)) this.tags.set(part, tag);
    if (kind === 'view') {
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
    if (this.options.onFrame) {
      const dataAt = frame.indexOf('\ndata: ');
      this.options.onFrame({ kind, seq, data: dataAt < 0 ? '' : frame.toString('utf8', dataAt + 7) }, now);
    }
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
function phoneAddress(): string {
  return `127.0.0.${2 + Math.floor(Math.random() * 250)}`;
}
