import { customAlphabet, nanoid } from 'nanoid';
import type { Deck } from '../deck/deck-schema.js';
import { event } from '../domain/events.js';
import type { EventStore } from '../store/event-store.js';
import { SessionRuntime } from './session-runtime.js';
import { SessionHub } from './session-hub.js';
import { birthdayBox } from './birthday-box.js';

/** Join codes avoid look-alikes (0/O, 1/I/L) so they can be read off a projector and typed on a phone. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const newJoinCode = customAlphabet(JOIN_CODE_ALPHABET, 6);

export interface LiveSession {
  runtime: SessionRuntime;
  hub: SessionHub;
}

/** Every session the server knows, loaded from the log at start and kept in memory. */
export class SessionRegistry {
  private readonly byCode = new Map<string, LiveSession>();

  constructor(
    private readonly store: EventStore,
    private readonly decks: Map<string, Deck>,
  ) {
    for (const row of store.listSessions()) {
      const deck = decks.get(row.deckId);
      if (!deck) {
        console.warn(`session ${row.code}: deck "${row.deckId}" is missing from slides/; the session is not served`);
        continue;
      }
      this.add(new SessionRuntime(row.id, row.code, deck, store, store.readEvents(row.id)));
    }
  }

  get(code: string): LiveSession | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  create(deck: Deck, schoolName: string): LiveSession {
    let code = newJoinCode();
    while (this.store.codeTaken(code)) code = newJoinCode();
    const id = nanoid();
    this.store.createSession({ id, code, deckId: deck.id, createdAt: Date.now() });
    const live = this.add(new SessionRuntime(id, code, deck, this.store));
    live.runtime.execute({ role: 'lead' }, undefined, () => ({
      events: [event('session.started', { deckId: deck.id, schoolName })],
      response: null,
    }));
    return live;
  }

  delete(code: string): boolean {
    const live = this.get(code);
    if (!live) return false;
    live.hub.closeAll();
    this.store.deleteSession(live.runtime.id);
    birthdayBox.clear(live.runtime.id);
    this.byCode.delete(live.runtime.code);
    return true;
  }

  all(): LiveSession[] {
    return [...this.byCode.values()];
  }

  private add(runtime: SessionRuntime): LiveSession {
    const live = { runtime, hub: new SessionHub(runtime) };
    this.byCode.set(runtime.code, live);
    return live;
  }
}
