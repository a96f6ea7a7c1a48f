import { LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Activity } from '../../server/contract/parts.js';
import { SessionConsumer, staffSessionContext, type StaffDeck, type StaffSession } from './session-context.js';
import type { MessageValues } from './i18n/catalog.js';
import { LanguageController, type PageCatalog } from './i18n/page-catalog.js';
import { familyWordsIn, inLanguages, type RoomLayout, type WordsIn } from './room-words.js';
import { staffCatalog, staffMsg, staffRefusal } from './staff-messages.js';
import { WriteGuard } from './write-guard.js';

/**
 * An element of a facilitator's screen (the deck's overlays, the notes view's panels): it
 * reads the session its page provides and shows the refusal of any write it makes.
 */
export class StaffElement extends LitElement {
  static override properties: PropertyDeclarations = { projected: { type: Boolean, reflect: true } };
  /**
   * On the projector (the deck), not in the notes view: room-sized type, lists paged to fit
   * the slide, and the lead's buttons out of the way (see web/present/lead-controls.ts).
   */
  declare projected: boolean;

  constructor() {
    super();
    this.projected = false;
  }

  protected readonly session = new SessionConsumer<StaffSession>(this, staffSessionContext);
  protected readonly writes = new WriteGuard(this, staffRefusal);
  protected readonly language = new LanguageController(this, staffCatalog);

  protected get live() {
    return this.session.value?.live;
  }

  protected get deck(): StaffDeck | undefined {
    return this.session.value?.deck;
  }

  /**
   * Words the room reads: on a projector in two languages, in each of them (one line per
   * language, or side by side), each marked with its `lang`, the deck's words from the deck
   * in that language; elsewhere (the notes view, a projector in one language) in the page's.
   * Add roomWordsStyles to the element's styles.
   */
  protected say(words: (w: WordsIn) => string, layout: RoomLayout = 'lines'): TemplateResult | string {
    // Only the projector's page has room languages: the notes view always speaks its reader's.
    const room = this.session.value?.roomLanguages ?? [];
    if (room.length < 2) return words({ lang: staffCatalog.lang, deck: this.deck, t: staffMsg, of: (family) => family.t });
    return inLanguages(room, words, layout, this.familyWords);
  }

  /** One message of another family (the inventory's, the protocol's) as the room reads it: in each room language. */
  protected sayOf<K extends string>(family: PageCatalog<K>, key: K, values?: MessageValues, layout: RoomLayout = 'lines'): TemplateResult | string {
    return this.say(({ of }) => of(family)(key, values), layout);
  }

  /** Other families' words in a room language (WordsIn.of), re-rendering this element when they arrive. */
  private readonly familyWords = familyWordsIn(() => this.requestUpdate());

  /** A projector in two languages (StaffElement.say writes each text in both). */
  protected get inTwoLanguages(): boolean {
    return (this.session.value?.roomLanguages.length ?? 0) > 1;
  }

  /** Whose screen this is (the coach's is read-only). */
  protected get screenRole(): 'lead' | 'support' | 'coach' {
    return this.session.value?.role ?? 'lead';
  }
}

/** A facilitator's element about one slide of the deck (a live activity, its timer, its moderation). */
export class StaffSlideElement extends StaffElement {
  static override properties: PropertyDeclarations = { slide: { type: Number } };
  /** The slide's 1-based number in the deck. */
  declare slide: number;

  constructor() {
    super();
    this.slide = 0;
  }

  /** The slide's activity as the deck declares it, or null. */
  protected get activity(): Activity | null {
    return this.deck?.slides[this.slide - 1]?.activity ?? null;
  }
}
