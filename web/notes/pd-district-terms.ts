import { LanguageController } from '../shared/i18n/page-catalog.js';
import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { bodyOf, type SessionApi, type SuccessBody } from '../shared/live/api-client.js';
import { inventoryCatalog, invMsg, languageName } from '../shared/inventory-messages.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { notesFormStyles } from './notes-form-styles.js';

type Terms = SuccessBody<Awaited<ReturnType<SessionApi['terms']['$get']>>>;

/**
 * The district's own names for what the deck calls SAC, UIP, Title I and the like, set in
 * preparation (or later) for every language of the deck. Saved, they fill the slides, the
 * phones' inventory and the plan at once. Shown only for a deck that declares terms.
 */
export class PdDistrictTerms extends StaffElement {
  /** Its own words are the inventory's (the page's other words, the staff catalog's, re-render it through the base class). */
  private readonly inventoryLanguage = new LanguageController(this, inventoryCatalog);
  static override styles = [
    staffStyles,
    notesFormStyles,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.4rem 0.8rem;
      }
      label {
        display: flex;
        flex-direction: column;
        font-size: 0.9rem;
      }
      .hint {
        font-size: 0.85rem;
        color: var(--pd-ink-soft);
      }
    `,
  ];

  static override properties = { savedNote: { state: true } };
  declare private savedNote: boolean;
  private get readerLang(): string {
    return inventoryCatalog.lang;
  }

  private readonly terms = new Task(this, {
    task: async ([live], { signal }) => (live ? bodyOf(live.api.terms.$get({ param: { code: live.code } }, { init: { signal } })) : null),
    args: () => [this.live] as const,
  });

  constructor() {
    super();
    this.savedNote = false;
  }

  override render() {
    const terms = this.terms.value;
    if (!terms || terms.terms.length === 0) return nothing;
    const lang = this.readerLang;
    return html`<details>
      <summary>${invMsg('termsTitle')}</summary>
      <p class="hint">${invMsg('termsHint')}</p>
      <form @submit=${(e: SubmitEvent) => this.save(e, terms)}>
        <div class="grid">
          ${terms.terms.flatMap((term) =>
            terms.languages.map((l) => {
              const words = term.byLanguage[lang] ?? term.byLanguage[l];
              return html`<label
                >${invMsg('termsField', { term: words.label, language: languageName(l) })}
                <input name=${`${term.id}.${l}`} maxlength="120" placeholder=${term.byLanguage[l].default} .value=${terms.values[term.id]?.[l] ?? ''} title=${words.description}
              /></label>`;
            }),
          )}
        </div>
        ${this.writes.alert()} ${this.savedNote ? html`<p role="status">${invMsg('termsSaved')}</p>` : nothing}
        <button class="primary" type="submit">${invMsg('termsSave')}</button>
      </form>
    </details>`;
  }

  private async save(event: SubmitEvent, terms: Terms) {
    event.preventDefault();
    const live = this.live;
    if (!live) return;
    const fields = new FormData(event.target as HTMLFormElement);
    const values: Record<string, Record<string, string>> = {};
    for (const term of terms.terms) for (const l of terms.languages) (values[term.id] ??= {})[l] = String(fields.get(`${term.id}.${l}`) ?? '');
    this.savedNote = false;
    const saved = await this.writes.run(() => bodyOf(live.api.terms.$put({ param: { code: live.code }, json: { values } })));
    if (saved) {
      this.savedNote = true;
      void this.terms.run();
    }
  }
}

customElements.define('pd-district-terms', PdDistrictTerms);

declare global {
  interface HTMLElementTagNameMap {
    'pd-district-terms': PdDistrictTerms;
  }
}
