import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { DomainEvent } from '../domain/events.js';
import type { OpsLog } from '../ops/ops-log.js';
import type { SessionRegistry } from '../runtime/session-registry.js';
import { DamagedLogError } from '../store/damaged-log.js';
import type { PostgresStore } from '../store/postgres-store.js';

/**
 * A session just taken over takes its phones' writes again once none of its streams arrived
 * for this long, but not before SETTLE_MIN_MS after the takeover...
 */
export const SETTLE_QUIET_MS = 750;
/**
 * ...which gives the phones time to start coming back: a phone tries again half a second
 * after its stream broke, then after one, two and three seconds, and the first stream may
 * reach the new owner seconds after the first write that made it take the session over. In
 * 5 of 13 benchmark runs with three instances on one day, no stream had arrived 750 ms
 * after the takeover: the writes were taken again at once, the turns grew long, and the new
 * owner accepted about 150 streams a second, the last phones' views coming 10 to 17 s
 * after the kill (with it, 3.9 to 4.9 s in four runs).
 */
export const SETTLE_MIN_MS = 2_000;
/** ...and at the latest this long after the takeover. */
export const SETTLE_MAX_MS = 6_000;

/** Where a request for a session must go. */
export type Whereabouts =
  /** Served by this instance (loaded, or set aside here). */
  | { at: 'here' }
  /** No such session: the app answers 404 as usual. */
  | { at: 'nowhere' }
  /** Another instance owns it, and its lease runs. */
  | { at: 'elsewhere'; url: string }
  /** Nobody can serve it this moment (being taken over, database unreachable): try again shortly. */
  | { at: 'unavailable'; why: string };

/**
 * Which instance serves which session, when several share one Postgres database.
 *
 * A session is served by the instance that owns it (see PostgresStore: a lease renewed
 * every LEASE_MS / 3, and an epoch that fences out a former owner). A request for a session
 * that nobody holds, or whose owner's lease has run out (the owner died), makes this
 * instance take it over: it raises the epoch, reads the log, replays it, and serves it.
 * Requests for sessions another instance owns are forwarded there (forward-to-owner.ts).
 * An owner whose address refuses the forwarded connection is gone: its sessions are taken
 * at once (`ownerRefused`), not a lease later. A paused or slow owner still accepts
 * connections, so it keeps its sessions for as long as its lease runs.
 *
 * Taking over is done once per session however many requests ask at once: they wait for
 * the same replay. An instance that cannot renew its leases for a whole lease (the
 * database is unreachable) stops serving its sessions, which by then another instance may
 * have taken; their streams close and their clients reconnect wherever the sessions are.
 */
export class SessionOwnership {
  private readonly lookups = new Map<string, Promise<Whereabouts>>();
  private timer: NodeJS.Timeout | null = null;
  private renewing = false;
  /** When the last successful renewal was sent (monotonic clock): the leases run at least until then plus the lease. */
  private renewedAt = performance.now();

  constructor(
    private readonly store: PostgresStore,
    private readonly registry: SessionRegistry,
    private readonly log: OpsLog,
  ) {
    store.onSessionsLost((sessionIds, why) => {
      for (const id of sessionIds) {
        const code = registry.codeOf(id);
        if (code) this.settlingSince.delete(code);
        if (code && registry.release(code)) log.event('session.released', { code, why });
      }
    });
  }

  get instanceId(): string {
    return this.store.instanceId;
  }

