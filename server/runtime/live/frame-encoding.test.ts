import { describe, expect, it } from 'vitest';
import { decodeHead, decodeMessage, eventStreamParser, parseEventStream } from '../../../web/shared/live/stream-reader.js';
import { PROTOCOL_VERSION } from '../../contract/wire.js';
import { changedParts, encodeFrame, encodeParts, frameText, joinParts, PING_FRAME, serialise } from './frame-encoding.js';

/** The one message of a frame, read as the pages read it. */
function read(chunks: Uint8Array[]) {
  const events = parseEventStream(frameText(chunks));
  expect(events).toHaveLength(1);
  return decodeMessage<Record<string, unknown>>(events[0])!;
}

describe('frame encoding', () => {
  it('writes a view the pages read back whole: id, event, version, tags, kept, and parts from several groups', () => {
    const shared = encodeParts(serialise({ session: { slide: 4, title: 'Who might this be?' }, gallery: null }));
    const own = joinParts(serialise({ me: { name: 'Ana «la jefa»', cards: [] } }));
    const chunks = encodeFrame({ event: 'view', seq: 42, tags: { session: 'abc', gallery: 'def' }, kept: ['timer'] }, [shared, '', own]);
    // The shared group is the very bytes given, so every phone's frame holds the same buffer.
    expect(chunks).toContain(shared);
    expect(read(chunks)).toEqual({
      event: 'view',
      id: 42,
      data: {
        v: PROTOCOL_VERSION,
        seq: 42,
        tags: { session: 'abc', gallery: 'def' },
        kept: ['timer'],
        parts: { session: { slide: 4, title: 'Who might this be?' }, gallery: null, me: { name: 'Ana «la jefa»', cards: [] } },
      },
    });
  });

  it('writes a patch with no tags when it has none, and the head stays readable without its parts', () => {
    const frame = frameText(encodeFrame({ event: 'patch', seq: 7 }, [joinParts(serialise({ roster: { total: 3 } }))]));
    const [event] = parseEventStream(frame);
    expect(event).toMatchObject({ event: 'patch', id: '7' });
    expect(decodeHead(event.data)).toEqual({ v: PROTOCOL_VERSION, seq: 7 });
    expect(decodeMessage(event)!.data.parts).toEqual({ roster: { total: 3 } });
  });

  it('makes a frame with no parts an empty patch, never broken JSON', () => {
    expect(read(encodeFrame({ event: 'patch', seq: 1 }, ['', new Uint8Array()])).data.parts).toEqual({});
  });

  it('keeps only the parts whose JSON changed, and everything when there was nothing before', () => {
    const before = serialise({ a: 1, b: { x: [1, 2] }, c: 'same' });
    const after = serialise({ a: 1, b: { x: [1, 3] }, c: 'same', d: null });
    expect([...changedParts(before, after).keys()]).toEqual(['b', 'd']);
    expect(changedParts(null, after)).toBe(after);
  });

  it('pings with a comment, which a reader sees as no message', () => {
    const comments: string[] = [];
    const events: unknown[] = [];
    eventStreamParser({ onEvent: (e) => events.push(e), onComment: (c) => comments.push(c) }).feed(frameText([...PING_FRAME]));
    expect(events).toEqual([]);
    expect(comments.map((c) => c.trim())).toEqual(['ping']);
  });
});
