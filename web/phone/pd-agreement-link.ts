import { html } from 'lit';
import { formatPreparedDate } from './format-date.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

/**
 * Slides 24 and 27: the agreement is being assembled (take a break), then it is done and
 * anyone can open the printable page on their phone.
 */
export class PdAgreementLink extends PhoneActivityElement<'agreement-builder' | 'next-meeting'> {
  static override styles = phoneStyles;
  protected readonly kinds = ['agreement-builder', 'next-meeting'] as const;

  protected override renderScreen({ live, activity }: ActivityScreen<'agreement-builder' | 'next-meeting'>) {
    const note = live.part('agreementNote');
    return html`
      <h2>${msg('agreementTitle')}</h2>
      ${note?.schoolName ? html`<p>${note.schoolName}</p>` : null}
      ${activity.kind === 'agreement-builder' ? html`<p>${msg('agreementBody')}</p>` : null}
      ${note?.nextMeetingDate
        ? html`<p class="prompt">${msg('nextMeetingOn', { date: formatPreparedDate(note.nextMeetingDate) })}</p>`
        : null}
      <p><a href=${`/agreement/${live.code}`} target="_blank" rel="noopener">${msg('agreementOpen')}</a></p>
    `;
  }
}

customElements.define('pd-agreement-link', PdAgreementLink);

declare global {
  interface HTMLElementTagNameMap {
    'pd-agreement-link': PdAgreementLink;
  }
}
