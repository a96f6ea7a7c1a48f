import { createHash } from 'node:crypto';
import type { Deck } from '../deck/deck-schema.js';
import { deckIn } from '../deck/deck-in-language.js';
import type { DomainEvent, Role } from '../domain/events.js';
import { participantOwnParts, participantOwnView, sharedProducers } from '../domain/views/participant-view.js';
import { staffProducers } from '../domain/views/staff-view.js';
import { touchesOtherParticipants } from '../domain/views/moves-view.js';
import type { ViewParts } from '../domain/views/view-types.js';
import { PING_COMMENT, PING_INTERVAL_MS, PROTOCOL_VERSION, type StreamEventName } from '../contract/wire.js';
import { MemoizedView } from './memoized-view.js';
import type { SessionRuntime } from './session-runtime.js';

/**
 * Stream protocol (server → client, text/event-stream; typed in server/contract/wire.ts):
 *
 *   event: view    data: {"v":1,"seq":N,"parts":{…every part…}}   sent on (re)connect
 *   event: patch   data: {"v":1,"seq":N,"parts":{…changed parts…}} sent after changes
 *   : ping                                                          so no stream is silent for PING_INTERVAL_MS (15 s)
 *
 * `id:` carries the log's sequence number. A part is replaced whole; the client merges
 * patches into the view it holds. A reconnecting client always gets a full view, so it
 * never has to replay anything.
 *
 * Parts every phone shares carry a content tag (`"tags":{"gallery":"…"}`, before
 * `parts`). A phone that reconnects names the tags it holds in an `X-Part-Tags` header
 * (`gallery=…;session=…`); a part whose tag still matches is left out of its view and
 * listed in `"kept":[…]`, and the phone keeps its copy. After a server restart, 2,000
 * phones then fetch their own small parts, not the walls' cards 2,000 times.
 *
 * Updates are coalesced: the facilitators' screens get at most one patch every
 * STAFF_INTERVAL_MS, phones at most one every PHONE_INTERVAL_MS, however many events
 * arrived meanwhile. A burst of 500 stickers is a handful of messages.
 *
 * A phone reads the deck in its person's language (the stream's `Accept-Language`, one of
 * the deck's languages): the parts every phone shares are kept per language (a
 * SharedChannel each), built only for languages some phone reads.
 *
 * Built for a district-sized room (2,000 phones on one laptop, see tests/load/bench.ts):
 * - Building a view grows with the room (every card, every sticker), so each kind of
 *   flush waits at least COST_FACTOR times as long as the last one took: views never take
 *   more than about a quarter of the server's time, and requests keep flowing in a burst.
 * - Views are built from producers that name the events that change them
 *   (MemoizedView): a burst of stickers rebuilds the progress, not the walls' cards.
 * - What every phone receives alike is serialised and encoded once and the same bytes are
 *   queued on every stream; only a phone's own parts are made per phone.
 * - A phone that (re)connects gets the shared parts as last sent plus its own parts made
 *   fresh; whatever changed since reaches it with everyone's next patch. So 2,000 phones
 *   reconnecting after a restart cost 2,000 small own views, not 2,000 flushes.
 */
export const STAFF_INTERVAL_MS = 25;
export const PHONE_INTERVAL_MS = 250;
/**
 * A phone applies the answer to its own sticker tap at once (web/phone/pd-sticker-wall.ts),
 * so the echo of a person's own sticker events reaches their phones at most this often.
 * In the walk's burst that halves the messages every phone gets, and a phone is still
 * never more than a second behind.
 */
export const OWN_ECHO_INTERVAL_MS = 750;
const LOCALLY_APPLIED = new Set(['sticker.placed', 'sticker.removed']);
/** A flush waits at least this many times its last duration after the previous one. */
const COST_FACTOR = 3;
/**
 * How often the hub looks for quiet streams. A stream quiet for PING_INTERVAL_MS less this
 * gets a ping, so none is ever silent for longer than PING_INTERVAL_MS: clients take two
 * of those without a byte for a dead connection.
 */
