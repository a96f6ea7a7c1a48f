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
/** A person's own sticker taps echo to their phones at most this often (live/own-echo-pacing.ts). */
export const OWN_ECHO_INTERVAL_MS = 750;
/** An update waits at least this many times as long as the last one took to build. */
const COST_FACTOR = 3;
/** A stream quiet for this long gets a ping. */
const HEARTBEAT_MS = 20_000;

/** One session's live streams: every connected screen, kept current with the session's log. */
export class SessionHub {
  private readonly staff: StaffChannel;
  private readonly phones: PhoneChannel;
  private readonly stopHeartbeat: () => void;

  /** `onDropped` hears of each stream dropped for falling too far behind (the operations log counts them). */
  constructor(runtime: SessionRuntime, onDropped: (role: Role) => void = () => {}) {
    this.staff = new StaffChannel(runtime, { intervalMs: STAFF_INTERVAL_MS, costFactor: COST_FACTOR, onDropped });
    this.phones = new PhoneChannel(runtime, { intervalMs: PHONE_INTERVAL_MS, costFactor: COST_FACTOR, ownEchoMs: OWN_ECHO_INTERVAL_MS, onDropped });
    runtime.subscribe((events) => {
      this.staff.note(events);
      this.phones.note(events);
    });
    this.stopHeartbeat = startHeartbeat([this.staff.pool, this.phones.pool], HEARTBEAT_MS);
  }

  get connectionCount(): number {
    return this.staff.pool.size + this.phones.pool.size;
  }

  /** Sends the connection its full view, then keeps it current; returns its disconnect. */
  connect(connection: StreamConnection): () => void {
    if (connection.role === 'participant') {
      if (!connection.participantId) throw new Error('a participant stream names its participant');
      return this.phones.connect(connection as StreamConnection & { participantId: string });
    }
    return this.staff.connect(connection);
  }

  closeAll(): void {
    this.stopHeartbeat();
    this.staff.closeAll();
    this.phones.closeAll();
  }
}
