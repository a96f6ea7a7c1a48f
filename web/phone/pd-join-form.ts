import { LitElement, html } from 'lit';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../server/contract/parts.js';
import { groupName } from './group-names.js';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { msg, phoneCatalog } from './messages.js';
import { phoneStyles } from './phone-styles.js';

export interface JoinDetail {
  code: string;
  name: string;
  group: StakeholderGroup;
}

/**
 * Joining takes no account: the code (already filled in when the QR code was scanned), an
 * optional first name and a stakeholder group. Fires `pd-join` with those.
 */
export class PdJoinForm extends LitElement {
  static override styles = phoneStyles;
  static override properties = {
    code: { type: String },
    workshopTitle: { type: String },
    busy: { type: Boolean },
    error: { type: String },
  };

  /** The session code, when the link carried it. */
  declare code: string;
  /** The workshop's title, shown once the code is known. */
  declare workshopTitle: string;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    new LanguageController(this, phoneCatalog);
    this.code = '';
    this.workshopTitle = '';
    this.busy = false;
    this.error = '';
  }

  override render() {
    return html`
      <h1>${msg('joinTitle')}</h1>
      ${this.workshopTitle ? html`<p class="hint">${this.workshopTitle}</p>` : null}
      <form @submit=${this.submit}>
        ${this.code
          ? null
          : html`
              <label for="code">${msg('joinCodeLabel')}</label>
              <input id="code" name="code" autocomplete="off" autocapitalize="characters" inputmode="text" maxlength="6" required aria-describedby="code-hint" />
              <p class="hint" id="code-hint">${msg('joinCodeHint')}</p>
            `}
        <label for="name">${msg('joinNameLabel')}</label>
        <input id="name" name="name" autocomplete="given-name" maxlength="40" />
        <label for="group">${msg('joinGroupLabel')}</label>
        <select id="group" name="group" required>
          <option value="" disabled selected></option>
          ${STAKEHOLDER_GROUPS.map((g) => html`<option value=${g}>${groupName(g)}</option>`)}
        </select>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <div class="row"><button type="submit" ?disabled=${this.busy}>${this.busy ? msg('joining') : msg('joinButton')}</button></div>
      </form>
    `;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const code = (this.code || String(form.get('code') ?? '')).trim().toUpperCase();
    const detail: JoinDetail = { code, name: String(form.get('name') ?? '').trim(), group: String(form.get('group')) as StakeholderGroup };
    this.dispatchEvent(new CustomEvent<JoinDetail>('pd-join', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('pd-join-form', PdJoinForm);

declare global {
  interface HTMLElementTagNameMap {
    'pd-join-form': PdJoinForm;
  }
}
