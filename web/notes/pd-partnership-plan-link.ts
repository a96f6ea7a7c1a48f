import { html } from 'lit';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { protocolCatalog, protocolMsg } from '../shared/protocol-messages.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';

/**
 * The way from the notes view to the plan page, where the facilitator places the strategies
 * on the continuum and fills in the Partnership Plan. This browser keeps the facilitator's
 * key, so the plan page opened from here can edit; anyone else's copy is read-only.
 */
export class PdPartnershipPlanLink extends StaffElement {
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);
  static override styles = staffStyles;

  override render() {
    const live = this.live;
    if (!live) return null;
    return html`<p><a href=${`/partnership-plan/${live.code}`} target="_blank" rel="noopener">${protocolMsg('planPage')}</a></p>`;
  }
}

customElements.define('pd-partnership-plan-link', PdPartnershipPlanLink);

declare global {
  interface HTMLElementTagNameMap {
    'pd-partnership-plan-link': PdPartnershipPlanLink;
  }
}
