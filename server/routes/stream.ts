import { Hono, type MiddlewareHandler } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { ServerResponse } from 'node:http';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, withSession } from '../http/session-access.js';
import { nodeResponse } from '../http/security-headers.js';
import type { StreamConnection } from '../runtime/session-hub.js';
import { INCOMPATIBLE_CLIENT, PART_TAGS_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../contract/wire.js';
import { errorBody } from '../http/errors.js';
import { pickLanguage } from '../deck/deck-in-language.js';
import { acceptedLanguages } from '../i18n/catalogs.js';

/**
 * How far a client may fall behind before its stream is dropped. A phone that stops
 * reading (asleep, out of range) must not make the server hold its updates forever; when
 * it comes back it reconnects and gets a fresh full view.
 *
 * The allowance is counted on top of the stream's own full view: a big view (the walls of a
 * 2,000-person gallery walk run to hundreds of kilobytes) takes a while to reach a phone on
 * weak Wi-Fi, and dropping the stream for it would only send the same view again.
 */
export const MAX_BEHIND_BYTES = 512 * 1024;
/**
 * A phone's allowance is smaller: its frames are a few kilobytes (the walls' cards come
 * over plain GETs, a page at a time), so 64 KB is many seconds of updates, and 10,000
 * phones that all stop reading hold at most 640 MB between them instead of 5 GB.
 */
export const PHONE_MAX_BEHIND_BYTES = 64 * 1024;

const encoder = new TextEncoder();
const STREAM_BUFFER_BYTES = 64 * 1024;

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Accel-Buffering': 'no',
};

/**
 * The version handshake: a page names the protocol it speaks when it opens the stream. A
 * page of another version (a phone that kept an old page open across an upgrade) is told
 * so, and reloads to get the matching one. A client that names none predates the header.
 */
const sameProtocol: MiddlewareHandler<AppEnv> = async (c, next) => {
  const version = c.req.header(PROTOCOL_HEADER);
  if (version !== undefined && version !== String(PROTOCOL_VERSION)) {
    return c.json(
      errorBody(
        INCOMPATIBLE_CLIENT,
        `This page speaks version ${version.slice(0, 10)} of the live protocol; the server speaks ${PROTOCOL_VERSION}. Reload the page.`,
      ),
      409,
    );
  }
  await next();
};

/** The live stream (server-sent events) for every role; see server/contract/wire.ts for the protocol. */
export function streamRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>().get('/', sameProtocol, withSession(registry), requireRole(keys, 'lead', 'support', 'coach', 'participant'), (c) => {
    // HEAD (hono serves it with the GET route): the stream's headers, no body, no stream.
    // Writing to node's response here would leave hono nothing to answer with.
    if (c.req.method === 'HEAD') return c.body(null, 200, STREAM_HEADERS);
    const { hub, runtime } = c.get('live');
    const actor = c.get('actor');
    const who = {
      role: actor.role === 'system' ? ('participant' as const) : actor.role,
      participantId: actor.participantId,
      // A phone reads the deck in its person's language: the page names it in Accept-Language.
      lang: pickLanguage(runtime.deck, acceptedLanguages(c.req.header('accept-language'))),
      heldTags: parseHeldTags(c.req.header(PART_TAGS_HEADER)),
    };
    const allowance = who.role === 'participant' ? PHONE_MAX_BEHIND_BYTES : MAX_BEHIND_BYTES;
    const outgoing = nodeResponse(c);
    if (outgoing) return streamToNode(outgoing, allowance, (sink) => hub.connect(connectionOf(who, sink)));
    return new Response(
      webStream(allowance, (sink) => hub.connect(connectionOf(who, sink))),
      { headers: STREAM_HEADERS },
    );
  });
}

type Sink = Pick<StreamConnection, 'send' | 'sendBytes' | 'close'>;
type Who = Pick<StreamConnection, 'role' | 'participantId' | 'heldTags'> & { lang: string };

/**
 * The hub's connection for a stream, every one made by this one literal so that all have one
 * hidden class. (Spreading the sink, whose methods are closures of their own, gave each
 * connection a class of its own: with 2,000 phones every property read on a connection in
 * the fan-out was a megamorphic lookup, a fifth of the server's time for a slide change.)
 */
function connectionOf(who: Who, sink: Sink): StreamConnection & { lang: string } {
  return {
    role: who.role,
    participantId: who.participantId,
    lang: who.lang,
    heldTags: who.heldTags,
    send: sink.send,
    sendBytes: sink.sendBytes,
    close: sink.close,
    lastSentAt: 0,
  };
}

