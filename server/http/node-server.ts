import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SECURITY_HEADERS } from './security-headers.js';

/**
 * How long a request may take to arrive, and how many may be arriving at once from one
 * address. Every request body here is JSON of at most 16 KB, sent in one go by a phone, so
 * a request that is still arriving after seconds is a client that stalled or an attempt to
 * tie the server up (sending headers, then a byte now and then).
 *
 * One address is often a whole room: a school's Wi-Fi puts its phones behind one NAT
 * address, and a proxy in front of the server puts everyone behind its own. The caps are
 * set so that a room of 2,000 phones from one address is never cut off: each phone holds
 * its live stream and one or two connections for its writes (4,000 to 6,000 connections),
 * and when the room reconnects at once (the Wi-Fi came back, the server restarted, the
 * slide moved to a wall and every phone reads its page) up to one connection per phone has
 * not yet sent its request: a connection counts as arriving from its accept to its request
 * line, which under load is a turn of the event loop later, however quick the phone was.
 * What stops one misbehaving participant is the per-participant limit on writes
 * (participant-limit.ts); these caps stop one client from piling up sockets without end,
 * and each half-sent request lives at most the headers or request timeout. With 32 arriving
 * and 256 open, the load harness's write pools (128 connections from each address) were
 * answered 429 in a three-instance run, as a room behind one NAT would have been.
 * ADDRESS_MAX_CONNECTIONS sets the open connections (and a quarter of them arriving) for a
 * proxy in front of more than one room.
 */
export interface NodeServerLimits {
  /** The headers must have arrived within this long after the request began (node answers 408). */
  headersTimeoutMs: number;
  /** The whole request, body included, within this long (node answers 408 and closes). */
  requestTimeoutMs: number;
  /** How often node looks for requests past those times. */
  timeoutCheckMs: number;
  /**
   * Requests from one address still arriving at once: connections whose request headers
   * have not arrived yet, and requests whose body is still arriving. A phone has a few at
   * most (browsers open at most six connections to a server).
   */
  maxArrivingPerAddress: number;
  /** Open connections from one address, idle or not (a backstop against piling up sockets). */
  maxConnectionsPerAddress: number;
  /**
   * How long an idle keep-alive connection is kept. Longer than node's 5 s so that a phone
   * told to come back later (503 with Retry-After, its wait doubled after each refusal)
   * finds its connection still open: in an overload run with 5 s, thousands of refused
   * phones came back on new connections at once, the listen queue overflowed, and the
   * kernel's dropped connections cost their phones 1 to 31 s of SYN retries (p99 55 s),
   * a wait the server never saw and so could not refuse. Likewise a phone's next tap in a
   * walk, or its first after a slide change, reuses its connection instead of the whole
   * room opening new ones at the same moment. An idle connection costs a few kilobytes.
   */
  keepAliveTimeoutMs: number;
}

export const NODE_SERVER_LIMITS: NodeServerLimits = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  timeoutCheckMs: 1_000,
  maxArrivingPerAddress: 2_048,
  maxConnectionsPerAddress: 8_192,
  keepAliveTimeoutMs: 30_000,
};

type Fetch = Parameters<typeof getRequestListener>[0];

/**
 * Node's HTTP server for the app, with the limits above. A connection beyond an address's
 * caps is closed at once; a request whose body would be one too many arriving is answered
 * 429 and its connection closed. Refusals are logged at most once a minute per address.
 */
export function createNodeServer(
  fetch: Fetch,
  options: {
    hostname?: string;
    limits?: Partial<NodeServerLimits>;
    /**
     * Addresses the per-address caps do not apply to: with several instances, the other
     * instances, each of which forwards the requests and live streams of many phones.
     */
    uncapped?: (address: string) => boolean;
  } = {},
): Server {
  const limits = { ...NODE_SERVER_LIMITS, ...options.limits };
  const listener = getRequestListener(fetch, { hostname: options.hostname });
  const guard = new ArrivingRequests(limits, options.uncapped);
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckMs,
    },
    (req, res) => {
      if (guard.admitRequest(req, res)) void listener(req, res);
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('connection', (socket: Socket) => guard.admitConnection(socket));
  return server;
}

/**
 * A request whose body is still arriving, counted against its address until it has (or its
 * connection closed). A bound method, not a closure: the server runs through tsx, which
 * wraps every named function made at run time to keep its name, and a closure per request
 * that wrapping was 0.5 % of a district walk's time.
 */
class Arrival {
  private readonly ended: () => void;

  constructor(
    private readonly req: IncomingMessage,
    private readonly socket: Socket,
    private readonly count: AddressCount,
  ) {
    this.ended = this.end.bind(this);
    req.on('end', this.ended);
    req.on('close', this.ended);
    socket.on('close', this.ended);
  }

  private end(): void {
    this.req.off('end', this.ended);
    this.req.off('close', this.ended);
    this.socket.off('close', this.ended);
    this.count.arriving--;
  }
}

interface AddressCount {
  connections: number;
  arriving: number;
  lastWarnedAt: number;
}

/** Counts, per address, open connections and requests still arriving (kept up to date by events, so checking is cheap). */
class ArrivingRequests {
  private readonly byAddress = new Map<string, AddressCount>();
  private readonly countOfSocket = new WeakMap<Socket, AddressCount>();
  /** Connections whose first request's headers have not arrived. */
  private readonly awaitingHeaders = new WeakSet<Socket>();

  constructor(
    private readonly limits: NodeServerLimits,
    private readonly uncapped: (address: string) => boolean = () => false,
  ) {}

  admitConnection(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    // Not counted at all: its requests are admitted as they come (see admitRequest).
    if (this.uncapped(address)) return;
    let count = this.byAddress.get(address);
    if (count && (count.connections >= this.limits.maxConnectionsPerAddress || count.arriving >= this.limits.maxArrivingPerAddress)) {
      this.warn(count);
      socket.destroy();
      return;
    }
    if (!count) this.byAddress.set(address, (count = { connections: 0, arriving: 0, lastWarnedAt: 0 }));
    const counted = count;
    counted.connections++;
    counted.arriving++;
    this.countOfSocket.set(socket, counted);
    this.awaitingHeaders.add(socket);
    socket.once('close', () => {
      counted.connections--;
      if (this.awaitingHeaders.delete(socket)) counted.arriving--;
      if (counted.connections === 0) this.byAddress.delete(address);
    });
  }

  /** False when the request was refused (answered here). */
  admitRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const socket = req.socket;
    const count = this.countOfSocket.get(socket);
    if (!count) return true;
    if (this.awaitingHeaders.delete(socket)) count.arriving--;
    if (!hasBody(req) || req.complete) return true;
    count.arriving++;
    new Arrival(req, socket, count);
    if (count.arriving <= this.limits.maxArrivingPerAddress) return true;
    this.warn(count);
    const body = JSON.stringify({
      error: { code: 'too_many_arriving', message: `Too many requests from this address are still arriving (at most ${this.limits.maxArrivingPerAddress}). Try again in a moment.` },
    });
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    res.writeHead(429, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Retry-After': '1', Connection: 'close' });
    res.end(body);
    return false;
  }

  /** One line, at most once a minute per address (the address itself is not logged: README, "What is stored"). */
  private warn(count: AddressCount): void {
    const now = Date.now();
    if (now - count.lastWarnedAt < 60_000) return;
    count.lastWarnedAt = now;
    console.warn(`refusing requests from one address: ${count.connections} connections open, ${count.arriving} requests still arriving`);
  }
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
