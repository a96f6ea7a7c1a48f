import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html, nothing } from 'lit';
import type { ChangedItem } from '../../server/contract/parts.js';
import { inventoryCatalog, decisionWord, invMsg, type InventoryMessageKey } from '../shared/inventory-messages.js';
import { InventoryWordsController, activityTexts } from '../shared/inventory-words.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { pagedSlideStyles } from './paged-slide-styles.js';
import './pd-pages.js';

/**
 * What changed since last year's inventory, when this one started from it: activities the
 * team now conducts, those still to initiate, and those it set aside. The sums are the
 * server's; this only names them in the reader's language.
 */
export class PdInventoryChanges extends StaffSlideElement {
  /** Its own words are the inventory's (the page's other words, the staff catalog's, re-render it through the base class). */
  private readonly inventoryLanguage = new LanguageController(this, inventoryCatalog);
  static override styles = [
    staffStyles,
    pagedSlideStyles,
    css`
      /* The room reads it from the back: every word at room size (deck.css); the rows that do not fit the slide follow on the next page. */
      :host {
        font-size: var(--pd-live-size, 0.85em);
      }
      pd-pages {
        --pd-page-gap: 0.5em;
      }
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.2em 1.2em;
        font-weight: 700;
        margin: 0.2em 0 0.5em;
      }
      .change {
        overflow-wrap: anywhere;
      }
      /* Before → now is as big as the activity (the room reads both), only quieter. */
      .was {
        display: block;
        color: var(--pd-ink-soft);
      }
      .from {
        color: var(--pd-ink-soft);
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

  /** On a projector in two languages, the activities in the second too (the district's terms in it). */
  private readonly secondWords = new InventoryWordsController(this, () => {
    const live = this.live;
    const second = this.session.value?.roomLanguages[1];
    return live && second ? { api: live.api, code: live.code, lang: second.lang, version: live.part('inventory')?.wordsVersion ?? 0 } : null;
  });

  override render() {
    const inventory = this.live?.part('inventory');
    const words = this.words.value;
    if (!inventory || !words) return nothing;
    const changes = inventory.changes;
    if (!changes) return html`<p class="from">${this.sayOf(inventoryCatalog, 'changesNone')}</p>`;
    const texts = activityTexts(words);
    const second = this.secondWords.value;
    const secondLang = this.session.value?.roomLanguages[1]?.lang;
    const secondTexts = second ? activityTexts(second) : null;
    const textIn = (lang: string, id: string) => (lang === secondLang && secondTexts ? secondTexts : texts).get(id);
    // One language: the reader's, as the catalog speaks; two: each room language's.
    const when = (lang: string) =>
      new Date(changes.from.startedAt).toLocaleDateString(this.inTwoLanguages ? lang : this.readerLang, { year: 'numeric', month: 'long', day: 'numeric' });
    // One row per activity (its text and before → now), the three kinds in turn, paged at full
    // width: as three columns, a column of long activities in two languages ran off the
    // slide, and a column cannot be split across pages. The counts stay on every page.
    const kinds = [
      ['newlyConducted', changes.newlyConducted],
      ['stillStarred', changes.stillStarred],
      ['dropped', changes.dropped],
    ] as const satisfies readonly (readonly [InventoryMessageKey, ChangedItem[]])[];
    const row = (i: ChangedItem) =>
      html`<div role="listitem" class="change">
        ${i.text ?? this.say(({ lang }) => textIn(lang, i.item) ?? i.item)}
        <span class="was"
          >${this.say(({ of }) => of(inventoryCatalog)('beforeNow', { before: decisionWord(i.before, of(inventoryCatalog)), now: decisionWord(i.now, of(inventoryCatalog)) }))}</span
        >
      </div>`;
    return html`<p class="from">
        ${this.say(({ lang, of }) => of(inventoryCatalog)('changesFrom', { when: when(lang), name: changes.from.schoolName || words.title, code: changes.from.code }))}
      </p>
      <p class="counts">
        ${kinds.map(([key, items]) => html`<span class="count">${this.say(({ of }) => `${of(inventoryCatalog)(key)} (${items.length})`, 'inline')}</span>`)}
      </p>
      <pd-pages
        layout="column"
        label=${invMsg('changesFrom', { when: when(this.readerLang), name: changes.from.schoolName || words.title, code: changes.from.code })}
        .items=${kinds.flatMap(([, items]) => items.map(row))}
      ></pd-pages>`;
  }
}

customElements.define('pd-inventory-changes', PdInventoryChanges);

declare global {
  interface HTMLElementTagNameMap {
    'pd-inventory-changes': PdInventoryChanges;
  }
}