const PING_CHECK_MS = 5000;

export interface StreamConnection {
  role: Role;
  participantId?: string;
  /** The deck language a phone reads (one of the deck's; its first when not given). */
  lang?: string;
  /** Queues a frame; returns false when the client has fallen too far behind to keep. */
  send(frame: string): boolean;
  /** Queues a frame given as byte chunks that may be shared with other streams (do not modify them). */
  sendBytes?(chunks: Uint8Array[]): boolean;
  close(): void;
  /** Tags of the shared parts a reconnecting phone still holds (X-Part-Tags). */
  heldTags?: Map<string, string>;
  /** When the hub last queued a frame on it (monotonic clock); set by the hub. */
  lastSentAt?: number;
}

interface PhoneConnection extends StreamConnection {
  lastOwn: Map<string, string>;
  channel: SharedChannel;
}

/** What every phone reading one language shares: the parts as last sent, their bytes and tags. */
class SharedChannel {
  last: Map<string, string> | null = null;
  /** The log position the last shared parts were made at. */
  lastSeq = 0;
  /** The last shared parts as bytes, for the views of phones that (re)connect. */
  lastBytes: Uint8Array | null = null;
  /** A content tag per shared part, for phones that reconnect holding it. */
  readonly tags = new Map<string, string>();
  dirty = false;
  readonly view = new MemoizedView(sharedProducers);

  constructor(readonly deck: Deck) {}
}

const utf8 = new TextEncoder();
const PING = utf8.encode(`: ${PING_COMMENT}\n\n`);

export class SessionHub {
  private readonly staff = new Set<StreamConnection>();
  private readonly phones = new Set<PhoneConnection>();
  private lastStaff: Map<string, string> | null = null;
  /** The shared parts per deck language read by a phone. */
  private readonly channels = new Map<string, SharedChannel>();
  private staffDirty = false;
  /** Participants whose own actions arrived since the last phone flush, with those events' types. */
  private readonly dirtyParticipants = new Map<string, Set<string>>();
  private allParticipantsDirty = false;
  /** When each participant's phones last got the echo of their own events (monotonic clock). */
  private readonly lastOwnEcho = new Map<string, number>();
  private staffTimer: NodeJS.Timeout | null = null;
  private phoneTimer: NodeJS.Timeout | null = null;
  /** Flush times on the monotonic clock: intervals must not jump when the wall clock does. */
  private lastStaffFlush = 0;
  private staffCostMs = 0;
  private lastPhoneFlush = 0;
  private phoneCostMs = 0;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly staffView = new MemoizedView(staffProducers);

  /** `onDropped` hears of each stream dropped for falling too far behind (the operations log counts them). */
  constructor(
    private readonly runtime: SessionRuntime,
    private readonly onDropped: (role: Role) => void = () => {},
  ) {
    runtime.subscribe((events) => this.onEvents(events));
    this.heartbeat = setInterval(() => this.ping(), PING_CHECK_MS);
    this.heartbeat.unref();
  }

  get connectionCount(): number {
    return this.staff.size + this.phones.size;
  }

