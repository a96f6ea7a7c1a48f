import { css, html, nothing, type TemplateResult } from 'lit';
import type { InventoryPart, RollupOther } from '../../server/contract/parts.js';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import type { MessageValues } from '../shared/i18n/catalog.js';
import { decisionWord, inventoryCatalog, invMsg, type InventoryMessageKey } from '../shared/inventory-messages.js';
import { InventoryWordsController, activityTexts, type InventoryWords } from '../shared/inventory-words.js';
import { roomWordsStyles, type WordsIn } from '../shared/room-words.js';
import { rollupOf } from './inventory-rollup-of.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { pagesStyles } from './pd-pages.js';
import './pd-pages.js';

/**
 * One strategy's roll-up as the room reads it on the projector: for each activity how many
 * marked ✓ and ☆, the disagreements first, the most-starred flagged, the team's own
 * "other" activities after them, and under each the team's decision with its whole note.
 * Nothing here is typed into: the facilitators record decisions in the notes view (the
 * same roll-up with its controls, pd-inventory-rollup).
 *
 * A strategy has up to ten activities and members add more, so the list is paged at room
 * size rather than shrunk. The presenter turns the pages with next and previous before it
 * moves to the next slide (main.ts keeps one reveal.js fragment per page after the first
 * and sets `page`); it learns how many pages there are from the bubbling `slide-pages`
 * event. Where nobody on this screen pages it (`page` unset) the pages turn by themselves.
 */
export class PdInventoryRollupPages extends StaffSlideElement {
  static override properties = { page: { attribute: false }, slideTitle: { attribute: false } };
  /** The page the presenter shows (0-based), or undefined to let the pages turn by themselves. */
  declare page: number | undefined;

  private readonly inventoryLanguage = new LanguageController(this, inventoryCatalog);
  private readonly words = new InventoryWordsController(this, () => {
    const live = this.live;
    return live ? { api: live.api, code: live.code, lang: inventoryCatalog.lang, version: live.part('inventory')?.wordsVersion ?? 0 } : null;
  });
  /** On a projector in two languages, the activities and the strategy in the second too (the district's terms in it). */
  private readonly secondWords = new InventoryWordsController(this, () => {
    const live = this.live;
    const second = this.session.value?.roomLanguages[1];
    return live && second ? { api: live.api, code: live.code, lang: second.lang, version: live.part('inventory')?.wordsVersion ?? 0 } : null;
  });

  static override styles = [
    staffStyles,
    pagesStyles,
    roomWordsStyles,
    css`
      /* Room size in slide pixels: the activities at 26, nothing smaller than 24 (deck.css), so
         four or five long activities fit a page. */
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        font-family: system-ui, sans-serif;
        font-size: 26px;
        line-height: 1.22;
        --pd-small: 24px;
      }
      .summary {
        margin: 0 0 0.2em;
        font-size: var(--pd-small);
        color: var(--pd-ink-soft);
      }
      pd-pages {
        flex: 1;
        --pd-page-gap: 0;
      }
      .pages-footer {
        font-size: var(--pd-small);
      }
      .item {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto auto;
        column-gap: 0.6em;
        align-items: baseline;
        border-bottom: 2px solid var(--pd-line-soft);
        padding: 0.15em 0.2em;
      }
      .item.disagree {
        background: var(--pd-card);
      }
      .text {
        overflow-wrap: break-word;
      }
      .badge {
        display: inline-block;
        font-size: var(--pd-small);
        font-weight: 700;
        border-radius: 4px;
        padding: 0 0.3em;
        margin-left: 0.3em;
        border: 2px solid currentColor;
        line-height: 1.15;
      }
      .badge.disagree {
        color: var(--pd-danger);
      }
      .badge.star {
        color: var(--pd-accent-strong, var(--pd-primary));
      }
      .count {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
        text-align: right;
        white-space: nowrap;
      }
      /* The decision and its note under the activity, across the row, wrapped: the room reads all of it. */
      .decided,
      .aside {
        grid-column: 1 / -1;
        margin: 0.05em 0 0;
        font-size: var(--pd-small);
        overflow-wrap: break-word;
      }
      .decided strong {
        color: var(--pd-primary-strong);
      }
      .note {
        white-space: pre-wrap;
      }
      .aside {
        color: var(--pd-ink-soft);
      }
      .others-head h3 {
        font-size: 1em;
        margin: 0.3em 0 0;
        color: var(--pd-primary-strong);
      }
    `,
  ];

  constructor() {
    super();
    this.page = undefined;
  }

