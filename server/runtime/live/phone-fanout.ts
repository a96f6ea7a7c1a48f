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
   * Whose own parts may have changed, with the types of the events that may have changed
   * them; or 'everyone', whose own parts are all rebuilt.
   */
  dirty: ReadonlyMap<string, ReadonlySet<string>> | 'everyone';
  /** A person's own parts, serialised: those these event types can change, or all of them (null). */
  ownParts(participantId: string, eventTypes: ReadonlySet<string> | null): SerialisedParts;
}

/**
 * Sends one update to every phone. The shared parts are encoded to bytes once and the same
 * bytes are queued on every stream; a person's own parts are made once per person (they
 * may have several phones) and each phone is sent only what changed from what it holds.
 * A phone with nothing new gets nothing.
 */
export function fanOut(phones: StreamPool<PhoneConnection>, update: PhoneUpdate): void {
  const sharedBytes = update.shared.size > 0 ? encodeParts(update.shared) : null;
  const head = { event: 'patch' as const, seq: update.seq, ...(sharedBytes ? { tags: update.sharedTags } : {}) };
  const sharedOnly = sharedBytes ? encodeFrame(head, [sharedBytes]) : null;
  const ownOf = new Map<string, SerialisedParts>();
  for (const phone of phones) {
    const id = phone.participantId;
    const types = update.dirty === 'everyone' ? null : update.dirty.get(id);
    let ownChanged: SerialisedParts | null = null;
    if (types !== undefined) {
      let own = ownOf.get(id);
      if (!own) ownOf.set(id, (own = update.ownParts(id, types)));
      // Each phone keeps its own record of what it was sent; parts not rebuilt stay as they were.
      ownChanged = changedParts(phone.lastOwn, own);
      for (const [key, json] of ownChanged) phone.lastOwn.set(key, json);
    }
    if (ownChanged && ownChanged.size > 0) phones.send(phone, encodeFrame(head, sharedBytes ? [sharedBytes, joinParts(ownChanged)] : [joinParts(ownChanged)]));
    else if (sharedOnly) phones.send(phone, sharedOnly);
  }
}
