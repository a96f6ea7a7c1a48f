import type { PhoneGalleryPart, WallPage } from '../../server/contract/parts.js';

type Listing = PhoneGalleryPart['walls'][number];
type ListedCard = WallPage['cards'][number];

/** What the phone holds of one wall: the pages read so far, and the listing tag they belong to. */
interface HeldWall {
  tag: string;
  pages: ListedCard[][];
  loading: boolean;
  failed: boolean;
}

export interface WallPagesLoaderOptions {
  /** Reads one page; rejects when it cannot (offline, refused). */
  fetchPage(wall: string, page: number): Promise<WallPage>;
  /** Something the phone shows changed (a page arrived, a load failed). */
  onChange(): void;
  /** Waits (replaceable in tests). */
  wait?(ms: number): Promise<void>;
  /** 0 ≤ x < 1 (replaceable in tests). */
  random?(): number;
}

/**
 * After a change to a wall, the phones that hold its pages ask for them again over this
 * spread, not in the same instant: 10,000 phones re-reading at once would be a burst of
 * its own. The first page of the walk is asked for at once.
 */
export const REFRESH_SPREAD_MS = 2000;
/** A page that could not be read is asked for again after about this long (with jitter). */
export const RETRY_MS = 2000;

/**
 * The walls' cards on a phone, a page at a time (the stream says only how many cards each
 * wall lists and a tag of its listing). The first page of a wall is read when the wall is
 * first shown; "Show more cards" reads the next. When a wall's tag changes (a card added,
 * hidden or merged), the pages held are read again; the browser's cache revalidates each
 * with its entity tag, so a page that did not change costs a 304.
 */
export class WallPagesLoader {
  private readonly walls = new Map<string, HeldWall>();
  private readonly wait: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: WallPagesLoaderOptions) {
    this.wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** The cards read so far of a wall, in the wall's order. */
  cards(wall: string): ListedCard[] {
    return this.walls.get(wall)?.pages.flat() ?? [];
  }

  /** Whether a wall's pages are being read, or the last read failed. */
  status(wall: string): { loading: boolean; failed: boolean; loaded: boolean } {
    const held = this.walls.get(wall);
    return { loading: !!held?.loading, failed: !!held?.failed, loaded: (held?.pages.length ?? 0) > 0 };
  }

  /** Brings a wall's pages up to its listing: the first page if none is held, all held pages again if the tag moved on. */
  sync(listing: Listing): void {
    const held = this.walls.get(listing.id);
    if (!held) {
      const fresh: HeldWall = { tag: listing.tag, pages: [], loading: false, failed: false };
      this.walls.set(listing.id, fresh);
      void this.read(listing.id, fresh, [0], 0);
      return;
    }
    if (held.tag === listing.tag) return;
    held.tag = listing.tag;
    const pages = Math.max(1, Math.min(held.pages.length, listing.pages));
    void this.read(listing.id, held, [...Array(pages).keys()], this.random() * REFRESH_SPREAD_MS);
  }

  /** Reads the next page of a wall (the "Show more cards" button). */
  more(listing: Listing): void {
    const held = this.walls.get(listing.id);
    if (!held || held.loading || held.pages.length >= listing.pages) return;
    void this.read(listing.id, held, [held.pages.length], 0, true);
  }

  private async read(wall: string, held: HeldWall, pages: number[], delayMs: number, append = false): Promise<void> {
    const tag = held.tag;
    held.loading = true;
    this.options.onChange();
    if (delayMs > 0) await this.wait(delayMs);
    for (let attempt = 0; ; attempt++) {
      try {
        const read = await Promise.all(pages.map((page) => this.options.fetchPage(wall, page)));
        // A newer listing arrived meanwhile: its own read replaces this one.
        if (held.tag !== tag) return;
        const cards = read.map((page) => page.cards);
        held.pages = append ? [...held.pages, ...cards] : cards;
        held.failed = false;
        held.loading = false;
        this.options.onChange();
        return;
      } catch {
        if (held.tag !== tag) return;
        held.failed = true;
        this.options.onChange();
        await this.wait(RETRY_MS * Math.min(8, 2 ** attempt) * (0.5 + this.random()));
        if (held.tag !== tag) return;
      }
    }
  }
}
