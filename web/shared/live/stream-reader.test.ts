import { describe, expect, it } from 'vitest';
import { decodeHead, decodeMessage, eventStreamParser, parseEventStream, readEventStream, type SseEvent } from './stream-reader.js';

const encoder = new TextEncoder();

/** A body that delivers the given byte chunks one read at a time, as a slow network would. */
function bodyOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('the stream reader', () => {
  it('keeps the id and the event name of each message', () => {
    const events = parseEventStream('id: 7\nevent: view\ndata: {"v":1,"seq":7,"parts":{}}\n\nid: 9\nevent: patch\ndata: {"v":1,"seq":9,"parts":{}}\n\n');
    expect(events.map((e) => [e.id, e.event])).toEqual([
      ['7', 'view'],
      ['9', 'patch'],
    ]);
  });

  it('joins the lines of a multi-line data field with a newline', () => {
    const [event] = parseEventStream('event: patch\ndata: {"a":\ndata: 1}\n\n');
    expect(event.data).toBe('{"a":\n1}');
    expect(JSON.parse(event.data)).toEqual({ a: 1 });
  });

  it('reads a message however the network splits it, even inside a multi-byte character', async () => {
    const bytes = encoder.encode('id: 3\nevent: patch\ndata: {"v":1,"seq":3,"parts":{"me":{"name":"Zoë 💬"}}}\n\n: ping\n\n');
    const comments: string[] = [];
    for (const size of [1, 2, 3, 5, 8, 13, 64]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
      const events: SseEvent[] = [];
      await readEventStream(bodyOf(chunks), { onEvent: (e) => events.push(e), onComment: (c) => comments.push(c) });
      expect(events).toHaveLength(1);
      expect(events[0].id).toBe('3');
      expect(JSON.parse(events[0].data).parts.me.name).toBe('Zoë 💬');
    }
    expect(comments.every((c) => c.trim() === 'ping')).toBe(true);
    expect(comments).toHaveLength(7);
  });

  it('waits for the blank line before it calls back', () => {
    const events: SseEvent[] = [];
    const parser = eventStreamParser({ onEvent: (e) => events.push(e) });
    parser.feed('id: 1\nevent: view\ndata: {}\n');
    expect(events).toHaveLength(0);
    parser.feed('\n');
    expect(events).toHaveLength(1);
  });

  it('reads a message’s head (version, position, tags) without its parts', () => {
    const data = '{"v":1,"seq":12,"tags":{"gallery":"g7"},"kept":["session"],"parts":{"gallery":{"cards":["a","b"]}}}';
    expect(decodeHead(data)).toEqual({ v: 1, seq: 12, tags: { gallery: 'g7' }, kept: ['session'] });
    expect(decodeHead('{"v":1,"seq":3,"parts":{}}')).toEqual({ v: 1, seq: 3 });
  });

  it('decodes views and patches, and passes over events it does not know', () => {
    const [view, other] = parseEventStream('id: 4\nevent: view\ndata: {"v":1,"seq":4,"kept":["session"],"parts":{"me":null}}\n\nevent: later\ndata: {}\n\n');
    const message = decodeMessage<{ me: null; session: string }>(view);
    expect(message).toEqual({ event: 'view', id: 4, data: { v: 1, seq: 4, kept: ['session'], parts: { me: null } } });
    expect(decodeMessage(other)).toBeNull();
  });
});
