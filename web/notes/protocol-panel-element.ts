import { LanguageController } from '../shared/i18n/page-catalog.js';
import { protocolCatalog, protocolMsg, type ProtocolMessageKey } from '../shared/protocol-messages.js';
import { StaffSlideElement } from '../shared/staff-element.js';

/**
 * A notes-view panel of the process protocol (the preparation, a group's board): its own
 * words come from the protocol's catalog in the facilitator's language, the deck's texts
 * in the deck's language.
 */
export class ProtocolPanelElement extends StaffSlideElement {
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);

  /** The deck's language, for its texts kept in several languages. */
  protected get deckLang() {
    return this.deck?.lang ?? 'en';
  }

  protected t(key: ProtocolMessageKey, values?: Record<string, string | number>) {
    return protocolMsg(key, values);
  }
}
