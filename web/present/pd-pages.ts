import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { roomWordsStyles } from '../shared/room-words.js';
import { StaffElement } from '../shared/staff-element.js';
import { pageBreaks } from './page-breaks.js';
import { PageTurns } from './page-turns.js';

/** Each deck slide's page turns; a page that is not a deck (the notes view) counts from its loading. */
const slideTurns = new WeakMap<Element, PageTurns>();
const pageTurns = new PageTurns();
pageTurns.begin();

/**
 * The page turn a list is on: counted from the moment its slide came into view, shared by
 * every list on that slide so they turn together, and started again when the slide comes
 * back. A slide thus opens on its first page.
 */
function turnOn(slide: Element | null): number {
  if (!slide) return pageTurns.current();
  let turns = slideTurns.get(slide);
  if (!turns) {
    turns = new PageTurns();
    slideTurns.set(slide, turns);
  }
  if (slide.classList.contains('present')) turns.begin();
  else turns.stop();
  return turns.current();
}

/**
 * A list the projector shows page by page when it does not fit: as many items as fit the
 * space it is given, then the next page after PAGE_MS, with "page 2 of 4" beneath. Items
 * keep their order, so a ranked list shows its top statements first.
 *
 * It renders into its parent's shadow root (no shadow root of its own), so the items keep
 * the parent's styles; the parent adds `pagesStyles`. When its items or its size change it
 * lays out every item once, reads where the rows fall, and then shows one page: both
 * renders happen before the browser paints, so the room never sees the full list.
 * Its "page 2 of 4" is in each language the projector shows (StaffElement.say).
 */
export class PdPages extends StaffElement {
  static override properties = {
    items: { attribute: false },
    page: { attribute: false },
    layout: { type: String },
    label: { type: String },
    pages: { state: true },
    shown: { state: true },
    measuring: { state: true },
  };

  /** The items, in the order they are shown. */
  declare items: TemplateResult[];
  /**
   * The page to show, when the parent decides (the gallery board shows its walls one after
   * the other); unset, the pages turn by themselves every PAGE_MS (page-turns.ts). The parent learns how
   * many pages there are from the `pages-counted` event.
   */
  declare page: number | undefined;
  /** `wrap` (cards side by side), `column` (one per row) or `grid` (equal columns). */
  declare layout: 'wrap' | 'column' | 'grid';
  /** The list's accessible name. */
  declare label: string;
  /** Each page's first item (the last page runs to the end). */
  declare private pages: number[];
  declare private shown: number;
  /** Every item is laid out, to find where the pages break. */
  declare private measuring: boolean;
  private resize: ResizeObserver | null = null;
  private turn: ReturnType<typeof setInterval> | undefined;
  private lastHeight = 0;

  constructor() {
    super();
    this.items = [];
    this.page = undefined;
    this.layout = 'wrap';
    this.label = '';
    this.pages = [0];
    this.shown = 0;
    this.measuring = true;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => {
      if (this.clientHeight !== this.lastHeight) this.remeasure();
    });
    this.resize.observe(this);
    // Every list on the screen turns its page at the same moment; one left unmeasured on a
    // slide the room did not see is measured once that slide shows.
    this.turn = setInterval(() => {
      if (this.measuring && !this.offSlide()) this.remeasure();
      this.showPage();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    clearInterval(this.turn);
  }

  private remeasure(): void {
    this.measuring = true;
    this.requestUpdate();
  }

  /**
   * On a deck slide the room does not see: reveal keeps a shown slide's neighbours laid out
   * but not in the slide's grid, so the pager's height follows its own content there and a
   * measure means nothing. (Measured there, the gallery walk's pages and the wall in turn
   * fed each other without end, freezing the page.)
   */
  private offSlide(): boolean {
    const slide = slideOf(this);
    return slide !== null && !slide.classList.contains('present');
  }

  private showPage(): void {
    const shown = (this.page ?? turnOn(slideOf(this))) % this.pages.length;
    if (shown !== this.shown) this.shown = shown;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') || changed.has('layout')) this.measuring = true;
    if (changed.has('page')) this.showPage();
  }

  override render() {
    const count = this.pages.length;
    const page = Math.min(this.shown, count - 1);
    const from = this.pages[page] ?? 0;
    const to = this.pages[page + 1] ?? this.items.length;
    return html`<div class="pages-list pages-${this.layout}" role="list" aria-label=${this.label || nothing}>
        ${this.measuring ? this.items : this.items.slice(from, to)}
      </div>
      ${count > 1 ? html`<p class="pages-footer">${this.say(({ t }) => t('pageOf', { page: page + 1, pages: count }), 'inline')}</p>` : nothing}`;
  }

  protected override updated(): void {
    if (this.measuring) this.measure();
  }

  /** Where the pages break, from the full layout: rows that fit the height, then the next page. */
  private measure(): void {
    const list = this.querySelector<HTMLElement>(':scope > .pages-list');
    this.lastHeight = this.clientHeight;
    if (!list || this.clientHeight === 0 || this.offSlide()) return;
    const boxes = [...list.children].map((child) => {
      const el = child as HTMLElement;
      return { top: el.offsetTop, bottom: el.offsetTop + el.offsetHeight };
    });
    let pages = pageBreaks(boxes, this.clientHeight);
    if (pages.length > 1) pages = pageBreaks(boxes, this.clientHeight - this.footerHeight());
    this.measuring = false;
    if (pages.length !== this.pages.length || pages.some((p, i) => p !== this.pages[i])) {
      this.pages = pages;
      this.dispatchEvent(new CustomEvent('pages-counted', { detail: pages.length }));
    }
    this.showPage();
  }

  /** The footer's height: its line and the space above it. */
  private footerHeight(): number {
    const footer = this.querySelector<HTMLElement>(':scope > .pages-footer');
    if (footer) return footer.offsetHeight + parseFloat(getComputedStyle(footer).marginTop);
    return Math.ceil(parseFloat(getComputedStyle(this).fontSize) * 1.6);
  }
}

/** The deck slide an element is on, across the shadow roots of the elements it sits in (null off the deck: the notes view). */
function slideOf(el: Element): Element | null {
  for (let at: Element | null = el; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host || null)) {
    if (at.matches('.reveal .slides > section')) return at;
  }
  return null;
}

/**
 * The pager's layouts, for the parent's styles. `--pd-page-gap` sets the space between
 * items and `--pd-page-columns` the grid's column width. The words in two languages come with them.
 */
export const pagesStyles = css`
  ${roomWordsStyles}
  pd-pages {
    display: block;
    position: relative;
    min-height: 0;
    overflow: hidden;
  }
  .pages-wrap,
  .pages-grid,
  .pages-column {
    gap: var(--pd-page-gap, 0.35em);
    align-content: flex-start;
    align-items: start;
  }
  .pages-wrap {
    display: flex;
    flex-wrap: wrap;
  }
  .pages-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--pd-page-columns, 11em), 1fr));
  }
  .pages-column {
    display: flex;
    flex-direction: column;
    align-items: stretch;
  }
  /* Quieter than the list, never under what the back row reads (deck.css: a list in two languages is already at that size). */
  .pages-footer {
    margin: 0.2em 0 0;
    font-size: max(0.86em, var(--pd-room-min-text, 0px));
    font-weight: 600;
    color: var(--pd-ink-soft);
  }
`;

customElements.define('pd-pages', PdPages);

declare global {
  interface HTMLElementTagNameMap {
    'pd-pages': PdPages;
  }
}
