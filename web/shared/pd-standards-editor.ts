import { LitElement, css, html, type PropertyValues } from 'lit';
import { LanguageController } from './i18n/page-catalog.js';
import type { StandardItem } from '../../server/contract/parts.js';
import { languageName } from '../prepare/language-name.js';
import { protocolCatalog, protocolMsg, type ProtocolMessageKey } from './protocol-messages.js';

/** Fired by Save with the standards as typed, empty translations left out. */
export type StandardsSaveEvent = CustomEvent<StandardItem[]>;

/**
 * The learning standards a school lists for the small groups to pick from (the process
 * protocol's `standards` field): each with an id, a code, its text and subject area in every
 * language of the deck, and its grade levels. Used where the school prepares (the
 * preparation page) and on the notes view. Edits stay here until Save, which fires
 * `standards-save`; the page that holds the element stores them and hands back `items`.
 */
export class PdStandardsEditor extends LitElement {
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);
  static override styles = css`
    :host {
      display: block;
    }
    .standard {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
      gap: 0.3rem 0.6rem;
      align-items: end;
      margin: 0.4rem 0;
      padding: 0.4rem 0;
      border-bottom: 1px solid var(--pd-line, #ccc);
    }
    label {
      display: block;
      font-size: 0.85rem;
    }
    input {
      display: block;
      box-sizing: border-box;
      width: 100%;
      font: inherit;
      padding: 0.25rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
      margin-top: 0.4rem;
    }
    button {
      font: inherit;
      padding: 0.3rem 0.7rem;
      border-radius: 6px;
      border: 1px solid var(--pd-primary, #1f4e79);
      background: var(--pd-surface, #fff);
      color: var(--pd-primary, #1f4e79);
      cursor: pointer;
    }
    button.primary {
      background: var(--pd-primary, #1f4e79);
      color: var(--pd-on-primary, #fff);
    }
  `;

  static override properties = {
    label: {},
    languages: { attribute: false },
    // Compared by content: a page re-renders with a fresh array of the same standards (on
    // any live update), which must not throw away what is being typed.
    items: { attribute: false, hasChanged: (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b) },
    draft: { state: true },
  };

  /** The field's name, in the page's language ("Student learning standards"). */
  declare label: string;
  /** The deck's languages: a text and a subject area for each. */
  declare languages: string[];
  /** The standards as stored. */
  declare items: StandardItem[];
  /** The standards being edited, or null while nothing is changed. */
  declare private draft: StandardItem[] | null;

  constructor() {
    super();
    this.label = '';
    this.languages = ['en'];
    this.items = [];
    this.draft = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // What was stored replaces the edits it came from.
    if (changed.has('items')) this.draft = null;
  }

  private t(key: ProtocolMessageKey, values?: Record<string, string | number>) {
    return protocolMsg(key, values);
  }

  override render() {
    const items = this.draft ?? this.items;
    const first = this.languages[0] ?? 'en';
    const set = (i: number, patch: Partial<StandardItem>) => (this.draft = items.map((item, k) => (k === i ? { ...item, ...patch } : item)));
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`${items.map(
        (item, i) => html`<div class="standard" role="group" aria-label=${`${this.label} ${i + 1}`}>
          <label>${this.t('standardId')}<input .value=${item.id} @change=${(e: Event) => set(i, { id: value(e).trim() })} /></label>
          <label>${this.t('standardCode')}<input .value=${item.code ?? ''} @change=${(e: Event) => set(i, { code: value(e).trim() || undefined })} /></label>
          ${this.languages.map(
            (lang) => html`<label>${this.t('standardText', { lang: languageName(lang) })}<input .value=${item.text[lang] ?? ''} @change=${(e: Event) => set(i, { text: { ...item.text, [lang]: value(e) } })} /></label>`,
          )}
          ${this.languages.map(
            (lang) =>
              html`<label>${this.t('standardSubject', { lang: languageName(lang) })}<input .value=${item.subject[lang] ?? ''} @change=${(e: Event) => set(i, { subject: { ...item.subject, [lang]: value(e) } })} /></label>`,
          )}
          <label>${this.t('standardGrades')}<input .value=${item.grades ?? ''} @change=${(e: Event) => set(i, { grades: value(e).trim() || undefined })} /></label>
          <button type="button" @click=${() => (this.draft = items.filter((_, k) => k !== i))}>${this.t('removeStandard')}</button>
        </div>`,
      )}
      <div class="actions">
        <button type="button" @click=${() => (this.draft = [...items, { id: this.freeId(items), text: { [first]: '' }, subject: { [first]: '' } }])}>${this.t('addStandard')}</button>
        <button type="button" class="primary" @click=${() => this.save(items)}>${this.t('saveStandards')}</button>
      </div>`;
  }

  /** An id no standard has yet: ids are what groups' picks and notes refer to, so they stay unique. */
  private freeId(items: StandardItem[]): string {
    let n = items.length + 1;
    while (items.some((item) => item.id === `s${n}`)) n++;
    return `s${n}`;
  }

  private save(items: StandardItem[]) {
    // Empty translations are left out: the slide then shows the first language's words.
    const filled = (text: Record<string, string | undefined>) => Object.fromEntries(Object.entries(text).filter(([, v]) => v?.trim()));
    const clean = items.map((item) => ({ ...item, text: filled(item.text), subject: filled(item.subject) }));
    this.dispatchEvent(new CustomEvent('standards-save', { detail: clean, bubbles: true, composed: true }));
  }
}

customElements.define('pd-standards-editor', PdStandardsEditor);

declare global {
  interface HTMLElementTagNameMap {
    'pd-standards-editor': PdStandardsEditor;
  }
  interface HTMLElementEventMap {
    'standards-save': StandardsSaveEvent;
  }
}