  connect(connection: StreamConnection): () => void {
    if (connection.role === 'participant') {
      const { state } = this.runtime;
      const channel = this.channel(connection.lang);
      if (!channel.last) {
        channel.last = channel.view.build(state, channel.deck);
        channel.lastSeq = state.seq;
        channel.lastBytes = null;
        channel.dirty = false;
        this.retag(channel, channel.last);
      }
      const shared = channel.last;
      const own = serialise(participantOwnView(state, channel.deck, connection.participantId!));
      const phone = Object.assign(connection, { lastOwn: own, channel }) as PhoneConnection;
      this.phones.add(phone);
      const kept = [...channel.tags].filter(([key, tag]) => connection.heldTags?.get(key) === tag).map(([key]) => key);
      const meta = `"tags":${JSON.stringify(Object.fromEntries(channel.tags))},"kept":${JSON.stringify(kept)},`;
      if (kept.length === 0) {
        // Encoded once and shared by every phone that connects until the shared parts change.
        channel.lastBytes ??= encodeParts(shared);
        this.deliver(phone, this.frame('view', channel.lastSeq, [channel.lastBytes, joinParts(own)], meta));
      } else {
        const sent = new Map([...shared].filter(([key]) => !kept.includes(key)));
        this.deliver(phone, this.frame('view', channel.lastSeq, [joinParts(sent), joinParts(own)], meta));
      }
      return () => this.phones.delete(phone);
    }
    if (this.staffDirty) this.flushStaff();
    const view = this.lastStaff ?? (this.lastStaff = this.staffView.build(this.runtime.state, this.runtime.deck));
    this.staff.add(connection);
    this.deliver(connection, this.frame('view', this.runtime.state.seq, [joinParts(view)]));
    return () => this.staff.delete(connection);
  }

  /**
   * A phone's whole view as a new stream would open with it, for the answer to a join: the
   * phone shows the workshop after one round trip, and its stream, opened with these tags,
   * then leaves out the shared parts it already holds.
   */
  firstView(participantId: string, lang?: string): { seq: number; tags: Record<string, string>; parts: Record<string, unknown> } {
    const { state } = this.runtime;
    const channel = this.channel(lang);
    if (!channel.last) {
      channel.last = channel.view.build(state, channel.deck);
      channel.lastSeq = state.seq;
      channel.lastBytes = null;
      channel.dirty = false;
      this.retag(channel, channel.last);
    }
    const own = serialise(participantOwnView(state, channel.deck, participantId));
    const parts = Object.fromEntries([...channel.last, ...own].map(([key, json]) => [key, JSON.parse(json) as unknown]));
    return { seq: channel.lastSeq, tags: Object.fromEntries(channel.tags), parts };
  }

  closeAll(): void {
    clearInterval(this.heartbeat);
    if (this.staffTimer) clearTimeout(this.staffTimer);
    if (this.phoneTimer) clearTimeout(this.phoneTimer);
    for (const connection of [...this.staff, ...this.phones]) connection.close();
    this.staff.clear();
    this.phones.clear();
  }

  private onEvents(events: DomainEvent[]): void {
    this.staffView.note(events);
    for (const channel of this.channels.values()) {
      channel.view.note(events);
      channel.dirty = true;
    }
    this.staffDirty = true;
    for (const event of events) {
      // An event a participant caused changes only that participant's own view; anything
      // a facilitator or the system does may touch everyone's.
      const participantId = event.actor.participantId;
      if (participantId && !touchesOtherParticipants(event)) {
        const types = this.dirtyParticipants.get(participantId);
        if (types) types.add(event.type);
        else this.dirtyParticipants.set(participantId, new Set([event.type]));
      } else {
        this.allParticipantsDirty = true;
      }
    }
    if (!this.staffTimer) {
      const wait = Math.max(STAFF_INTERVAL_MS, COST_FACTOR * this.staffCostMs) - (performance.now() - this.lastStaffFlush);
      this.staffTimer = setTimeout(() => this.flushStaff(), Math.max(0, wait));
    }
    if (!this.phoneTimer) {
      const wait = Math.max(PHONE_INTERVAL_MS, COST_FACTOR * this.phoneCostMs) - (performance.now() - this.lastPhoneFlush);
      this.phoneTimer = setTimeout(() => this.flushPhones(), Math.max(0, wait));
    }
  }

  private flushStaff(): void {
    if (this.staffTimer) clearTimeout(this.staffTimer);
    this.staffTimer = null;
    this.staffDirty = false;
    if (this.staff.size === 0) {
      this.lastStaff = null;
      return;
    }
    const started = performance.now();
    const next = this.staffView.build(this.runtime.state, this.runtime.deck);
    const changed = changedParts(this.lastStaff, next);
    this.lastStaff = next;
    if (changed.size > 0) {
      const frame = this.frame('patch', this.runtime.state.seq, [joinParts(changed)]);
      for (const connection of this.staff) this.sendOrDrop(connection, frame, this.staff);
    }
    this.lastStaffFlush = performance.now();
    this.staffCostMs = performance.now() - started;
  }

