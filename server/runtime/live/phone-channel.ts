import type { Deck } from '../../deck/deck-schema.js';
import type { DomainEvent, Role } from '../../domain/events.js';
import type { SessionState } from '../../domain/session-state.js';
import { SEEN_BY_OTHERS, SHOWN_AT_ONCE_BY_PHONE } from '../../features/registry.js';
import { everyonesOwnParts, participantOwnParts, participantOwnView, phoneSharedProducers, sameOwnPartsAs } from '../../features/views.js';
import { AdaptiveThrottle } from './adaptive-throttle.js';
import { ContentTags } from './content-tags.js';
import { changedParts, encodeFrame, encodeParts, joinParts, serialise, type SerialisedParts } from './frame-encoding.js';
import { MemoizedView } from './memoized-view.js';
import { OwnEchoPacing } from './own-echo-pacing.js';
import { fanOut, type PhoneConnection } from './phone-fanout.js';
import { StreamPool, type StreamConnection } from './stream-pool.js';

export interface PhoneChannelOptions {
  /** The least time between two updates of a phone. */
  intervalMs: number;
  /** An update waits at least this many times as long as the last one took. */
  costFactor: number;
  /** The least time between two echoes of a person's own taps (own-echo-pacing.ts). */
  ownEchoMs: number;
  /** The same for a person with at most one phone connected (by default `ownEchoMs`). */
  soleOwnEchoMs?: number;
  /** How many phones a person has connected now, over every channel (by default: this channel's count is not kept, so 2). */
  phonesOf?: (participantId: string) => number;
  /** The most echoes of people's own taps in one update; the rest wait for the next. */
  ownEchoesPerUpdate?: number;
  onDropped: (role: Role) => void;
}

/**
 * The participants' streams of one session. What every phone shares is built once per
 * update (from producers that name the events that change them) and sent as the same
 * bytes to all; each phone's own parts are rebuilt only for the people whose own actions,
 * or anyone's that touch everyone, could have changed them, and then only the own
 * producers those events' types name; own parts that come out alike for everyone (the
 * sticker budget off the gallery walk) are made once. So a slide change is one shared
 * frame, the same bytes for every phone, plus per-phone work only where a phone's own
 * view depends on the slide (entering or leaving the walk).
 *
 * A phone that (re)connects gets the shared parts as last sent plus its own parts made
 * fresh; whatever changed since reaches it with everyone's next update. So 2,000 phones
 * reconnecting after a restart cost 2,000 small own views, not 2,000 updates.
 */
export class PhoneChannel {
  readonly pool: StreamPool<PhoneConnection>;
  private readonly view = new MemoizedView(phoneSharedProducers);
  private readonly tags = new ContentTags();
  private readonly throttle: AdaptiveThrottle;
  private readonly pacing: OwnEchoPacing;
  private lastShared: SerialisedParts | null = null;
  /** The log position the last shared parts were made at. */
  private lastSharedSeq = 0;
  /** The last shared parts as bytes, for the views of phones that (re)connect. */
  private lastSharedBytes: Uint8Array | null = null;
  private sharedDirty = false;
  /** People whose own actions arrived since the last update, with those events' types. */
  private dirty = new Map<string, Set<string>>();
  /** Types of the events since the last update that may touch every phone's own parts. */
  private readonly everyoneDirty = new Set<string>();
  /** Each person's phones in this channel, so an update that touches a few people visits only their phones. */
  private readonly byPerson = new Map<string, Set<PhoneConnection>>();

  constructor(
    private readonly source: { readonly state: SessionState; readonly deck: Deck },
    options: PhoneChannelOptions,
  ) {
    this.pool = new StreamPool<PhoneConnection>(options.onDropped);
    this.throttle = new AdaptiveThrottle(() => this.update(), { minIntervalMs: options.intervalMs, costFactor: options.costFactor });
    this.pacing = new OwnEchoPacing(options.ownEchoMs, SHOWN_AT_ONCE_BY_PHONE, options.ownEchoesPerUpdate, options.soleOwnEchoMs, options.phonesOf);
  }

  connect(connection: StreamConnection & { participantId: string }): () => void {
    const { state, deck } = this.source;
    const shared = this.ensureShared();
    const own = serialise(participantOwnView(state, deck, connection.participantId));
    const phone: PhoneConnection = Object.assign(connection, { lastOwn: own });
    const kept = this.tags.keptBy(connection.heldTags);
    const head = { event: 'view' as const, seq: this.lastSharedSeq, tags: this.tags.all(), kept };
    let first: Uint8Array[];
    if (kept.length === 0) {
      // Encoded once and shared by every phone that connects until the shared parts change.
      this.lastSharedBytes ??= encodeParts(shared);
      first = encodeFrame(head, [this.lastSharedBytes, joinParts(own)]);
    } else {
      const sent = new Map([...shared].filter(([key]) => !kept.includes(key)));
      first = encodeFrame(head, [joinParts(sent), joinParts(own)]);
    }
    const mine = this.byPerson.get(phone.participantId) ?? new Set<PhoneConnection>();
    this.byPerson.set(phone.participantId, mine.add(phone));
    const remove = this.pool.add(phone, first);
    return () => {
      remove();
      mine.delete(phone);
      if (mine.size === 0 && this.byPerson.get(phone.participantId) === mine) this.byPerson.delete(phone.participantId);
    };
  }