  override render() {
    const words = this.words.value;
    const rollup = rollupOf(this.live, this.activity, words);
    if (!rollup || !words) return nothing;
    const { inventory, strategy, strategyWords, counts, starred } = rollup;
    const texts = this.textsIn(words);
    const items: TemplateResult[] = strategy.order.map((id) => {
      const a = counts.get(id)!;
      return this.row(inventory, id, {
        text: this.say(({ lang }) => texts(lang).get(id) ?? id),
        disagree: a.disagree,
        starred: starred.has(id),
        counts: { conducted: a.conducted, initiate: a.initiate, neither: a.neither },
        asides: () => [],
      });
    });
    if (strategy.others.length > 0) {
      items.push(html`<div class="others-head" role="listitem"><h3>${this.say(({ of }) => of(inventoryCatalog)('othersTitle'))}</h3></div>`);
      items.push(...strategy.others.map((o) => this.otherRow(inventory, o)));
    }
    return html`
      <p class="summary" role="status">
        ${this.say(({ of }) =>
          inventory.members === 0
            ? of(inventoryCatalog)('nobodyYet')
            : of(inventoryCatalog)('membersMarked', { started: strategy.started, members: inventory.members, done: strategy.done }),
        )}
      </p>
      <pd-pages layout="column" label=${strategyWords.title} .page=${this.page} .items=${items} @pages-counted=${this.counted}></pd-pages>
    `;
  }

  private otherRow(inventory: InventoryPart, other: RollupOther) {
    // The team's own words are theirs, in whatever language they wrote them: only the app's words around them are in each.
    const asides = (m: Msg) => {
      const said = [other.people === 1 ? m('person') : m('people', { n: other.people })];
      if (other.texts.length > 1) said.push(m('alsoWritten', { texts: other.texts.slice(1).join(' · ') }));
      if (other.carried) said.push(m('fromLastYear'));
      return said;
    };
    return this.row(inventory, other.id, {
      text: other.texts[0],
      disagree: false,
      starred: false,
      counts: { conducted: other.conducted, initiate: other.initiate, neither: other.people - other.conducted - other.initiate },
      asides,
    });
  }

  private row(
    inventory: InventoryPart,
    item: string,
    shown: {
      text: string | TemplateResult;
      disagree: boolean;
      starred: boolean;
      counts: { conducted: number; initiate: number; neither: number };
      asides: (m: Msg) => string[];
    },
  ) {
    const entry = inventory.decisions[item];
    const before = inventory.previous?.[item];
    const asides = (m: Msg) => (before ? [...shown.asides(m), m('lastYear', { decision: decisionWord(before, m) })] : shown.asides(m));
    const inv = (w: WordsIn) => w.of(inventoryCatalog);
    return html`<div class="item ${shown.disagree ? 'disagree' : ''}" role="listitem">
      <span class="text"
        >${shown.text}${shown.disagree ? html`<span class="badge disagree">${this.say((w) => inv(w)('disagree'), 'inline')}</span>` : nothing}${
          shown.starred ? html`<span class="badge star">${this.say((w) => inv(w)('mostStarred'), 'inline')}</span>` : nothing
        }</span
      >
      <span class="count" aria-label=${invMsg('countsLabel', shown.counts)}>${invMsg('countConducted', { n: shown.counts.conducted })}</span>
      <span class="count" aria-hidden="true">${invMsg('countInitiate', { n: shown.counts.initiate })}</span>
      ${asides(invMsg).length ? html`<p class="aside">${this.say((w) => asides(inv(w)).join(' · '))}</p>` : nothing}
      ${
        entry
          ? html`<p class="decided">
              <strong>${this.say((w) => inv(w)('decided', { decision: decisionWord(entry.decision, inv(w)) }))}</strong
              >${entry.note ? html` — <span class="note">${entry.note}</span>` : nothing}
            </p>`
          : nothing
      }
    </div>`;
  }

  /** The deck's activity texts by id in a language: the page's, or a two-language projector's second. */
  private textsIn(words: InventoryWords): (lang: string) => Map<string, string> {
    const first = activityTexts(words);
    const second = this.secondWords.value;
    const secondTexts = second ? activityTexts(second) : null;
    const secondLang = this.session.value?.roomLanguages[1]?.lang;
    return (lang) => (lang === secondLang && secondTexts ? secondTexts : first);
  }

  /** The presenter keeps one step per page after the first (main.ts). */
  private counted(e: CustomEvent<number>) {
    this.dispatchEvent(new CustomEvent('slide-pages', { detail: e.detail, bubbles: true, composed: true }));
  }
}

type Msg = (key: InventoryMessageKey, values?: MessageValues) => string;

customElements.define('pd-inventory-rollup-pages', PdInventoryRollupPages);

declare global {
  interface HTMLElementTagNameMap {
    'pd-inventory-rollup-pages': PdInventoryRollupPages;
  }
}
