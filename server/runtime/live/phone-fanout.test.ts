import { describe, expect, it } from 'vitest';
import { serialise, type SerialisedParts } from './frame-encoding.js';
import { fanOut, type PhoneConnection } from './phone-fanout.js';
import { StreamPool } from './stream-pool.js';
import { PROTOCOL_VERSION } from '../../contract/wire.js';
import { recordingConnection } from './test-connections.js';

/** Phones (two for Ana) that received their first view, recording what bytes reach them. */
function room() {
  const pool = new StreamPool<PhoneConnection>();
  const chunksOf = new Map<string, Uint8Array[][]>();
  const phones = (['ana', 'ana', 'ben', 'cy'] as const).map((participantId, i) => {
    const recorded = recordingConnection('participant', participantId);
    const key = `${participantId}#${i}`;
    chunksOf.set(key, []);
    const phone: PhoneConnection = Object.assign(recorded.connection, {
      participantId,
      lastOwn: serialise({ me: { name: participantId }, myStickers: { left: 6 } }),
      sendBytes: (chunks: Uint8Array[]) => (chunksOf.get(key)!.push(chunks), recorded.connection.send(new TextDecoder().decode(Buffer.concat(chunks)))),
    });
    pool.add(phone, []);
    return { ...recorded, key };
  });
  return { pool, phones, chunksOf };
}

describe('the phone fan-out', () => {
  it('sends the shared parts to every phone as the same bytes, and own parts only to those whose own changed', () => {
    const { pool, phones, chunksOf } = room();
    const built: string[] = [];
    const ownParts = (id: string): SerialisedParts => (built.push(id), serialise({ me: { name: id }, myStickers: { left: id === 'ana' ? 5 : 6 } }));
    fanOut(pool, {
      seq: 9,
      shared: serialise({ session: { slide: 23 } }),
      sharedTags: { session: 't23' },
      alike: new Map(),
      dirty: new Map([['ana', new Set(['sticker.placed'])]]),
      everyone: false,
      ownParts,
    });
    // Ana's own parts are made once for her two phones; nobody else's are made at all.
    expect(built).toEqual(['ana']);
    const last = (i: number) => phones[i].messages().at(-1)!;
    expect(last(0).data).toMatchObject({ seq: 9, tags: { session: 't23' }, parts: { session: { slide: 23 }, myStickers: { left: 5 } } });
    expect(last(1).data.parts).toEqual(last(0).data.parts);
    expect(last(2).data.parts).toEqual({ session: { slide: 23 } });
    expect(last(3).data.parts).toEqual({ session: { slide: 23 } });
    // One buffer holds the shared parts in every phone's frame.
    const sharedChunks = phones.map((p) =>
      chunksOf
        .get(p.key)!
        .at(-1)!
        .find((chunk) => new TextDecoder().decode(chunk).startsWith('"session"')),
    );
    expect(sharedChunks.every(Boolean)).toBe(true);
    expect(new Set(sharedChunks).size).toBe(1);
  });

  it('makes everyone’s own parts after a facilitator’s event that changes them per person, each person once with their own event types, and sends nothing to a phone with nothing new', () => {
    const { pool, phones } = room();
    const built: string[] = [];
    const ownParts = (id: string, ownTypes: ReadonlySet<string> | undefined): SerialisedParts => (
      built.push(`${id}:${[...(ownTypes ?? [])].sort().join('+')}`),
      serialise({ myStickers: { left: id === 'cy' ? 0 : 6 } })
    );
    fanOut(pool, {
      seq: 10,
      shared: new Map(),
      sharedTags: {},
      alike: new Map(),
      dirty: new Map([['ben', new Set(['card.written'])]]),
      everyone: true,
      ownParts,
    });
    // Once per person; Ben's own events go with his.
    expect(built.sort()).toEqual(['ana:', 'ben:card.written', 'cy:']);
    expect(phones.map((p) => p.messages().length)).toEqual([0, 0, 0, 1]);
    expect(phones[3].messages()[0].data).toEqual({ v: PROTOCOL_VERSION, seq: 10, parts: { myStickers: { left: 0 } } });
  });

  it('sends a slide change off the gallery walk to every phone as one frame, built once, with the own parts alike for all only to phones that hold something else', () => {
    const { pool, phones, chunksOf } = room();
    // Cy's phone already shows no sticker budget.
    [...pool].find((p) => p.participantId === 'cy')!.lastOwn.set('myStickers', 'null');
    const built: string[] = [];
    const ownParts = (id: string): SerialisedParts => (built.push(id), new Map());
    fanOut(pool, {
      seq: 11,
      shared: serialise({ slide: { slide: 22, title: 'Revise', activity: null, open: true } }),
      sharedTags: { slide: 't22' },
      alike: serialise({ myStickers: null }),
      dirty: new Map(),
      everyone: false,
      ownParts,
    });
    // Nobody's own parts were made.
    expect(built).toEqual([]);
    const last = (i: number) => phones[i].messages().at(-1)!.data;
    for (const i of [0, 1, 2]) expect(last(i).parts).toEqual({ slide: { slide: 22, title: 'Revise', activity: null, open: true }, myStickers: null });
    expect(last(3).parts).toEqual({ slide: { slide: 22, title: 'Revise', activity: null, open: true } });
    // The three phones that needed the same frame got the very same bytes.
    const frames = phones.map((p) => chunksOf.get(p.key)!.at(-1)!);
    expect(frames[1]).toBe(frames[0]);
    expect(frames[2]).toBe(frames[0]);
    expect(frames[3]).not.toBe(frames[0]);
    // The next change finds every phone holding the alike parts: all get the same frame.
    fanOut(pool, {
      seq: 12,
      shared: serialise({ slide: { slide: 21, title: 'Posted', activity: null, open: true } }),
      sharedTags: { slide: 't21' },
      alike: serialise({ myStickers: null }),
      dirty: new Map(),
      everyone: false,
      ownParts,
    });
    const next = phones.map((p) => chunksOf.get(p.key)!.at(-1)!);
    expect(new Set(next).size).toBe(1);
    expect(last(0).parts).toEqual({ slide: { slide: 21, title: 'Posted', activity: null, open: true } });
  });
  it('an update with only a few people’s own parts reaches just their phones, each once, and never a phone dropped since', () => {
    const { pool, phones } = room();
    const byPerson = new Map<string, PhoneConnection[]>();
    for (const phone of pool) byPerson.set(phone.participantId, [...(byPerson.get(phone.participantId) ?? []), phone]);
    const before = phones.map((p) => p.messages().length);
    // Ben's phone fell behind and was dropped; the channel still lists it as his.
    const [bens] = byPerson.get('ben')!;
    (pool as unknown as { connections: Set<PhoneConnection> }).connections.delete(bens);
    const ownParts = (id: string): SerialisedParts => serialise({ me: { name: id }, myStickers: { left: 4 } });
    fanOut(pool, {
      seq: 10,
      shared: new Map(),
      sharedTags: {},
      alike: new Map(),
      dirty: new Map([
        ['ana', new Set(['sticker.placed'])],
        ['ben', new Set(['sticker.placed'])],
      ]),
      everyone: false,
      ownParts,
      phonesOf: (id) => byPerson.get(id),
    });
    const received = phones.map((p, i) => p.messages().length - before[i]);
    expect(received).toEqual([1, 1, 0, 0]);
    expect(phones[0].messages().at(-1)!.data.parts).toEqual({ myStickers: { left: 4 } });
  });
});
