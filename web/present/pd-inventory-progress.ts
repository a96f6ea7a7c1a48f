import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html, nothing } from 'lit';
import { inventoryCatalog, invMsg } from '../shared/inventory-messages.js';
import { InventoryWordsController } from '../shared/inventory-words.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { pagedSlideStyles } from './paged-slide-styles.js';
import './pd-pages.js';

/**
 * A marking slide on the projector: how many members have marked each strategy and how
 * many finished it, never what they marked, so nobody follows the first answers.
 */
export class PdInventoryProgress extends StaffSlideElement {
  /** Its own words are the inventory's (the page's other words, the staff catalog's, re-render it through the base class). */
  private readonly inventoryLanguage = new LanguageController(this, inventoryCatalog);
  static override styles = [
    staffStyles,
    pagedSlideStyles,
    css`
      /* Every word at room size (deck.css); strategies that do not fit the slide follow on the next page. */
      :host {
        font-size: var(--pd-live-size, 0.85em);
      }
      pd-pages {
        --pd-page-gap: 0.3em;
      }
      /* The list's words are already at the smallest room size: "page 1 of 2" is not made smaller. */
      .pages-footer {
        font-size: 1em;
      }
      .strategy {
        display: grid;
        grid-template-columns: 1.4em minmax(0, 1fr);
      }
      .here {
        font-weight: 700;
      }
      progress {
        width: 8em;
        margin-left: 0.5em;
        vertical-align: middle;
      }
    `,
  ];

  private get readerLang(): string {
    return inventoryCatalog.lang;
  }
  private readonly words = new InventoryWordsController(this, () => {
    const live = this.live;
    return live ? { api: live.api, code: live.code, lang: this.readerLang, version: live.part('inventory')?.wordsVersion ?? 0 } : null;
  });

  /** On a projector in two languages, the strategies' names in the second too (the district's terms in it). */
  private readonly secondWords = new InventoryWordsController(this, () => {
    const live = this.live;
    const second = this.session.value?.roomLanguages[1];
    return live && second ? { api: live.api, code: live.code, lang: second.lang, version: live.part('inventory')?.wordsVersion ?? 0 } : null;
  });

  override render() {
    const inventory = this.live?.part('inventory');
    const words = this.words.value;
    const activity = this.activity;
    if (!inventory || !words || activity?.kind !== 'inventory') return nothing;
    const joined = Math.max(this.live?.part('roster')?.total ?? 0, inventory.members);
    const items = inventory.strategies.map((s, i) => {
      const second = this.secondWords.value;
      const secondLang = this.session.value?.roomLanguages[1]?.lang;
      const title = (lang: string) => ((lang === secondLang && second) || words).strategies.find((w) => w.id === s.id)?.title ?? s.id;
      return html`<div role="listitem" class=${s.id === activity.strategy ? 'strategy here' : 'strategy'}>
        <span>${i + 1}.</span>
        <span>
          ${this.say(({ lang, of }) => `${title(lang)}: ${of(inventoryCatalog)('membersMarked', { started: s.started, members: joined, done: s.done })}`)}
          <progress aria-hidden="true" max=${Math.max(1, joined)} value=${s.done}></progress>
        </span>
      </div>`;
    });
    return html`<pd-pages layout="column" label=${invMsg('chooseStrategy')} .items=${items}></pd-pages>`;
  }
}

customElements.define('pd-inventory-progress', PdInventoryProgress);

declare global {
  interface HTMLElementTagNameMap {
    'pd-inventory-progress': PdInventoryProgress;
  }
}
