import { PING_INTERVAL_MS } from '../contract/wire.js';
import { deckIn } from '../deck/deck-in-language.js';
import type { Role } from '../domain/events.js';
import { startHeartbeat } from './live/heartbeat.js';
import { PhoneChannel } from './live/phone-channel.js';
import { StaffChannel } from './live/staff-channel.js';
import type { StreamConnection } from './live/stream-pool.js';
import type { SessionRuntime } from './session-runtime.js';

export type { StreamConnection };

/**
 * Stream protocol (server → client, text/event-stream; typed in server/contract/wire.ts):
 *
 *   event: view    data: {"v":1,"seq":N,"parts":{…every part…}}   sent on (re)connect
 *   event: patch   data: {"v":1,"seq":N,"parts":{…changed parts…}} sent after changes
 *   : ping                                                          after 20 s without a frame, keeps proxies open
 *
 * `id:` carries the log's sequence number. A part is replaced whole; the client merges
 * patches into the view it holds. A reconnecting client always gets a full view, so it
 * never has to replay anything. Parts every phone shares carry a content tag, so a phone
 * that reconnects holding them is not sent them again (live/content-tags.ts).
 *
 * Updates are coalesced: the facilitators' screens get at most one patch every
 * STAFF_INTERVAL_MS, phones at most one every PHONE_INTERVAL_MS, however many events
 * arrived meanwhile, and each waits longer when building the last one took long
 * (live/adaptive-throttle.ts). A burst of 500 stickers is a handful of messages.
 *
 * The pieces, in server/runtime/live/: the facilitators' channel (staff-channel.ts) and
 * the phones' (phone-channel.ts, with phone-fanout.ts sending shared bytes once and own
 * parts per phone, and own-echo-pacing.ts), each on a pool of streams (stream-pool.ts)
 * and a throttle; views memoized per producer (memoized-view.ts); frames encoded in
 * frame-encoding.ts; and the heartbeat (heartbeat.ts). Built for a district-sized room
 * (2,000 phones on one laptop, see tests/load/bench.ts).
 */
export const STAFF_INTERVAL_MS = 25;
export const PHONE_INTERVAL_MS = 250;
/**
 * A person's own sticker taps echo to their phones within this long, and never two echoes
 * within half of it (live/own-echo-pacing.ts: the waits are drawn, so a room's echoes do
 * not come in waves).
 * The phone that tapped shows the tap from its answer, so the echo only matters to another
 * phone of the same person. At 750 ms every placing phone got a frame for nearly every
 * sticker: in a 2,000-phone burst those frames (their own parts, a socket write each) were
 * the largest part of the server's time after the requests themselves; at 5 s they were
 * still a sixth of it in a 10,000-phone walk (a person places a sticker every 3 s or so).
 */
export const OWN_ECHO_INTERVAL_MS = 10_000;
/**
 * The same for a person with a single phone connected: that phone is almost always the
 * one that tapped, and shows its taps already, so its echo is only a safety net (a tap
 * made from a device whose stream was down meanwhile). In a 10,000-phone walk a person
 * taps every 3 s or so, and the echoes every 10 s were still about a tenth of the
 * server's time in a profile; a second phone connecting brings back the 10 s at once.
 */
export const SOLE_PHONE_ECHO_INTERVAL_MS = 60_000;
/** At most this many echoes go out in one phone update (about 50 ms of socket writes); the rest wait for the next, first in line. */
export const OWN_ECHOES_PER_UPDATE = 500;
/** An update waits at least this many times as long as the last one took to build. */
const COST_FACTOR = 3;
/**
 * A stream quiet for this long gets a ping. Streams are looked at every half of it, so none
 * is silent for more than PING_INTERVAL_MS (15 s): pages take two of those without a byte
 * for a dead connection (a weak access point stops passing bytes without closing).
 */
const HEARTBEAT_MS = (PING_INTERVAL_MS * 2) / 3;

