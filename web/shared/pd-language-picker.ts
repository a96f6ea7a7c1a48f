import { LitElement, css, html } from 'lit';
import { LanguageController, type PageCatalog } from './i18n/page-catalog.js';

/**
 * The page's language menu: every language its family of catalogs is written in, each
 * named in itself ("Español"), so a reader finds their own whatever the page shows now.
 */
export class PdLanguagePicker extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      flex-wrap: wrap;
    }
    select {
      font: inherit;
      padding: 0.3rem 0.5rem;
      border: 2px solid var(--pd-field);
      border-radius: 8px;
      background: var(--pd-surface);
      color: var(--pd-ink);
      min-height: 2.75rem;
    }
    select:focus {
      outline: 3px solid var(--pd-focus);
      outline-offset: 2px;
    }
  `;

  static override properties = { catalog: { attribute: false }, label: { type: String } };

  /** The page's catalogs. */
  declare catalog: PageCatalog<never> | undefined;
  /** "Language", in the page's language. */
  declare label: string;
  private controller: LanguageController | null = null;

  constructor() {
    super();
    this.catalog = undefined;
    this.label = '';
  }

  override willUpdate(): void {
    if (this.catalog && !this.controller) this.controller = new LanguageController(this, this.catalog);
  }

  override render() {
    const catalog = this.catalog;
    if (!catalog || catalog.current.languages.length < 2) return null;
    return html`<label for="language">${this.label}</label>
      <select id="language" @change=${(e: Event) => void catalog.use((e.target as HTMLSelectElement).value)}>
        ${catalog.current.languages.map((l) => html`<option value=${l.code} lang=${l.code} ?selected=${l.code === catalog.lang}>${l.name}</option>`)}
      </select>`;
  }
}

customElements.define('pd-language-picker', PdLanguagePicker);

declare global {
  interface HTMLElementTagNameMap {
    'pd-language-picker': PdLanguagePicker;
  }
}
