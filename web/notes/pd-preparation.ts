import { css, html } from 'lit';
import type { FieldValue } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { languageName } from '../prepare/language-name.js';
import '../shared/pd-standards-editor.js';
import type { StandardsSaveEvent } from '../shared/pd-standards-editor.js';
import { staffStyles } from '../shared/staff-styles.js';
import { notesFormStyles } from './notes-form-styles.js';
import { ProtocolPanelElement } from './protocol-panel-element.js';

/**
 * The school's part of the slide, filled in once before the meeting: each text in every
 * language of the deck, and the learning standards (code, text, subject area, grades) the
 * small groups pick from. What is saved is on the phones at once and on the projected
 * slide from its next load.
 */
export class PdPreparation extends ProtocolPanelElement {
  static override styles = [
    staffStyles,
    notesFormStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 1px solid var(--pd-line);
        border-radius: 6px;
        margin: 0.6rem 0;
      }
      textarea {
        width: 100%;
        min-height: 3.5em;
      }
    `,
  ];
  static override properties = { ...ProtocolPanelElement.properties, saved: { state: true } };
  declare private saved: string;

  constructor() {
    super();
    this.saved = '';
  }

  override render() {
    const slide = this.deck?.slides[this.slide - 1];
    const values = this.live?.part('preparation')?.fields ?? {};
    if (!slide) return null;
    // A school-profile slide presents fields declared anywhere in the deck (the vision is
    // declared on step 1's slide); any other slide, its own.
    const declared = new Map(this.deck.slides.flatMap((s) => s.customisable.map((f) => [f.id, f] as const)));
    const activity = slide.activity;
    const fields = activity?.kind === 'school-profile' ? activity.fields.flatMap((id) => declared.get(id) ?? []) : slide.customisable;
    if (fields.length === 0) return null;
    const languages = this.deck?.languages ?? [this.deckLang];
    return html`<h3>${this.t('prepareTitle')}</h3>
      <p class="hint">${this.t('prepareHint')}</p>
      ${fields.map((field) => {
        const value = values[field.id] as FieldValue | undefined;
        if (field.kind === 'text') {
          const text = value?.kind === 'text' ? value.text : {};
          return html`<form @submit=${(e: SubmitEvent) => this.saveText(e, field.id, languages)}>
            <fieldset>
              <legend>${field.label}</legend>
              ${languages.map(
                (lang) => html`<label for=${`${field.id}-${lang}`}>${this.t('textIn', { label: field.label, lang: languageName(lang) })}</label>
                  <textarea id=${`${field.id}-${lang}`} name=${lang} .value=${text[lang] ?? ''}></textarea>`,
              )}
              <button type="submit">${this.t('save')}</button>
            </fieldset>
          </form>`;
        }
        if (field.kind === 'standards') return this.renderStandards(field.id, field.label, value, languages);
        return null;
      })}
      ${this.writes.alert()}
      ${this.saved ? html`<p role="status" class="hint">${this.saved}</p>` : null}`;
  }

  private renderStandards(fieldId: string, label: string, value: FieldValue | undefined, languages: string[]) {
    return html`<fieldset>
      <legend>${label}</legend>
      <pd-standards-editor
        label=${label}
        .languages=${languages}
        .items=${value?.kind === 'standards' ? value.items : []}
        @standards-save=${(e: StandardsSaveEvent) => this.save(fieldId, { kind: 'standards', items: e.detail })}
      ></pd-standards-editor>
    </fieldset>`;
  }

  private saveText(event: SubmitEvent, fieldId: string, languages: string[]) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = Object.fromEntries(languages.map((lang) => [lang, String(data.get(lang) ?? '').trim()]).filter(([, v]) => v));
    return this.save(fieldId, Object.keys(text).length ? { kind: 'text', text } : null);
  }

  private async save(fieldId: string, value: FieldValue | null) {
    const live = this.live;
    if (!live) return;
    this.saved = '';
    const done = await this.writes.run(() => bodyOf(live.api.preparation.fields[':fieldId'].$put({ param: { code: live.code, fieldId }, json: { value } })));
    if (done) this.saved = this.t('prepareSaved');
  }
}

customElements.define('pd-preparation', PdPreparation);

declare global {
  interface HTMLElementTagNameMap {
    'pd-preparation': PdPreparation;
  }
}
