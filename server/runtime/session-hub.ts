import type { DomainEvent, Role } from '../domain/events.js';
import { participantOwnView, participantSharedView } from '../domain/views/participant-view.js';
import { staffView } from '../domain/views/staff-view.js';
import type { ViewParts } from '../domain/views/view-types.js';
import type { SessionRuntime } from './session-runtime.js';

/**
 * Stream protocol (server → client, text/event-stream), version 1:
 *
 *   event: view    data: {"v":1,"seq":N,"parts":{…every part…}}   sent on (re)connect
 *   event: patch   data: {"v":1,"seq":N,"parts":{…changed parts…}} sent after changes
 *   : ping                                                          every 20 s, keeps proxies open
 *
 * `id:` carries the log's sequence number. A part is replaced whole; the client merges
 * patches into the view it holds. A reconnecting client always gets a full view, so it
 * never has to replay anything.
 *
 * Updates are coalesced: the facilitators' screens get at most one patch every
 * STAFF_INTERVAL_MS, phones at most one every PHONE_INTERVAL_MS, however many events
 * arrived meanwhile. A burst of 500 stickers is a handful of messages.
 */
export const PROTOCOL_VERSION = 1;
export const STAFF_INTERVAL_MS = 25;
export const PHONE_INTERVAL_MS = 250;
const HEARTBEAT_MS = 20_000;

export interface StreamConnection {
  role: Role;
  participantId?: string;
  /** Queues a frame; returns false when the client has fallen too far behind to keep. */
  send(frame: string): boolean;
  close(): void;
}

interface PhoneConnection extends StreamConnection {
  lastOwn: Map<string, string>;
}

export class SessionHub {
  private readonly staff = new Set<StreamConnection>();
  private readonly phones = new Set<PhoneConnection>();
  private lastStaff: Map<string, string> | null = null;
  private lastShared: Map<string, string> | null = null;
  private staffDirty = false;
  private sharedDirty = false;
  private readonly dirtyParticipants = new Set<string>();
  private allParticipantsDirty = false;
  private staffTimer: NodeJS.Timeout | null = null;
  private phoneTimer: NodeJS.Timeout | null = null;
  private lastPhoneFlush = 0;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly runtime: SessionRuntime) {
    runtime.subscribe((events) => this.onEvents(events));
    this.heartbeat = setInterval(() => this.broadcast(': ping\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get connectionCount(): number {
    return this.staff.size + this.phones.size;
  }

  connect(connection: StreamConnection): () => void {
    if (connection.role === 'participant') {
      if (this.sharedDirty || this.dirtyParticipants.size > 0 || this.allParticipantsDirty) this.flushPhones();
      const phone = Object.assign(connection, { lastOwn: new Map<string, string>() }) as PhoneConnection;
      const shared = this.lastShared ?? (this.lastShared = serialise(participantSharedView(this.runtime.state, this.runtime.deck)));
      const own = serialise(participantOwnView(this.runtime.state, this.runtime.deck, connection.participantId!));
      phone.lastOwn = own;
      this.phones.add(phone);
      this.deliver(phone, 'view', joinParts(shared, own));
      return () => this.phones.delete(phone);
    }
    if (this.staffDirty) this.flushStaff();
    const view = this.lastStaff ?? (this.lastStaff = serialise(staffView(this.runtime.state, this.runtime.deck)));
    this.staff.add(connection);
    this.deliver(connection, 'view', joinParts(view));
    return () => this.staff.delete(connection);
  }

  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const connection of [...this.staff, ...this.phones]) connection.close();
    this.staff.clear();
    this.phones.clear();
  }

  private onEvents(events: DomainEvent[]): void {
    this.staffDirty = true;
    this.sharedDirty = true;
    for (const event of events) {
      // An event a participant caused changes only that participant's own view; anything
      // a facilitator or the system does may touch everyone's.
      if (event.actor.participantId) this.dirtyParticipants.add(event.actor.participantId);
      else this.allParticipantsDirty = true;
    }
    if (!this.staffTimer) this.staffTimer = setTimeout(() => this.flushStaff(), STAFF_INTERVAL_MS);
    if (!this.phoneTimer) {
      const wait = Math.max(0, this.lastPhoneFlush + PHONE_INTERVAL_MS - Date.now());
      this.phoneTimer = setTimeout(() => this.flushPhones(), wait);
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
    const next = serialise(staffView(this.runtime.state, this.runtime.deck));
    const changed = changedParts(this.lastStaff, next);
    this.lastStaff = next;
    if (changed.size === 0) return;
    const frame = this.frame('patch', joinParts(changed));
    for (const connection of this.staff) this.sendOrDrop(connection, frame, this.staff);
  }

  private flushPhones(): void {
    if (this.phoneTimer) clearTimeout(this.phoneTimer);
    this.phoneTimer = null;
    this.lastPhoneFlush = Date.now();
    const { state, deck } = this.runtime;
    let changedShared = new Map<string, string>();
    if (this.sharedDirty) {
      const next = serialise(participantSharedView(state, deck));
      changedShared = changedParts(this.lastShared, next);
      this.lastShared = next;
    }
    const everyone = this.allParticipantsDirty;
    const dirty = new Set(this.dirtyParticipants);
    this.sharedDirty = false;
    this.allParticipantsDirty = false;
    this.dirtyParticipants.clear();
    const ownCache = new Map<string, Map<string, string>>();
    for (const phone of this.phones) {
      const id = phone.participantId!;
      const parts = new Map(changedShared);
      if (everyone || dirty.has(id)) {
        let own = ownCache.get(id);
        if (!own) ownCache.set(id, (own = serialise(participantOwnView(state, deck, id))));
        for (const [key, json] of changedParts(phone.lastOwn, own)) parts.set(key, json);
        phone.lastOwn = own;
      }
      if (parts.size > 0) this.sendOrDrop(phone, this.frame('patch', joinParts(parts)), this.phones);
    }
  }

  private deliver(connection: StreamConnection, kind: 'view' | 'patch', partsJson: string): void {
    connection.send(this.frame(kind, partsJson));
  }

  private frame(kind: 'view' | 'patch', partsJson: string): string {
    const seq = this.runtime.state.seq;
    return `id: ${seq}\nevent: ${kind}\ndata: {"v":${PROTOCOL_VERSION},"seq":${seq},"parts":${partsJson}}\n\n`;
  }

  private sendOrDrop<C extends StreamConnection>(connection: C, frame: string, pool: Set<C>): void {
    if (!connection.send(frame)) {
      // Too far behind: drop it. The client reconnects and gets a fresh full view.
      pool.delete(connection);
      connection.close();
    }
  }

  private broadcast(frame: string): void {
    for (const connection of this.staff) this.sendOrDrop(connection, frame, this.staff);
    for (const connection of this.phones) this.sendOrDrop(connection, frame, this.phones);
  }
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

/** Builds the parts object's JSON from already-serialised parts, so nothing is stringified twice. */
function joinParts(...maps: Map<string, string>[]): string {
  const entries: string[] = [];
  for (const map of maps) for (const [key, json] of map) entries.push(`${JSON.stringify(key)}:${json}`);
  return `{${entries.join(',')}}`;
}
