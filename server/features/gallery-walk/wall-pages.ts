import { createHash } from 'node:crypto';
import { constants, gzipSync } from 'node:zlib';
import type { DomainEvent } from '../../domain/events.js';
import { changedBy } from '../../domain/part-producer.js';
import type { SessionState } from '../../domain/session-state.js';
import { votableCardsOnWall, WALL_PAGE_SIZE, type ListedCard } from './wall-listing.js';

/** The events that can change what a wall lists (the same as the phone's `gallery` part). */
export const WALL_LISTING_CHANGES_WITH = ['card.', 'gallery.', 'slide.', 'activity.', 'session.'] as const;

/** One page of a wall, ready to send: its JSON, its entity tag, and its gzip made once. */
export interface WallPageBody {
  json: string;
  etag: string;
  gzipped(): Uint8Array<ArrayBuffer>;
}

/**
 * The walls' pages of one session, each built once and sent as the same bytes to every
 * phone that asks, until an event that can change a wall arrives (a sticker cannot). Each
 * page is compressed once, synchronously, at its first request that accepts gzip: no
 * compressor is ever held per connection, and 10,000 phones asking for the first page
 * cost one compression.
 */
export class WallPages {
  private readonly walls = new Map<string, { cards: ListedCard[]; pages: Map<number, WallPageBody> }>();

  constructor(private readonly state: SessionState) {}

  /** Notes committed events; a change to what walls list drops every page made. */
  note(events: readonly DomainEvent[]): void {
    if (this.walls.size > 0 && changedBy(WALL_LISTING_CHANGES_WITH, events.map((e) => e.type))) this.walls.clear();
  }

  /** Page `page` (from 0) of a wall; past the end it is an empty page. */
  page(wall: string, page: number): WallPageBody {
    let listing = this.walls.get(wall);
    if (!listing) this.walls.set(wall, (listing = { cards: votableCardsOnWall(this.state, wall), pages: new Map() }));
    let body = listing.pages.get(page);
    if (!body) listing.pages.set(page, (body = makePage(wall, page, listing.cards.slice(page * WALL_PAGE_SIZE, (page + 1) * WALL_PAGE_SIZE))));
    return body;
  }
}

function makePage(wall: string, page: number, cards: ListedCard[]): WallPageBody {
  const json = JSON.stringify({ wall, page, cards });
  // Weak: the gzipped and the plain bytes are the same page, so either answers If-None-Match.
  const etag = `W/"${createHash('sha1').update(json).digest('base64url').slice(0, 20)}"`;
  let gzipped: Uint8Array<ArrayBuffer> | null = null;
  return {
    json,
    etag,
    gzipped: () => (gzipped ??= new Uint8Array(gzipSync(json, { level: constants.Z_BEST_COMPRESSION }))),
  };
}

const pagesByState = new WeakMap<SessionState, WallPages>();

/** The pages of a session, made on first use and kept current with its events. */
export function wallPagesOf(runtime: { readonly state: SessionState; subscribe(listener: (events: DomainEvent[]) => void): unknown }): WallPages {
  let pages = pagesByState.get(runtime.state);
  if (!pages) {
    const made = new WallPages(runtime.state);
    runtime.subscribe((events) => made.note(events));
    pagesByState.set(runtime.state, (pages = made));
  }
  return pages;
}