  private flushPhones(): void {
    if (this.phoneTimer) clearTimeout(this.phoneTimer);
    this.phoneTimer = null;
    const started = performance.now();
    const { state } = this.runtime;
    // Languages no phone reads any more are let go (made again when one connects).
    const read = new Set([...this.phones].map((phone) => phone.channel));
    for (const [lang, channel] of this.channels) if (!read.has(channel)) this.channels.delete(lang);
    /** Per language: the changed shared parts' bytes (made once, queued on every phone's stream), their tags, and a frame of them alone. */
    const sharedChanges = new Map<SharedChannel, { bytes: Uint8Array; tags: string; frame: Uint8Array[] }>();
    for (const channel of this.channels.values()) {
      if (!channel.dirty) continue;
      channel.dirty = false;
      const next = channel.view.build(state, channel.deck);
      const changed = changedParts(channel.last, next);
      channel.last = next;
      channel.lastSeq = state.seq;
      if (changed.size === 0) continue;
      channel.lastBytes = null;
      this.retag(channel, changed);
      const bytes = encodeParts(changed);
      const tags = `"tags":${JSON.stringify(Object.fromEntries([...changed.keys()].map((key) => [key, channel.tags.get(key)])))},`;
      sharedChanges.set(channel, { bytes, tags, frame: this.frame('patch', state.seq, [bytes], tags) });
    }
    const everyone = this.allParticipantsDirty;
    const dirty = new Map(this.dirtyParticipants);
    this.allParticipantsDirty = false;
    this.dirtyParticipants.clear();
    if (!everyone) {
      // Sticker taps the phone has already shown wait for their echo's interval.
      for (const [id, types] of dirty) {
        if (started - (this.lastOwnEcho.get(id) ?? -Infinity) >= OWN_ECHO_INTERVAL_MS) continue;
        if (![...types].every((type) => LOCALLY_APPLIED.has(type))) continue;
        dirty.delete(id);
        this.dirtyParticipants.set(id, types);
      }
    }
    for (const id of dirty.keys()) this.lastOwnEcho.set(id, started);
    const ownCache = new Map<string, Map<string, string>>();
    for (const phone of this.phones) {
      const id = phone.participantId!;
      const { deck } = phone.channel;
      const shared = sharedChanges.get(phone.channel);
      let ownChanged: Map<string, string> | null = null;
      const types = everyone ? null : dirty.get(id);
      if (everyone || types) {
        const cacheKey = `${deck.lang}\n${id}`;
        let own = ownCache.get(cacheKey);
        if (!own) ownCache.set(cacheKey, (own = serialise(types ? participantOwnParts(state, deck, id, types) : participantOwnView(state, deck, id))));
        // Each phone keeps its own record of what it was sent; parts not rebuilt stay as they were.
        ownChanged = changedParts(phone.lastOwn, own);
        for (const [key, json] of ownChanged) phone.lastOwn.set(key, json);
      }
      if (ownChanged && ownChanged.size > 0) {
        this.sendOrDrop(phone, this.frame('patch', state.seq, shared ? [shared.bytes, joinParts(ownChanged)] : [joinParts(ownChanged)], shared?.tags), this.phones);
      } else if (shared) {
        this.sendOrDrop(phone, shared.frame, this.phones);
      }
    }
    this.lastPhoneFlush = performance.now();
    this.phoneCostMs = performance.now() - started;
    if (this.dirtyParticipants.size > 0 && !this.phoneTimer) {
      this.phoneTimer = setTimeout(() => this.flushPhones(), Math.max(PHONE_INTERVAL_MS, COST_FACTOR * this.phoneCostMs));
    }
  }

