import net from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { Reply } from './http-client.js';

/**
 * The phones' HTTP/1.1 client in the load harness: keep-alive sockets written and read
 * by hand. The harness shares the machine with the server it measures, so its own cost
 * counts against the server: node's http client (a ClientRequest, an agent queue, a
 * response stream and their events per request) took the harness about as much CPU in a
 * 10,000-phone burst as half the server's, and a busy harness stamps answers late. This
 * writes each request in one write and reads each answer off the socket's bytes (status,
 * the few headers the harness reads, a body by Content-Length or chunked), and nothing
 * else; what reaches the server is the same request a phone's browser sends.
 *
 * A request that cannot be sent or answered rejects with the socket's error (its `code`:
 * ECONNREFUSED when the server is gone, ECONNRESET when it went away mid-answer), as
 * node's client does, so retries and moving to another instance work as before.
 */
export class RawHttpClient {
  private readonly idle: Connection[] = [];
  private readonly open = new Set<Connection>();
  private readonly waiting: Pending[] = [];

  /** `localAddress` (127.0.x.y): the connections come from there, as one phone's own would. */
  constructor(
    public port: number,
    private readonly maxSockets = 128,
    private readonly localAddress?: string,
  ) {}

  send(method: string, path: string, init: { body?: unknown; key?: string; op?: string; gzip?: boolean } = {}): Promise<Reply> {
    const payload = init.body === undefined ? '' : JSON.stringify(init.body);
    let head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nConnection: keep-alive\r\n`;
    if (init.body !== undefined) head += `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n`;
    if (init.key) head += `Authorization: Bearer ${init.key}\r\n`;
    if (init.op) head += `Idempotency-Key: ${init.op}\r\n`;
    // As a phone's browser does: it names gzip and gets the page compressed when the server does that.
    if (init.gzip) head += 'Accept-Encoding: gzip, deflate, br\r\n';
    return new Promise((resolve, reject) => {
      const pending: Pending = { request: `${head}\r\n${payload}`, head: method === 'HEAD', sentAt: Date.now(), resolve, reject };
      let connection = this.idle.pop();
      // One the server closed while it waited (its keep-alive timeout) is dropped here.
      while (connection?.socket.destroyed) connection = this.idle.pop();
      if (connection) connection.start(pending);
      else if (this.open.size < this.maxSockets) this.connect(pending);
      else this.waiting.push(pending);
    });
  }

  /**
   * Opens `count` keep-alive connections before they are needed, as a room's phones have
   * theirs open from the cards they wrote: each carries one request (a connection that
   * never sends one is closed by the server once its headers timeout passes); those the
   * server refuses (its cap on connections arriving at once from one address) are opened
   * by the next wave.
   */
  async warm(count: number): Promise<number> {
    for (let wave = 0; wave < 20 && this.open.size < count; wave++) {
      await Promise.allSettled(Array.from({ length: count }, () => this.send('GET', '/healthz')));
      // Refused connections close a moment after their answer or error: count after that.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this.open.size;
  }

  close(): void {
    for (const connection of this.open) connection.socket.destroy();
    for (const pending of this.waiting.splice(0)) pending.reject(Object.assign(new Error('client closed'), { code: 'ECONNRESET' }));
  }

  private connect(first: Pending): void {
    this.newConnection().start(first);
  }

  private newConnection(): Connection {
    const connection = new Connection(this.port, this.localAddress, (done) => this.release(done), () => {
      this.open.delete(connection);
      // Requests waiting for a connection get a new one when one goes (the server went away, say).
      const next = this.waiting.shift();
      if (next) this.connect(next);
    });
    this.open.add(connection);
    return connection;
  }

  /** A connection whose answer is read: it takes the next waiting request, or waits. */
  private release(connection: Connection): void {
    if (connection.socket.destroyed) return;
    const next = this.waiting.shift();
    if (next) connection.start(next);
    else this.idle.push(connection);
  }
}

interface Pending {
  request: string;
  /** A HEAD's answer has no body, whatever its headers say. */
  head: boolean;
  /** When it was asked to be sent (a wait for a free connection included, as node's agent counts it). */
  sentAt: number;
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

const HEADERS_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/** One keep-alive connection: one request at a time, its answer read off the bytes. */
class Connection {
  readonly socket: net.Socket;
  private current: Pending | null = null;
  private buffer: Buffer = Buffer.alloc(0);

  constructor(
    port: number,
    localAddress: string | undefined,
    private readonly onAnswered: (connection: Connection) => void,
    private readonly onClosed: () => void,
  ) {
    this.socket = net.connect({ host: '127.0.0.1', port, localAddress });
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('timeout', () => this.socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => {
      this.onClosed();
      this.fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    });
  }

  start(pending: Pending): void {
    this.current = pending;
    this.socket.setTimeout(30_000);
    this.socket.write(pending.request);
  }

  private fail(error: Error): void {
    const pending = this.current;
    this.current = null;
    this.socket.destroy();
    pending?.reject(error);
  }

  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const pending = this.current;
    if (!pending) return;
    const end = this.buffer.indexOf(HEADERS_END);
    if (end < 0) return;
    const headText = this.buffer.toString('latin1', 0, end);
    const lines = headText.split('\r\n');
    const status = Number(lines[0].split(' ')[1]);
    const headers = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(':');
      if (colon > 0) headers.set(lines[i].slice(0, colon).trim().toLowerCase(), lines[i].slice(colon + 1).trim());
    }
    const bodyStart = end + 4;
    let body: Buffer;
    let consumed: number;
    if (pending.head || status === 204 || status === 304) {
      body = Buffer.alloc(0);
      consumed = bodyStart;
    } else if (headers.get('transfer-encoding')?.toLowerCase().includes('chunked')) {
      const chunked = readChunked(this.buffer, bodyStart);
      if (!chunked) return;
      ({ body, consumed } = chunked);
    } else if (headers.has('content-length')) {
      const length = Number(headers.get('content-length'));
      if (this.buffer.length < bodyStart + length) return;
      body = this.buffer.subarray(bodyStart, bodyStart + length);
      consumed = bodyStart + length;
    } else {
      // No length: the body runs to the end of the connection (not sent by this server).
      return;
    }
    const wireBytes = consumed;
    this.buffer = this.buffer.subarray(consumed);
    this.current = null;
    this.socket.setTimeout(0);
    const text = (headers.get('content-encoding') === 'gzip' ? gunzipSync(body) : body).toString('utf8');
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: keep the text for the error report
    }
    const seq = headers.get('x-log-seq');
    pending.resolve({
      status,
      json,
      seq: seq === undefined ? -1 : Number(seq),
      retryAfter: Number(headers.get('retry-after') ?? 0),
      wireBytes,
      sentAt: pending.sentAt,
    });
    if (headers.get('connection')?.toLowerCase() === 'close') this.socket.end();
    else this.onAnswered(this);
  }
}

/** A chunked body from `start`, or null until all of it has arrived. */
function readChunked(buffer: Buffer, start: number): { body: Buffer; consumed: number } | null {
  const pieces: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = buffer.indexOf(CRLF, at);
    if (lineEnd < 0) return null;
    const size = parseInt(buffer.toString('latin1', at, lineEnd), 16);
    if (Number.isNaN(size)) throw new Error('bad chunk size');
    const dataStart = lineEnd + 2;
    if (size === 0) {
      // The last chunk, then (no trailers from this server) the empty line.
      if (buffer.length < dataStart + 2) return null;
      return { body: Buffer.concat(pieces), consumed: dataStart + 2 };
    }
    if (buffer.length < dataStart + size + 2) return null;
    pieces.push(buffer.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}
