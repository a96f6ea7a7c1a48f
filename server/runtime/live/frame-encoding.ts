import { PING_COMMENT, PROTOCOL_VERSION, type StreamEventName, type ViewMessage } from '../../contract/wire.js';

/**
 * The stream's frames as bytes (the protocol: server/contract/wire.ts). A view's parts are
 * serialised once, each to its own JSON string, and kept as such: comparing a part with
 * what was last sent is a string comparison, and a frame is put together from the strings
 * without stringifying anything twice. A group of parts every phone shares is encoded to
 * bytes once and the same bytes are queued on every phone's stream.
 */

/** A view's parts, each serialised to JSON, by part name. */
export type SerialisedParts = Map<string, string>;

/** What a frame says besides its parts: the message's head fields (wire.ts), and which event it is. */
export interface FrameHead {
  event: StreamEventName;
  seq: number;
  tags?: ViewMessage<Record<string, unknown>>['tags'];
  kept?: ViewMessage<Record<string, unknown>>['kept'];
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** A comment frame that keeps a quiet stream open through proxies. */
export const PING_FRAME: readonly Uint8Array[] = [utf8.encode(`: ${PING_COMMENT}\n\n`)];

/** Every part of a view, serialised. */
export function serialise(view: object): SerialisedParts {
  return new Map(Object.entries(view).map(([key, value]) => [key, JSON.stringify(value)]));
}

/** The parts of `after` that differ from `before` (all of them when there was nothing before). */
export function changedParts(before: SerialisedParts | null, after: SerialisedParts): SerialisedParts {
  if (!before) return after;
  const changed: SerialisedParts = new Map();
  for (const [key, json] of after) if (before.get(key) !== json) changed.set(key, json);
  return changed;
}

/** Parts as the inside of the message's `parts` object (no braces), so a frame can join several groups. */
export function joinParts(parts: SerialisedParts): string {
  const entries: string[] = [];
  for (const [key, json] of parts) entries.push(`${JSON.stringify(key)}:${json}`);
  return entries.join(',');
}

/** A group of parts as bytes, to be shared by many frames. */
export function encodeParts(parts: SerialisedParts): Uint8Array {
  return utf8.encode(joinParts(parts));
}

/**
 * One SSE message as byte chunks: its head, then each group of parts (a string, or bytes
 * that may be shared with other streams: never modify them), then its tail. Empty groups
 * are left out.
 */
export function encodeFrame(head: FrameHead, groups: readonly (string | Uint8Array)[]): Uint8Array[] {
  const meta = `${head.tags ? `"tags":${JSON.stringify(head.tags)},` : ''}${head.kept ? `"kept":${JSON.stringify(head.kept)},` : ''}`;
  let text = `id: ${head.seq}\nevent: ${head.event}\ndata: {"v":${PROTOCOL_VERSION},"seq":${head.seq},${meta}"parts":{`;
  const chunks: Uint8Array[] = [];
  let first = true;
  for (const group of groups) {
    if (group.length === 0) continue;
    if (!first) text += ',';
    first = false;
    if (typeof group === 'string') {
      text += group;
    } else {
      chunks.push(utf8.encode(text), group);
      text = '';
    }
  }
  chunks.push(utf8.encode(`${text}}}\n\n`));
  return chunks;
}

/** A frame as one string, for a connection that takes text. */
export function frameText(chunks: readonly Uint8Array[]): string {
  return chunks.map((chunk) => utf8Decoder.decode(chunk)).join('');
}