  /** The channel of a deck language (the deck's first when the phone named none it has). */
  private channel(lang: string | undefined): SharedChannel {
    const { deck } = this.runtime;
    const wanted = lang && deck.languages.includes(lang) ? lang : deck.lang;
    let channel = this.channels.get(wanted);
    if (!channel) this.channels.set(wanted, (channel = new SharedChannel(deckIn(deck, wanted))));
    return channel;
  }

  /** Tags are content hashes, so they still match after a restart if the part did not change. */
  private retag(channel: SharedChannel, parts: Map<string, string>): void {
    for (const [key, json] of parts) channel.tags.set(key, createHash('sha1').update(json).digest('base64url').slice(0, 16));
  }

  private deliver(connection: StreamConnection, frame: Uint8Array[]): void {
    connection.lastSentAt = performance.now();
    if (connection.sendBytes) connection.sendBytes(frame);
    else connection.send(decode(frame));
  }

  /**
   * One SSE message as byte chunks: its head, then each group of parts (already
   * serialised; shared groups are the same bytes for every phone), then its tail.
   */
  private frame(kind: StreamEventName, seq: number, groups: (string | Uint8Array)[], meta = ''): Uint8Array[] {
    const chunks: Uint8Array[] = [];
    let text = `id: ${seq}\nevent: ${kind}\ndata: {"v":${PROTOCOL_VERSION},"seq":${seq},${meta}"parts":{`;
    groups.filter((group) => group.length > 0).forEach((group, i) => {
      if (i > 0) text += ',';
      if (typeof group === 'string') {
        text += group;
      } else {
        chunks.push(utf8.encode(text), group);
        text = '';
      }
    });
    chunks.push(utf8.encode(`${text}}}\n\n`));
    return chunks;
  }

  private sendOrDrop<C extends StreamConnection>(connection: C, frame: Uint8Array[], pool: Set<C>): void {
    connection.lastSentAt = performance.now();
    const kept = connection.sendBytes ? connection.sendBytes(frame) : connection.send(decode(frame));
    if (!kept) {
      // Too far behind: drop it. The client reconnects and gets a fresh full view.
      pool.delete(connection);
      connection.close();
      this.onDropped(connection.role);
    }
  }

  /**
   * A ping on every stream that would otherwise stay quiet past PING_INTERVAL_MS, so proxies
   * keep it open, a dead client is noticed, and a client sees its connection is alive. A
   * stream that just had an update needs none: that keeps a phone's message count in a busy
   * second to its updates. (2,000 quiet phones cost 2,000 ten-byte writes every 10–15 s.)
   */
  private ping(): void {
    const quietSince = performance.now() - (PING_INTERVAL_MS - PING_CHECK_MS);
    for (const connection of this.staff) if ((connection.lastSentAt ?? 0) <= quietSince) this.sendOrDrop(connection, [PING], this.staff);
    for (const connection of this.phones) if ((connection.lastSentAt ?? 0) <= quietSince) this.sendOrDrop(connection, [PING], this.phones);
  }
}

const utf8Decoder = new TextDecoder();
function decode(chunks: Uint8Array[]): string {
  return chunks.map((c) => utf8Decoder.decode(c)).join('');
}

/** Parts joined without braces, as bytes, for the shared group of a frame. */
function encodeParts(parts: Map<string, string>): Uint8Array {
  return utf8.encode(joinParts(parts));
}

function serialise(view: ViewParts): Map<string, string> {
  return new Map(Object.entries(view).map(([key, value]) => [key, JSON.stringify(value)]));
}

function changedParts(before: Map<string, string> | null, after: Map<string, string>): Map<string, string> {
  if (!before) return after;
  const changed = new Map<string, string>();
  for (const [key, json] of after) if (before.get(key) !== json) changed.set(key, json);
  return changed;
}

/** Joins already-serialised parts into the inside of the parts object, so nothing is stringified twice. */
function joinParts(...maps: Map<string, string>[]): string {
  const entries: string[] = [];
  for (const map of maps) for (const [key, json] of map) entries.push(`${JSON.stringify(key)}:${json}`);
  return entries.join(',');
}
