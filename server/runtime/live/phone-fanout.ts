import { changedParts, encodeFrame, encodeParts, joinParts, type SerialisedParts } from './frame-encoding.js';
import type { StreamConnection, StreamPool } from './stream-pool.js';

/** A phone's stream, with what it was last sent of its own parts. */
export interface PhoneConnection extends StreamConnection {
  participantId: string;
  lastOwn: SerialisedParts;
}

export interface PhoneUpdate {
  seq: number;
  /** The shared parts that changed since the last update, serialised (maybe none). */
  shared: SerialisedParts;
  /** Their content tags. */
  sharedTags: Record<string, string>;
  /**
   * Own parts that came out the same for every phone (made once for the room, see
   * everyonesOwnParts): each phone is sent those that differ from what it holds. A slide
   * change off the gallery walk is only these and the shared parts.
   */
  alike: SerialisedParts;
  /** Whose own parts may have changed, with the types of their own events that may have changed them. */
  dirty: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Whether every person's own parts must be made: an event that touches everyone (a
   * facilitator's) changed parts that differ from person to person (the sticker budget
   * when the walk comes on screen).
   */
  everyone: boolean;
  /** A person's own parts that may have changed (`ownTypes`: their own events' types, if any), serialised. */
  ownParts(participantId: string, ownTypes: ReadonlySet<string> | undefined): SerialisedParts;
  /** A person's phones in the pool (without it, every phone is visited). */
  phonesOf?(participantId: string): Iterable<PhoneConnection> | undefined;
}

/**
 * Sends one update to every phone. The shared parts are encoded to bytes once and the same
 * bytes are queued on every stream; so is a frame of the shared parts and the alike own
 * parts, for every phone that has nothing of its own. A person's own parts are made once per
 * person (they may have several phones), only when they may have changed, and each phone is
 * sent only what changed from what it holds. A phone with nothing new gets nothing.
 */
export function fanOut(phones: StreamPool<PhoneConnection>, update: PhoneUpdate): void {
  const sharedBytes = update.shared.size > 0 ? encodeParts(update.shared) : null;
  const head = { event: 'patch' as const, seq: update.seq, ...(sharedBytes ? { tags: update.sharedTags } : {}) };
  /** Frames of the shared parts plus some of the alike own parts, by those parts' names: one array of bytes for every phone that gets it. */
  const commonFrames = new Map<string, Uint8Array[] | null>();
  const commonFrame = (alike: SerialisedParts) => {
    const key = alike === NONE ? '' : alike === update.alike ? '*' : [...alike.keys()].join(',');
    let frame = commonFrames.get(key);
    if (frame === undefined) {
      const groups = alike.size > 0 ? [encodeParts(alike)] : [];
      if (sharedBytes) groups.unshift(sharedBytes);
      frame = groups.length > 0 ? encodeFrame(head, groups) : null;
      commonFrames.set(key, frame);
    }
    return frame;
  };
  /**
   * Frames of own parts by their JSON: phones whose own parts come out the same (a slide
   * that starts the gallery walk gives everyone who has placed nothing the same budget)
   * share one frame, built and framed for the wire once.
   */
  const ownFrames = new Map<string, Uint8Array[]>();
  const ownFrame = (json: string) => {
    let frame = ownFrames.get(json);
    if (!frame) ownFrames.set(json, (frame = encodeFrame(head, sharedBytes ? [sharedBytes, json] : [json])));
    return frame;
  };
  const ownOf = new Map<string, SerialisedParts>();
  for (const phone of visited(phones, update, sharedBytes !== null)) {
    const id = phone.participantId;
    const ownTypes = update.dirty.get(id);
    const alikeChanged = notHeld(phone.lastOwn, update.alike);
    for (const [key, json] of alikeChanged) phone.lastOwn.set(key, json);
    let ownChanged: SerialisedParts | null = null;
    if (update.everyone || ownTypes) {
      let own = ownOf.get(id);
      if (!own) ownOf.set(id, (own = update.ownParts(id, ownTypes)));
      // Each phone keeps its own record of what it was sent; parts not rebuilt stay as they were.
      ownChanged = changedParts(phone.lastOwn, own);
      for (const [key, json] of ownChanged) phone.lastOwn.set(key, json);
    }
    if (ownChanged && ownChanged.size > 0) {
      const mine = alikeChanged.size > 0 ? new Map([...alikeChanged, ...ownChanged]) : ownChanged;
      phones.send(phone, ownFrame(joinParts(mine)));
    } else {
      const frame = commonFrame(alikeChanged);
      if (frame) phones.send(phone, frame);
    }
  }
}

const NONE: SerialisedParts = new Map();

/**
 * The phones an update may send to: all of them, unless it carries nothing shared and
 * nothing for everyone, when only the phones of the people whose own parts may have
 * changed can get anything. In a district's walk that is a few hundred phones of 10,000
 * at each update (visiting all of them was 4 % of the server's time in the burst).
 */
function* visited(phones: StreamPool<PhoneConnection>, update: PhoneUpdate, anyShared: boolean): Iterable<PhoneConnection> {
  if (anyShared || update.everyone || update.alike.size > 0 || !update.phonesOf) {
    yield* phones;
    return;
  }
  for (const participantId of update.dirty.keys()) {
    for (const phone of update.phonesOf(participantId) ?? []) if (phones.has(phone)) yield phone;
  }
}

/** The parts of `parts` the phone does not hold as they are: NONE, all of `parts` (the same map), or a new map of some. */
function notHeld(held: SerialisedParts, parts: SerialisedParts): SerialisedParts {
  let differ = 0;
  for (const [key, json] of parts) if (held.get(key) !== json) differ++;
  if (differ === 0) return NONE;
  if (differ === parts.size) return parts;
  return changedParts(held, parts);
}
