import { Hono } from 'hono';
import type { ServerResponse } from 'node:http';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, withSession } from '../http/session-access.js';

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

const encoder = new TextEncoder();
const STREAM_BUFFER_BYTES = 64 * 1024;

/** The live stream (server-sent events) for every role; see SessionHub for the protocol. */
export function streamRoutes({ registry, keys }: AppDeps) {
  return new Hono<AppEnv>().get('/', withSession(registry), requireRole(keys, 'lead', 'support', 'participant'), (c) => {
    const { hub } = c.get('live');
    const actor = c.get('actor');
    const socket = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    let disconnect = () => {};
    let closed = false;
    /** The size of the first frame, the full view; 0 until it is sent. */
    let viewBytes = -1;
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          disconnect = hub.connect({
            role: actor.role === 'system' ? 'participant' : actor.role,
            participantId: actor.participantId,
            heldTags: parseHeldTags(c.req.header('x-part-tags')),
            send(frame) {
              return this.sendBytes!([encoder.encode(frame)]);
            },
            sendBytes(chunks) {
              if (closed) return false;
              // What the stream holds plus what the socket has not yet handed to the kernel.
              const behind = -(controller.desiredSize ?? 0) + STREAM_BUFFER_BYTES + (socket?.writableLength ?? 0);
              if (behind > MAX_BEHIND_BYTES + Math.max(0, viewBytes)) return false;
              if (viewBytes < 0) viewBytes = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
              for (const chunk of chunks) controller.enqueue(chunk);
              return true;
            },
            close() {
              if (closed) return;
              closed = true;
              try {
                controller.close();
              } catch {
                // already closed by the client going away
              }
              socket?.destroy();
            },
          });
        },
        cancel() {
          closed = true;
          disconnect();
        },
      },
      { highWaterMark: STREAM_BUFFER_BYTES, size: (chunk) => chunk.byteLength },
    );
    socket?.once('close', () => {
      closed = true;
      disconnect();
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
      },
    });
  });
}

const TAG_LIST = /^[a-zA-Z][\w-]{0,40}=[\w-]{1,40}(;[a-zA-Z][\w-]{0,40}=[\w-]{1,40}){0,31}$/;

/** `gallery=abc;session=def` from a reconnecting phone; anything malformed is ignored (a full view is sent). */
export function parseHeldTags(header: string | undefined): Map<string, string> | undefined {
  if (!header || header.length > 2048 || !TAG_LIST.test(header)) return undefined;
  return new Map(header.split(';').map((pair) => pair.split('=') as [string, string]));
}