/**
 * One session's live streams: every connected screen, kept current with the session's log.
 * A phone reads the deck in its person's language (the stream's Accept-Language, one of the
 * deck's languages): the phones are kept in one channel per language read, each with the
 * deck in that language, so what they share is built once per language.
 */
export class SessionHub {
  private readonly staff: StaffChannel;
  private readonly phones = new Map<string, PhoneChannel>();
  /** Each person's phones connected now, over every language's channel. */
  private readonly phonesOf = new Map<string, number>();
  private readonly stopHeartbeat: () => void;

  /** `onDropped` hears of each stream dropped for falling too far behind (the operations log counts them). */
  constructor(
    private readonly runtime: SessionRuntime,
    private readonly onDropped: (role: Role) => void = () => {},
  ) {
    this.staff = new StaffChannel(runtime, { intervalMs: STAFF_INTERVAL_MS, costFactor: COST_FACTOR, onDropped });
    runtime.subscribe((events) => {
      this.staff.note(events);
      for (const phones of this.phones.values()) phones.note(events);
    });
    this.stopHeartbeat = startHeartbeat(() => [this.staff.pool, ...[...this.phones.values()].map((phones) => phones.pool)], HEARTBEAT_MS);
  }

  get connectionCount(): number {
    let count = this.staff.pool.size;
    for (const phones of this.phones.values()) count += phones.pool.size;
    return count;
  }

  /** Sends the connection its full view, then keeps it current; returns its disconnect. */
  connect(connection: StreamConnection & { lang?: string }): () => void {
    if (connection.role === 'participant') {
      const { participantId } = connection;
      if (!participantId) throw new Error('a participant stream names its participant');
      const phones = (this.phonesOf.get(participantId) ?? 0) + 1;
      this.phonesOf.set(participantId, phones);
      // A second phone: the echo of this person's taps is due by the shorter interval now.
      if (phones === 2) for (const channel of this.phones.values()) channel.phonesChanged(participantId);
      const disconnect = this.phonesIn(connection.lang).connect(connection as StreamConnection & { participantId: string });
      let connected = true;
      return () => {
        if (!connected) return;
        connected = false;
        const left = (this.phonesOf.get(participantId) ?? 1) - 1;
        if (left > 0) this.phonesOf.set(participantId, left);
        else this.phonesOf.delete(participantId);
        disconnect();
      };
    }
    return this.staff.connect(connection);
  }

  /** A phone's first view, in `lang`, for the answer to its join. */
  firstView(participantId: string, lang?: string) {
    return this.phonesIn(lang).firstView(participantId);
  }

  closeAll(): void {
    this.stopHeartbeat();
    this.staff.closeAll();
    for (const phones of this.phones.values()) phones.closeAll();
  }

  /** The phones' channel of a deck language (the deck's first when the phone named none it has). */
  private phonesIn(lang: string | undefined): PhoneChannel {
    const { deck } = this.runtime;
    const wanted = lang && deck.languages.includes(lang) ? lang : deck.lang;
    let phones = this.phones.get(wanted);
    if (!phones) {
      const runtime = this.runtime;
      const inLanguage = deckIn(deck, wanted);
      const source = {
        get state() {
          return runtime.state;
        },
        deck: inLanguage,
      };
      phones = new PhoneChannel(source, {
        intervalMs: PHONE_INTERVAL_MS,
        costFactor: COST_FACTOR,
        ownEchoMs: OWN_ECHO_INTERVAL_MS,
        soleOwnEchoMs: SOLE_PHONE_ECHO_INTERVAL_MS,
        phonesOf: (participantId) => this.phonesOf.get(participantId) ?? 0,
        ownEchoesPerUpdate: OWN_ECHOES_PER_UPDATE,
        onDropped: this.onDropped,
      });
      this.phones.set(wanted, phones);
    }
    return phones;
  }
}
