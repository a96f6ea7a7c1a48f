import { ContextConsumer, createContext, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PhoneParts, StaffParts } from '../../server/contract/parts.js';
import type { SessionApi, SuccessBody } from './live/api-client.js';
import type { LiveSession } from './live-session.js';
import type { RoomLanguage } from './room-words.js';

/**
 * The one way an element reaches its page's session. Each page root provides it with
 * @lit/context (the phone app, the notes view, the agreement page; the presenter's
 * document body), and every element that reads it does so through one SessionConsumer.
 */

/** The deck as the facilitators' screens get it: the reply type of GET /api/sessions/:code/deck. */
export type StaffDeck = SuccessBody<Awaited<ReturnType<SessionApi['deck']['$get']>>>;

/** A facilitator's screen: the live session and its deck. */
export class StaffSession {
  constructor(
    readonly live: LiveSession<StaffParts>,
    readonly deck: StaffDeck,
    /** Whose screen this is: the coach's is read-only, with the fidelity checklist. */
    readonly role: 'lead' | 'support' | 'coach' = 'lead',
    /** A projector in two languages: the room's live words are written in each (room-words.ts). */
    readonly roomLanguages: RoomLanguage[] = [],
  ) {}

  get code(): string {
    return this.live.code;
  }

  subscribe(listener: () => void): () => void {
    return this.live.subscribe(listener);
  }
}

/** A page that only reads public routes of one session (the printable agreement). */
export interface PublicSession {
  code: string;
  api: SessionApi;
}

export const staffSessionContext = createContext<StaffSession | undefined>(Symbol('pd-staff-session'));
export const phoneSessionContext = createContext<LiveSession<PhoneParts> | undefined>(Symbol('pd-phone-session'));
export const publicSessionContext = createContext<PublicSession | undefined>(Symbol('pd-public-session'));

/** A session that tells when it changes (a live one); a public one does not. */
type Subscribable = { subscribe(listener: () => void): () => void };

/**
 * Gives its host the session its page provides, and re-renders the host whenever the
 * session changes, for as long as the host is on the page. An element may connect before
 * its page has a session (a phone before joining): `value` is undefined until then.
 */
export class SessionConsumer<T extends object> implements ReactiveController {
  value: T | undefined;
  private release: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    context: Context<unknown, T | undefined>,
  ) {
    host.addController(this);
    new ContextConsumer(host, { context, subscribe: true, callback: (value) => this.follow(value) });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.release?.();
    this.release = null;
  }

  private follow(value: T | undefined): void {
    this.release?.();
    this.value = value;
    this.release = value && 'subscribe' in value ? (value as T & Subscribable).subscribe(() => this.host.requestUpdate()) : null;
    this.host.requestUpdate();
  }
}
