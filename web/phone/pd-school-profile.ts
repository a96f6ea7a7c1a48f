import { html } from 'lit';
import type { FieldValue } from '../../server/contract/parts.js';
import { inLanguage } from '../shared/text-in-language.js';
import { currentLanguage, msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

/** A prepared text as the slide shows it: lines starting with "- " are a list, other lines paragraphs. */
function prose(text: string) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const items = lines.filter((l) => l.startsWith('- '));
  if (items.length === lines.length) return html`<ul>${items.map((l) => html`<li>${l.slice(2)}</li>`)}</ul>`;
  return lines.map((l) => html`<p>${l.replace(/^- /, '• ')}</p>`);
}

/**
 * What the school prepared (its vision, Graduate Profile, standards, needs) on the slides
 * that present it, so a partner can read at their own pace in their language.
 */
export class PdSchoolProfile extends PhoneActivityElement<'school-profile'> {
  static override styles = phoneStyles;
  protected readonly kinds = ['school-profile'] as const;

  protected override renderScreen(_screen: ActivityScreen<'school-profile'>) {
    const move = this.move('school-profile');
    const lang = currentLanguage();
    return html`
      <h1>${msg('profileTitle')}</h1>
      ${(move?.fields ?? []).map(
        (field) => html`<section aria-label=${field.label}>
          <h2>${field.label}</h2>
          ${field.value ? this.value(field.value, lang) : html`<p class="hint">${msg('profileEmpty')}</p>`}
        </section>`,
      )}
    `;
  }

  private value(value: FieldValue, lang: string) {
    switch (value.kind) {
      case 'text':
        return prose(inLanguage(value.text, lang));
      case 'quote':
        return html`<blockquote>${inLanguage(value.text, lang)}<br /><span class="hint">— ${inLanguage(value.source, lang)}</span></blockquote>`;
      case 'image':
        return html`<img src=${value.src} alt=${inLanguage(value.alt, lang)} style="max-width:100%" />`;
      case 'standards':
        return html`<ul>
          ${value.items.map((s) => html`<li>${s.code ? html`<strong>${s.code}</strong> ` : null}${inLanguage(s.text, lang)} <span class="hint">(${inLanguage(s.subject, lang)}${s.grades ? `, ${s.grades}` : ''})</span></li>`)}
        </ul>`;
    }
  }
}

customElements.define('pd-school-profile', PdSchoolProfile);

declare global {
  interface HTMLElementTagNameMap {
    'pd-school-profile': PdSchoolProfile;
  }
}