/**
 * The one rule for every stream: frames are queued until the client is more than
 * `allowance` bytes behind (MAX_BEHIND_BYTES, a phone's PHONE_MAX_BEHIND_BYTES), counted
 * beyond its first frame (the full view); then the hub drops it. `queued` says how many
 * bytes wait for the client, `write` queues a frame's chunks, `end` ends the stream.
 */
function boundedSink(allowance: number, queued: () => number, write: (chunks: readonly Uint8Array[]) => void, end: () => void): Sink & { gone(): void } {
  // Closure state, not properties: the hub receives a copy of these methods.
  let closed = false;
  /** The size of the first frame, the full view; -1 until it is sent. */
  let viewBytes = -1;
  const sendBytes = (chunks: readonly Uint8Array[]) => {
    if (closed || queued() > allowance + Math.max(0, viewBytes)) return false;
    if (viewBytes < 0) viewBytes = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    write(chunks);
    return true;
  };
  return {
    send: (frame) => sendBytes([encoder.encode(frame)]),
    sendBytes,
    close() {
      if (closed) return;
      closed = true;
      end();
    },
    /** The client went away: nothing more is written. */
    gone() {
      closed = true;
    },
  };
}

/**
 * On node's HTTP server the frames go straight to the socket, each as one write of one
 * buffer: the frame framed as an HTTP chunk (or as it is, for an HTTP/1.0 client, whose
 * stream ends with the connection). The buffer is built once per frame, so a frame every
 * phone shares (a slide change) is put together once and written 2,000 times, with no
 * per-phone chunk header, cork or gather write. How far the client is behind is what node
 * still holds for its socket. (Through a web ReadableStream every chunk was a separate read,
 * write and system call: a large share of the server's time with 2,000 phones.)
 *
 * Writing beside node's response object is safe because nothing else writes to it: its
 * headers are flushed first, the body is only these frames, and the stream ends by
 * destroying the connection, never with a final chunk.
 */
function streamToNode(outgoing: ServerResponse, allowance: number, connect: (sink: Sink) => () => void): Response {
  outgoing.writeHead(200, STREAM_HEADERS);
  outgoing.flushHeaders();
  const socket = outgoing.socket;
  const wire = outgoing.chunkedEncoding ? chunkedWire : plainWire;
  const sink = boundedSink(
    allowance,
    () => socket?.writableLength ?? 0,
    (chunks) => socket?.write(wire(chunks)),
    () => outgoing.destroy(),
  );
  const disconnect = connect(sink);
  outgoing.once('close', () => {
    sink.gone();
    disconnect();
  });
  return RESPONSE_ALREADY_SENT;
}

const CRLF = Buffer.from('\r\n');
const chunkedWires = new WeakMap<readonly Uint8Array[], Buffer>();
const plainWires = new WeakMap<readonly Uint8Array[], Buffer>();

/** A frame as one HTTP/1.1 chunk (size in hex, CRLF, the bytes, CRLF), made once per frame. */
function chunkedWire(frame: readonly Uint8Array[]): Buffer {
  let wire = chunkedWires.get(frame);
  if (!wire) {
    const size = frame.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    wire = Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), ...frame, CRLF]);
    chunkedWires.set(frame, wire);
  }
  return wire;
}

/** A frame as one buffer, made once per frame. */
function plainWire(frame: readonly Uint8Array[]): Buffer {
  let wire = plainWires.get(frame);
  if (!wire) {
    wire = Buffer.concat(frame);
    plainWires.set(frame, wire);
  }
  return wire;
}

/** Elsewhere (tests calling app.request) the frames go through a web ReadableStream. */
function webStream(allowance: number, connect: (sink: Sink) => () => void): ReadableStream<Uint8Array> {
  let disconnect = () => {};
  let sink: ReturnType<typeof boundedSink> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        sink = boundedSink(
          allowance,
          () => -(controller.desiredSize ?? 0) + STREAM_BUFFER_BYTES,
          (chunks) => chunks.forEach((chunk) => controller.enqueue(chunk)),
          () => {
            try {
              controller.close();
            } catch {
              // already closed by the client going away
            }
          },
        );
        disconnect = connect(sink);
      },
      cancel() {
        sink?.gone();
        disconnect();
      },
    },
    { highWaterMark: STREAM_BUFFER_BYTES, size: (chunk) => chunk.byteLength },
  );
}

const TAG_LIST = /^[a-zA-Z][\w-]{0,40}=[\w-]{1,40}(;[a-zA-Z][\w-]{0,40}=[\w-]{1,40}){0,31}$/;

/** `gallery=abc;session=def` from a reconnecting phone; anything malformed is ignored (a full view is sent). */
export function parseHeldTags(header: string | undefined): Map<string, string> | undefined {
  if (!header || header.length > 2048 || !TAG_LIST.test(header)) return undefined;
  return new Map(header.split(';').map((pair) => pair.split('=') as [string, string]));
}
