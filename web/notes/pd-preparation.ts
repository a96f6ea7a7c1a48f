import { css, html } from 'lit';
import type { FieldValue, StandardItem } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { protocolMsg, type ProtocolMessageKey } from '../shared/protocol-messages.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { notesFormStyles } from './notes-form-styles.js';

/**
 * The school's part of the slide, filled in once before the meeting: each text in every
 * language of the deck, and the learning standards (code, text, subject area, grades) the
 * small groups pick from. What is saved is on the phones at once and on the projected
 * slide from its next load.
 */
export class PdPreparation extends StaffSlideElement {
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
      .standard {
        display: grid;
        grid-template-columns: 5em 6em 1fr 1fr 5em auto;
        gap: 0.3rem;
        align-items: end;
        margin: 0.3rem 0;
      }
      .standard label {
        font-size: 0.8rem;
      }
      textarea {
        width: 100%;
        min-height: 3.5em;
      }
    `,
  ];
  static override properties = { ...StaffSlideElement.properties, drafts: { state: true }, saved: { state: true } };
  /** Standards being edited, per field, before they are saved. */
  declare private drafts: Record<string, StandardItem[]>;
  declare private saved: string;

  constructor() {
    super();
    this.drafts = {};
    this.saved = '';
  }

  private get deckLang() {
    return this.deck?.lang ?? 'en';
  }

  private t(key: ProtocolMessageKey, values?: Record<string, string | number>) {
    return protocolMsg(this.deckLang, key, values);
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
                (lang) => html`<label for=${`${field.id}-${lang}`}>${this.t('textIn', { label: field.label, lang })}</label>
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
    const items = this.drafts[fieldId] ?? (value?.kind === 'standards' ? value.items : []);
    const first = languages[0];
    const set = (i: number, patch: Partial<StandardItem>) => {
      const next = items.map((item, k) => (k === i ? { ...item, ...patch } : item));
      this.drafts = { ...this.drafts, [fieldId]: next };
    };
    return html`<fieldset>
      <legend>${label}</legend>
      ${items.map(
        (item, i) => html`<div class="standard" role="group" aria-label=${`${label} ${i + 1}`}>
          <label>${this.t('standardId')}<input .value=${item.id} @change=${(e: Event) => set(i, { id: (e.target as HTMLInputElement).value.trim() })} /></label>
          <label>${this.t('standardCode')}<input .value=${item.code ?? ''} @change=${(e: Event) => set(i, { code: (e.target as HTMLInputElement).value.trim() || undefined })} /></label>
          <div>
            ${languages.map(
              (lang) => html`<label>${this.t('standardText', { lang })}<input
                  .value=${item.text[lang] ?? ''}
                  @change=${(e: Event) => set(i, { text: { ...item.text, [lang]: (e.target as HTMLInputElement).value } })}
              /></label>`,
            )}
          </div>
          <div>
            ${languages.map(
              (lang) => html`<label>${this.t('standardSubject', { lang })}<input
                  .value=${item.subject[lang] ?? ''}
                  @change=${(e: Event) => set(i, { subject: { ...item.subject, [lang]: (e.target as HTMLInputElement).value } })}
              /></label>`,
            )}
          </div>
          <label>${this.t('standardGrades')}<input .value=${item.grades ?? ''} @change=${(e: Event) => set(i, { grades: (e.target as HTMLInputElement).value.trim() || undefined })} /></label>
          <button type="button" @click=${() => (this.drafts = { ...this.drafts, [fieldId]: items.filter((_, k) => k !== i) })}>${this.t('removeStandard')}</button>
        </div>`,
      )}
      <button type="button" @click=${() => (this.drafts = { ...this.drafts, [fieldId]: [...items, { id: `s${items.length + 1}`, text: { [first]: '' }, subject: { [first]: '' } }] })}>
        ${this.t('addStandard')}
      </button>
      <button type="button" class="primary" @click=${() => this.save(fieldId, { kind: 'standards', items: items.map((item) => this.clean(item)) })}>${this.t('save')}</button>
    </fieldset>`;
  }

  /** Empty translations are left out: the slide then shows the first language's words. */
  private clean(item: StandardItem): StandardItem {
    const filled = (text: Record<string, string | undefined>) => Object.fromEntries(Object.entries(text).filter(([, v]) => v?.trim()));
    return { ...item, text: filled(item.text), subject: filled(item.subject) };
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
    if (done) {
      const { [fieldId]: _, ...rest } = this.drafts;
      this.drafts = rest;
      this.saved = this.t('prepareSaved');
    }
  }
}

customElements.define('pd-preparation', PdPreparation);

declare global {
  interface HTMLElementTagNameMap {
    'pd-preparation': PdPreparation;
  }
}