  /** Starts renewing this instance's leases; call once it listens at `url`. */
  start(url: string): void {
    this.store.instanceUrl = url;
    void this.renew();
    this.timer = setInterval(() => void this.renew(), Math.max(100, Math.floor(this.store.leaseMs / 3)));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Sessions taken over moments ago, while their phones come back (see `settling`): when
   * this instance took each, and when the last of its streams arrived here.
   */
  private readonly settlingSince = new Map<string, { since: number; lastStream: number }>();

  /**
   * Whether a session this instance has just taken over is still getting its phones back.
   * When an owner dies, every phone of its session reconnects within a few seconds while
   * they also send again what got no answer. Node accepts one new connection per turn of
   * its event loop, and a turn that carries hundreds of writes (each applied, then sent to
   * every phone) is long: with 2,000 phones, the new owner accepted about 100 connections a
   * second, and the last phones waited 15 s in the kernel's queue for a view. So for a short
   * while the phones' writes are refused (503, Retry-After: their outboxes send them again
   * with the same key) and the turns stay short: the streams come back in a second or two.
   * It ends once no stream of the session has arrived for SETTLE_QUIET_MS (the queue is
   * empty), at the earliest SETTLE_MIN_MS and at the latest SETTLE_MAX_MS after the takeover.
   */
  settling(code: string): boolean {
    const key = code.toUpperCase();
    const settling = this.settlingSince.get(key);
    if (!settling) return false;
    const now = performance.now();
    const since = now - settling.since;
    if (since < SETTLE_MAX_MS && (since < SETTLE_MIN_MS || now - settling.lastStream < SETTLE_QUIET_MS)) return true;
    this.settlingSince.delete(key);
    return false;
  }

  /** A stream of a settling session arrived here. */
  streamArrived(code: string): void {
    const settling = this.settlingSince.get(code.toUpperCase());
    if (settling) settling.lastStream = performance.now();
  }

  /** Whether the session is served here: the common case, answered without waiting. */
  isHere(code: string): boolean {
    return this.registry.get(code) !== undefined;
  }

  /**
   * The owner at `url` refused a connection: nothing listens at its address any more, so
   * its process is gone (a live instance, however paused or busy, keeps its listening
   * socket, and the kernel accepts connections for it). Rather than wait up to a lease for
   * its renewals to lapse, this instance takes the session now, if that owner still holds
   * it; otherwise it answers where the session is, as `whereIs` does.
   */
  ownerRefused(code: string, url: string): Promise<Whereabouts> {
    const key = code.toUpperCase();
    const pending = this.lookups.get(key);
    // A look-up under way may have read the location before the refusal: start again after it.
    const lookup = (pending ?? Promise.resolve(null)).then(() => this.whereIs(key, url));
    return lookup;
  }

  /** Where a request for this session must go, taking the session over if nobody holds it. */
  whereIs(code: string, refusedUrl?: string): Promise<Whereabouts> {
    const key = code.toUpperCase();
    let lookup = this.lookups.get(key);
    if (!lookup) {
      lookup = this.find(key, refusedUrl).finally(() => this.lookups.delete(key));
      this.lookups.set(key, lookup);
    }
    return lookup;
  }

  private async find(code: string, refusedUrl?: string): Promise<Whereabouts> {
    if (this.registry.get(code)) return { at: 'here' };
    let location;
    try {
      location = await this.store.locate(code);
    } catch (error) {
      return { at: 'unavailable', why: `the database cannot be reached (${(error as Error).message})` };
    }
    if (!location) return { at: 'nowhere' };
    if (this.registry.row(code)) return { at: 'here' };
    const heldElsewhere = location.live && location.owner !== this.store.instanceId && location.ownerUrl;
    const ownerGone = heldElsewhere && location.ownerUrl === refusedUrl;
    if (heldElsewhere && !ownerGone) return { at: 'elsewhere', url: location.ownerUrl! };
    // Nobody holds it, its owner's lease ran out or its owner is gone, or this instance held it before: take it.
    const sessionId = location.row.id;
    try {
      if (!(await this.store.claim(sessionId, ownerGone ? { fromGone: location.owner! } : {}))) {
        const now = await this.store.locate(code);
        if (now?.live && now.owner !== this.store.instanceId && now.ownerUrl) return { at: 'elsewhere', url: now.ownerUrl };
        return { at: 'unavailable', why: 'it is being taken over' };
      }
    } catch (error) {
      return { at: 'unavailable', why: `the database cannot be reached (${(error as Error).message})` };
    }
    let history: DomainEvent[] | Error;
    try {
      history = await this.store.readEvents(sessionId);
    } catch (error) {
      // A damaged log sets the session aside here (the operator is told); a database that
      // cannot be read leaves it for the next request, here or elsewhere.
      if (!(error instanceof DamagedLogError)) {
        this.store.forget([sessionId]);
        return { at: 'unavailable', why: `its log cannot be read now (${(error as Error).message})` };
      }
      history = error;
    }
    this.registry.adopt(location.row, history);
    const now = performance.now();
    this.settlingSince.set(code, { since: now, lastStream: now });
    return { at: 'here' };
  }

  /**
   * Whether a connection comes from another instance (by the addresses in the instances'
   * URLs). Each forwards many phones' requests and streams, so the per-address caps meant
   * for one phone or one attacker are not applied to it.
   */
  isPeer(address: string): boolean {
    return this.peers.has(address.startsWith('::ffff:') ? address.slice(7) : address);
  }

  private peers = new Set<string>();

  private async learnPeers(): Promise<void> {
    const addresses = new Set<string>();
    for (const url of await this.store.instanceUrls()) {
      const host = hostOf(url);
      if (!host) continue;
      if (isIP(host)) addresses.add(host);
      else for (const { address } of await lookup(host, { all: true }).catch(() => [])) addresses.add(address);
    }
    this.peers = addresses;
  }

  private async renew(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    const sentAt = performance.now();
    try {
      await this.store.renewLeases();
      this.renewedAt = sentAt;
      await this.learnPeers().catch(() => {});
    } catch {
      // The leases surely ran out a lease after the last renewal that went through: from
      // then on another instance may own these sessions, so this one stops serving them.
      if (performance.now() - this.renewedAt >= this.store.leaseMs) this.store.forget(this.store.owned());
    } finally {
      this.renewing = false;
    }
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}
