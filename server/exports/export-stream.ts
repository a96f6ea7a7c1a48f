import { RecordList } from './session-export.js';

/**
 * Elements (or CSV lines) per piece of a streamed file: a piece of stickers is about
 * 120 KB of text, made in a few milliseconds, so the room's requests wait at most that
 * long between two pieces of even the largest download.
 */
export const ELEMENTS_PER_PIECE = 500;

/**
 * A record as JSON text in pieces: the same text as JSON.stringify(record) with its lists
 * made (sessionExport), but each top-level list written element by element, a piece every
 * `elementsPerPiece` elements, so no string of the whole file is ever made.
 */
export function* jsonPieces(record: Record<string, unknown>, elementsPerPiece = ELEMENTS_PER_PIECE): Generator<string> {
  let piece = '{';
  let keys = 0;
  for (const [key, value] of Object.entries(record)) {
    const list = Array.isArray(value) || value instanceof RecordList ? (value as Iterable<unknown>) : null;
    if (!list) {
      const json = JSON.stringify(value);
      // As JSON.stringify does: a key whose value has no JSON (undefined) is left out.
      if (json !== undefined) piece += `${keys++ ? ',' : ''}${JSON.stringify(key)}:${json}`;
      continue;
    }
    piece += `${keys++ ? ',' : ''}${JSON.stringify(key)}:[`;
    let count = 0;
    for (const element of list) {
      // As JSON.stringify does in a list: an element with no JSON is null.
      piece += `${count ? ',' : ''}${JSON.stringify(element) ?? 'null'}`;
      if (++count % elementsPerPiece === 0) {
        yield piece;
        piece = '';
      }
    }
    piece += ']';
  }
  yield `${piece}}`;
}

/**
 * Text pieces as a byte stream that makes the next piece only when the one before has
 * been taken (pull: a slow download holds one piece, not the file), and first lets the
 * event loop run, so the room's requests are answered between two pieces of a large file.
 */
export function pieceStream(pieces: Generator<string>): ReadableStream<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      await new Promise((resolve) => setImmediate(resolve));
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    // The client went away: the rest is never made.
    cancel() {
      pieces.return(undefined);
    },
  });
}