  /** A person's phones changed in number (a second one connected): their echoes may be due sooner. */
  phonesChanged(participantId: string): void {
    this.pacing.recheck(participantId, performance.now());
  }

  /**
   * A phone's whole view as a new stream would open with it, for the answer to a join (one
   * round trip); its stream, opened with these tags, then leaves the shared parts out.
   */
  firstView(participantId: string): { seq: number; tags: Record<string, string>; parts: Record<string, unknown> } {
    const { state, deck } = this.source;
    const shared = this.ensureShared();
    const own = serialise(participantOwnView(state, deck, participantId));
    const parts = Object.fromEntries([...shared, ...own].map(([key, json]) => [key, JSON.parse(json) as unknown]));
    return { seq: this.lastSharedSeq, tags: this.tags.all(), parts };
  }

  /**
   * The shared parts as last sent, built now if there are none, or if they are out of date
   * and no phone holds them (a join's first view made them before a slide change that no
   * update has caught up with yet): then the newcomer gets them current.
   */
  private ensureShared(): SerialisedParts {
    if (!this.lastShared || (this.sharedDirty && this.pool.size === 0)) {
      const { state, deck } = this.source;
      this.lastShared = this.view.build(state, deck);
      this.lastSharedSeq = state.seq;
      this.lastSharedBytes = null;
      this.sharedDirty = false;
      this.tags.retag(this.lastShared);
    }
    return this.lastShared;
  }

  /**
   * Notes committed events. An event a participant caused changes only that participant's
   * own parts, unless it is one their group sees too; anything a facilitator or the system
   * does may touch everyone's.
   */
  note(events: readonly DomainEvent[]): void {
    this.view.note(events);
    this.sharedDirty = true;
    for (const event of events) {
      const participantId = event.actor.participantId;
      if (participantId && !SEEN_BY_OTHERS.has(event.type)) {
        const types = this.dirty.get(participantId);
        if (types) types.add(event.type);
        else this.dirty.set(participantId, new Set([event.type]));
      } else {
        this.everyoneDirty.add(event.type);
      }
    }
    this.throttle.request();
  }

  closeAll(): void {
    this.throttle.cancel();
    this.pool.closeAll();
  }

  private update(): void {
    if (this.pool.size === 0) {
      // Nobody reads this channel (a language no phone reads now): nothing is built until one connects.
      this.lastShared = null;
      this.sharedDirty = false;
      this.everyoneDirty.clear();
      this.dirty.clear();
      return;
    }
    const started = performance.now();
    const { state, deck } = this.source;
    let shared: SerialisedParts = new Map();
    if (this.sharedDirty) {
      const next = this.view.build(state, deck);
      shared = changedParts(this.lastShared, next);
      this.lastShared = next;
      this.lastSharedSeq = state.seq;
      if (shared.size > 0) {
        this.lastSharedBytes = null;
        this.tags.retag(shared);
      }
    }
    const everyone = this.everyoneDirty.size > 0 ? new Set(this.everyoneDirty) : null;
    const arrived = this.dirty;
    this.dirty = new Map();
    this.sharedDirty = false;
    this.everyoneDirty.clear();
    // Taps the phone has already shown wait for their echo's interval, held by the pacing
    // for a later update; what touches everyone rebuilds every phone's own parts, so then
    // everyone held goes too.
    let dirty = arrived;
    if (everyone) this.pacing.releaseAll(dirty);
    else dirty = this.pacing.flush(arrived, started);
    this.pacing.sent(dirty.keys(), started);
    // What touches everyone is split into own parts alike for all (made once) and those made per person.
    const forEveryone = everyone ? everyonesOwnParts(state, deck, everyone) : { alike: {}, perPerson: [] };
    // People whose parts come out the same (on the walk, all who have placed nothing yet) share one making of them.
    const sameParts = new Map<string, SerialisedParts>();
    const ownParts = (id: string, ownTypes: ReadonlySet<string> | undefined) => {
      const same = ownTypes ? undefined : sameOwnPartsAs(state, deck, id, forEveryone.perPerson);
      if (same === undefined) return serialise(participantOwnParts(state, deck, id, forEveryone.perPerson, ownTypes));
      let parts = sameParts.get(same);
      if (!parts) sameParts.set(same, (parts = serialise(participantOwnParts(state, deck, id, forEveryone.perPerson))));
      return parts;
    };
    fanOut(this.pool, {
      seq: state.seq,
      shared,
      sharedTags: this.tags.of(shared.keys()),
      alike: serialise(forEveryone.alike),
      dirty,
      everyone: forEveryone.perPerson.length > 0,
      ownParts,
      phonesOf: (participantId) => this.byPerson.get(participantId),
    });
    if (this.pacing.waiting > 0) this.throttle.request();
  }
}
