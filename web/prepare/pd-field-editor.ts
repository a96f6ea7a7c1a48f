import { css, html, type PropertyValues } from 'lit';
import type { FieldValue } from '../../server/deck/render-slide.js';
import { ApiError, apiError, bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import '../shared/pd-standards-editor.js';
import type { StandardsSaveEvent } from '../shared/pd-standards-editor.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { languageName } from './language-name.js';
import { prepareStyles } from './prepare-styles.js';

/** One customisable field as the preparation route lists it. */
export interface PreparedField {
  id: string;
  kind: 'text' | 'quote' | 'image' | 'standards';
  label: string;
  description: string;
  slide: number;
  slideTitle: string;
}

/** The same limit the server holds to (server/features/preparation/image-store.ts). */
const MAX_IMAGE_MB = 5;

/**
 * One customisable field of the deck, filled in the deck's languages: a text, a quotation
 * with its source, a list of learning standards, or an image (uploaded to this server, PNG or JPEG) with a description
 * for anyone who cannot see it. Saving stores it in the session's log; the slide shows it
 * at once. Clearing it leaves the slide with its title and the guide's points.
 */
export class PdFieldEditor extends StaffElement {
  static override styles = [
    staffStyles,
    prepareStyles,
    css`
      :host {
        display: block;
      }
      img {
        max-width: 14rem;
        max-height: 9rem;
        border: 1px solid var(--pd-line);
        display: block;
        margin-top: 0.4rem;
      }
      .state {
        font-weight: 600;
      }
      .unfilled {
        color: var(--pd-warning-ink, #8a4b00);
      }
    `,
  ];

  static override properties = {
    field: { attribute: false },
    languages: { attribute: false },
    value: { attribute: false },
    staffKey: { attribute: false },
    status: { state: true },
  };

  declare field: PreparedField;
  declare languages: string[];
  /** What is stored for the field now, or undefined while it is unfilled. */
  declare value: FieldValue | undefined;
  /** The lead's key, for the image upload (sent as a raw body, outside the session's JSON outbox). */
  declare staffKey: string;
  declare private status: string;

  constructor() {
    super();
    this.languages = [];
    this.status = '';
    this.staffKey = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && changed.get('value') !== undefined) this.status = '';
  }

  override render() {
    const { field } = this;
    const filled = this.value !== undefined;
    return html`<section aria-label=${field.label}>
      <h3>${staffMsg('prepSlideField', { slide: field.slide, title: field.slideTitle })} · ${field.label}</h3>
      <p class="hint">${field.description}</p>
      <p class="state ${filled ? '' : 'unfilled'}">${staffMsg(filled ? 'prepFilled' : 'prepUnfilled')}</p>
      ${field.kind === 'standards' ? this.renderStandards() : this.renderForm(filled)}
    </section>`;
  }

  private renderForm(filled: boolean) {
    return html`<form @submit=${this.save}>
      ${this.field.kind === 'image' ? this.renderImage() : this.renderTexts()}
      <div class="row">
        <button class="primary" type="submit">${staffMsg('prepSave')}</button>
        ${filled ? html`<button type="button" @click=${this.clear}>${staffMsg('prepClear')}</button>` : null}
        ${this.status ? html`<span role="status">${this.status}</span>` : null}
      </div>
      ${this.writes.alert()}
    </form>`;
  }

  /** A list of learning standards (the process protocol's): its own editor, saved as a whole; none left is the field cleared. */
  private renderStandards() {
    return html`<pd-standards-editor
        label=${this.field.label}
        .languages=${this.languages}
        .items=${this.value?.kind === 'standards' ? this.value.items : []}
        @standards-save=${(e: StandardsSaveEvent) => this.store(e.detail.length ? { kind: 'standards', items: e.detail } : null)}
      ></pd-standards-editor>
      ${this.status ? html`<p role="status">${this.status}</p>` : null} ${this.writes.alert()}`;
  }

  private renderTexts() {
    const value = this.value;
    const quote = this.field.kind === 'quote';
    return html`<div class="languages">
      ${this.languages.map((lang) => {
        const language = languageName(lang);
        const text = value && (value.kind === 'text' || value.kind === 'quote') ? (value.text[lang] ?? '') : '';
        const source = value?.kind === 'quote' ? (value.source[lang] ?? '') : '';
        return html`<div>
          <label for=${`text-${lang}`}>${staffMsg(quote ? 'prepQuoteIn' : 'prepTextIn', { language })}</label>
          <textarea id=${`text-${lang}`} name=${`text-${lang}`} maxlength="2000" .value=${text}></textarea>
          ${quote
            ? html`<label for=${`source-${lang}`}>${staffMsg('prepSourceIn', { language })}</label>
                <input id=${`source-${lang}`} name=${`source-${lang}`} maxlength="300" .value=${source} />`
            : null}
        </div>`;
      })}
    </div>`;
  }

  private renderImage() {
    const value = this.value?.kind === 'image' ? this.value : undefined;
    return html`
      ${value ? html`<img src=${value.src} alt=${value.alt[this.languages[0]] ?? ''} />` : null}
      <label for="file">${staffMsg('prepImageFile', { mb: MAX_IMAGE_MB })}</label>
      <input id="file" name="file" type="file" accept="image/png,image/jpeg" />
      <div class="languages">
        ${this.languages.map(
          (lang) => html`<div>
            <label for=${`alt-${lang}`}>${staffMsg('prepAltIn', { language: languageName(lang) })}</label>
            <input id=${`alt-${lang}`} name=${`alt-${lang}`} maxlength="300" .value=${value?.alt[lang] ?? ''} />
          </div>`,
        )}
      </div>
    `;
  }

  private readonly save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const byLanguage = (prefix: string) => Object.fromEntries(this.languages.map((lang) => [lang, String(form.get(`${prefix}-${lang}`) ?? '').trim()]).filter(([, text]) => text));
    let value: FieldValue | null;
    if (this.field.kind === 'image') {
      const file = form.get('file');
      let src = this.value?.kind === 'image' ? this.value.src : '';
      if (file instanceof File && file.size > 0) {
        const uploaded = await this.writes.run(() => this.upload(file));
        if (!uploaded) return;
        src = uploaded;
      }
      if (!src) {
        this.status = staffMsg('prepChooseImage');
        return;
      }
      value = { kind: 'image', src, alt: byLanguage('alt') };
    } else if (this.field.kind === 'quote') {
      value = { kind: 'quote', text: byLanguage('text'), source: byLanguage('source') };
    } else {
      value = { kind: 'text', text: byLanguage('text') };
    }
    // Nothing typed in any language is the same as clearing the field.
    if (value.kind !== 'image' && Object.keys(value.text).length === 0) value = null;
    await this.store(value);
  };

  private readonly clear = () => this.store(null);

  private async store(value: FieldValue | null) {
    const live = this.live;
    if (!live) return;
    const saved = await this.writes.run(() => bodyOf(live.api.preparation.fields[':fieldId'].$put({ param: { code: live.code, fieldId: this.field.id }, json: { value } })));
    if (saved) this.status = staffMsg(value ? 'prepSaved' : 'prepCleared');
  }

  /** The image's bytes to the server, which checks them; its answer is the path the slide loads it from. */
  private async upload(file: File): Promise<string> {
    const live = this.live!;
    const res = await fetch(`/api/sessions/${live.code}/preparation/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.staffKey}`, 'content-type': file.type || 'application/octet-stream', 'idempotency-key': `image-${crypto.randomUUID()}` },
      body: file,
    });
    if (!res.ok) throw await apiError(res);
    const body = (await res.json()) as { src?: string };
    if (!body.src) throw new ApiError(500, 'error', 'The server did not say where the image is.');
    return body.src;
  }
}

customElements.define('pd-field-editor', PdFieldEditor);

declare global {
  interface HTMLElementTagNameMap {
    'pd-field-editor': PdFieldEditor;
  }
}
