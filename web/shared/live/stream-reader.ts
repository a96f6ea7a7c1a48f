import { createParser } from 'eventsource-parser';
import type { StreamMessage, ViewMessage } from '../../../server/contract/wire.js';

/**
 * Reads the live stream (server-sent events) with eventsource-parser, which follows the
 * WHATWG rules: it keeps `id:`, joins the lines of a multi-line `data:` with "\n", and
 * does not care where the network split the chunks. The pages, the load harness and the
 * tests all read the stream through this file.
 */
export interface SseEvent {
  /** The `event:` field, or "message" when the server named none. */
  event: string;
  /** The `id:` field, if the event had one. */
  id: string | undefined;
  data: string;
}

export interface EventStreamHandlers {
  onEvent(event: SseEvent): void;
  /** Comments (`: ping`): the stream is alive although nothing changed. */
  onComment?(comment: string): void;
  /** Any bytes arrived (a watchdog's sign of life, before they make a whole event). */
  onBytes?(): void;
}

/** A parser to feed text chunks in arrival order; it calls back once per complete event. */
export function eventStreamParser(handlers: EventStreamHandlers): { feed(chunk: string): void } {
  return createParser({
    onEvent: (message) => handlers.onEvent({ event: message.event ?? 'message', id: message.id, data: message.data }),
    onComment: handlers.onComment,
  });
}

/** Reads a response body to its end, or until `stop` is aborted, calling back per event. */
export async function readEventStream(body: ReadableStream<Uint8Array>, handlers: EventStreamHandlers, stop?: AbortSignal): Promise<void> {
  const parser = eventStreamParser(handlers);
  const decoder = new TextDecoder();
  const reader = body.getReader();
  stop?.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      handlers.onBytes?.();
      parser.feed(decoder.decode(value, { stream: true }));
    }
    parser.feed(decoder.decode());
  } finally {
    reader.releaseLock();
  }
}

/** Every event in a text holding whole events (a test's collected frames). */
export function parseEventStream(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  eventStreamParser({ onEvent: (event) => events.push(event) }).feed(text);
  return events;
}

/**
 * A view or patch message, typed by the part map `P` the caller's role receives; null for
 * any other event (a later server may add some). Throws if the data is not JSON.
 */
export function decodeMessage<P>(event: SseEvent): StreamMessage<P> | null {
  if (event.event !== 'view' && event.event !== 'patch') return null;
  const data = JSON.parse(event.data) as StreamMessage<P>['data'];
  return { event: event.event, id: event.id === undefined ? data.seq : Number(event.id), data };
}

/**
 * A message's fields before its parts (v, seq, tags, kept), without parsing the parts,
 * which the server always writes last: a load generator holding 2,000 phones' streams
 * reads the tags of a wall of cards without decoding the wall.
 */
export function decodeHead<P>(data: string): Omit<ViewMessage<P>, 'parts'> {
  const end = data.indexOf(',"parts":');
  return JSON.parse(end < 0 ? data : `${data.slice(0, end)}}`) as Omit<ViewMessage<P>, 'parts'>;
}
