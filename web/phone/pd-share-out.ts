import { html } from 'lit';
import { inLanguage } from '../shared/text-in-language.js';
import { currentLanguage, msg } from './messages.js';
import { PhoneActivityElement } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

/** The share-out on a phone: the group on the screen, its standards and agreed activities, readable up close. */
export class PdShareOut extends PhoneActivityElement<'share-out'> {
  static override styles = phoneStyles;
  protected readonly kinds = ['share-out'] as const;

  protected override renderScreen() {
    const move = this.move('share-out');
    const group = move?.group;
    if (!move || !group) return html`<h1>${msg('watchTitle')}</h1><p class="hint">${msg('shareNone')}</p>`;
    const lang = currentLanguage();
    return html`
      <h1>${msg('shareTitle', { n: group.number })}</h1>
      <p class="hint">${msg('shareOf', { i: move.index + 1, count: move.count })}</p>
      <ul>
        ${group.standards.map((s) => html`<li>${[s.code, inLanguage(s.text, lang)].filter(Boolean).join(' ')}</li>`)}
      </ul>
      ${group.activities.map(
        (a) => html`<div class="card" role="group" aria-label=${a.name}>
          <span class="side">${a.name}</span>
          <p class="text">${a.activity}</p>
          ${a.partnerRoles ? html`<p class="hint">${a.partnerRoles}</p>` : null}
        </div>`,
      )}
    `;
  }
}

customElements.define('pd-share-out', PdShareOut);

declare global {
  interface HTMLElementTagNameMap {
    'pd-share-out': PdShareOut;
  }
}
