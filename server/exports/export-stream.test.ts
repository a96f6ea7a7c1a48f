import { describe, expect, it } from 'vitest';
import { jsonPieces, pieceStream } from './export-stream.js';
import { RecordList } from './session-export.js';

/** Pieces that note when each is made, as the export's generators make them. */
function* noted(log: string[], count: number): Generator<string> {
  try {
    for (let i = 1; i <= count; i++) {
      log.push(`piece ${i}`);
      yield `${i};`;
    }
  } finally {
    log.push('done');
  }
}

describe('a file sent in pieces', () => {
  it('lets the event loop turn between two pieces (the room’s requests are answered meanwhile)', async () => {
    // Counts the event loop's turns while the file is read as fast as it comes.
    let turns = 0;
    let counting = true;
    const turn = () => {
      turns++;
      if (counting) setImmediate(turn);
    };
    setImmediate(turn);
    const madeAtTurn: number[] = [];
    function* pieces() {
      for (let i = 0; i < 5; i++) {
        madeAtTurn.push(turns);
        yield `${i};`;
      }
    }
    const text = await new Response(pieceStream(pieces())).text();
    counting = false;
    expect(text).toBe('0;1;2;3;4;');
    // Each piece in a turn of its own: none made straight after the one before.
    expect(new Set(madeAtTurn).size).toBe(5);
  });

  it('makes a piece only when the one before has been taken (a slow download holds one piece, not the file)', async () => {
    const log: string[] = [];
    const reader = pieceStream(noted(log, 100)).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('1;');
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    // The piece taken and at most one made ahead, however long the client waits.
    expect(log.filter((l) => l.startsWith('piece')).length).toBeLessThanOrEqual(2);
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('2;');
    await reader.cancel();
  });

  it('stops making pieces when the client goes away', async () => {
    const log: string[] = [];
    const reader = pieceStream(noted(log, 1000)).getReader();
    await reader.read();
    await reader.cancel();
    expect(log.at(-1)).toBe('done');
    expect(log.filter((l) => l.startsWith('piece')).length).toBeLessThan(5);
  });

  it('writes JSON as JSON.stringify does, whatever a list holds and wherever the pieces are cut', () => {
    const record = {
      small: { quote: '"', line: 'a\nb', emoji: '🙂', markup: '</script>' },
      empty: [],
      gone: undefined,
      made: [1, null, 'x', { y: [2] }],
      lazy: new RecordList(['a', 'b', 'c'], (s) => ({ s, n: s.charCodeAt(0) })),
      last: 0,
    };
    const whole = JSON.stringify({ ...record, lazy: [...record.lazy] });
    for (const per of [1, 2, 3, 500]) expect([...jsonPieces(record, per)].join(''), `${per} per piece`).toBe(whole);
    expect([...jsonPieces(record, 1)].length).toBeGreaterThan(5);
  });
});
