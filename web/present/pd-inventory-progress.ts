import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html, nothing } from 'lit';
import { inventoryCatalog, invMsg } from '../shared/inventory-messages.js';
import { InventoryWordsController } from '../shared/inventory-words.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';

/**
 * A marking slide on the projector: how many members have marked each strategy and how
 * many finished it, never what they marked, so nobody follows the first answers.
 */
export class PdInventoryProgress extends StaffSlideElement {
  /** Its own words are the inventory's (the page's other words, the staff catalog's, re-render it through the base class). */
  private readonly inventoryLanguage = new LanguageController(this, inventoryCatalog);
  static override styles = [
    staffStyles,
    roomWordsStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        font-size: var(--pd-live-size, 0.55em);
      }
      ol {
        margin: 0.3em 0 0;
        padding-left: 1.4em;
      }
      li.here {
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
    return html`<ol aria-label=${invMsg('chooseStrategy')}>
      ${inventory.strategies.map((s) => {
        const second = this.secondWords.value;
        const secondLang = this.session.value?.roomLanguages[1]?.lang;
        const title = (lang: string) => ((lang === secondLang && second) || words).strategies.find((w) => w.id === s.id)?.title ?? s.id;
        return html`<li class=${s.id === activity.strategy ? 'here' : ''}>
          ${this.say(({ lang, of }) => `${title(lang)}: ${of(inventoryCatalog)('membersMarked', { started: s.started, members: joined, done: s.done })}`)}
          <progress aria-hidden="true" max=${Math.max(1, joined)} value=${s.done}></progress>
        </li>`;
      })}
    </ol>`;
  }
}

customElements.define('pd-inventory-progress', PdInventoryProgress);

declare global {
  interface HTMLElementTagNameMap {
    'pd-inventory-progress': PdInventoryProgress;
  }
}
