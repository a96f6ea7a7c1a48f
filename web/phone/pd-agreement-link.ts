import { LitElement, html } from 'lit';
import type { AgreementNotePart } from '../shared/gallery-types.js';
import type { LiveSession } from '../shared/live-session.js';
import { msg } from './messages.js';
import { phoneStyles } from './phone-styles.js';
import { LivePartsController } from './live-parts-controller.js';

/**
 * Slides 24 and 27: the agreement is being assembled (take a break), then it is done and
 * anyone can open the printable page on their phone.
 */
export class PdAgreementLink extends LitElement {
  static override styles = phoneStyles;
  static override properties = {
    live: { attribute: false },
    kind: { type: String },
  };

  declare live: LiveSession;
  /** The slide's activity kind: agreement-builder or next-meeting. */
  declare kind: string;

  constructor() {
    super();
    this.kind = '';
    new LivePartsController(this);
  }

  override render() {
    const note = this.live.part<AgreementNotePart | null>('agreementNote');
    return html`
      <h2>${msg('agreementTitle')}</h2>
      ${note?.schoolName ? html`<p>${note.schoolName}</p>` : null}
      ${this.kind === 'agreement-builder' ? html`<p>${msg('agreementBody')}</p>` : null}
      ${note?.nextMeeting ? html`<p class="prompt">${msg('nextMeetingOn', { date: note.nextMeeting })}</p>` : null}
      <p><a href=${`/agreement/${this.live.code}`} target="_blank" rel="noopener">${msg('agreementOpen')}</a></p>
    `;
  }
}

customElements.define('pd-agreement-link', PdAgreementLink);

declare global {
  interface HTMLElementTagNameMap {
    'pd-agreement-link': PdAgreementLink;
  }
}
