import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy that can stop passing bytes without closing anything, as a weak access point
 * does: connections stay open, requests and answers simply stop arriving. While stalled,
 * every connection (open ones and new ones) is silent; what was sent waits, as TCP keeps
 * retransmitting it, and is delivered when the proxy resumes. A page that gave up on a
 * connection meanwhile has closed it, and the proxy closes its other end.
 */
interface Pair {
  client: Socket;
  upstream: Socket;
  /** Bytes (or, as null, the end) that arrived while stalled, and where they go. */
  held: [Socket, Buffer | null][];
}

export class StallingProxy {
  private server: Server | null = null;
  private stalled = false;
  private readonly pairs = new Set<Pair>();
  port = 0;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      const pair: Pair = { client, upstream, held: [] };
      this.pairs.add(pair);
      const pass = (to: Socket) => (chunk: Buffer) => {
        if (this.stalled) pair.held.push([to, chunk]);
        else to.write(chunk);
      };
      client.on('data', pass(upstream));
      upstream.on('data', pass(client));
      const end = () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      // A page that gives up on a connection closes it; the server closing one is passed on
      // once the link is back.
      client.on('close', end);
      client.on('error', end);
      upstream.on('close', () => (this.stalled ? pair.held.push([client, null]) : end()));
      upstream.on('error', end);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops passing bytes on every connection, without closing any. */
  stall(): void {
    this.stalled = true;
  }

  /** Passes bytes again, first those that waited. */
  resume(): void {
    this.stalled = false;
    for (const pair of this.pairs) {
      for (const [to, chunk] of pair.held.splice(0)) {
        if (chunk) to.write(chunk);
        else to.end();
      }
    }
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
