import { LitElement, html } from 'lit';
import type { StakeholderGroup } from '../../server/contract/parts.js';
import { groupName, type JoinGroup } from './group-names.js';
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
    groups: { attribute: false },
  };

  /** The session code, when the link carried it. */
  declare code: string;
  /** The workshop's title, shown once the code is known. */
  declare workshopTitle: string;
  declare busy: boolean;
  declare error: string;
  /** The groups the session's deck offers (Module 1's six, a district team's own…). */
  declare groups: JoinGroup[];

  constructor() {
    super();
    new LanguageController(this, phoneCatalog);
    this.code = '';
    this.workshopTitle = '';
    this.busy = false;
    this.error = '';
    this.groups = [];
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
              <input id="code" name="code" autocomplete="off" autocapitalize="characters" inputmode="text" maxlength="6" required aria-describedby="code-hint" @input=${this.codeTyped} />
              <p class="hint" id="code-hint">${msg('joinCodeHint')}</p>
            `}
        <label for="name">${msg('joinNameLabel')}</label>
        <input id="name" name="name" autocomplete="given-name" maxlength="40" />
        <label for="group">${msg('joinGroupLabel')}</label>
        <select id="group" name="group" required>
          <option value="" disabled selected></option>
          ${this.groups.map((g) => html`<option value=${g.id}>${groupName(this.groups, g.id)}</option>`)}
        </select>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <div class="row"><button type="submit" ?disabled=${this.busy}>${this.busy ? msg('joining') : msg('joinButton')}</button></div>
      </form>
    `;
  }

  /** A complete code is looked up at once: the groups a person chooses from are the session's deck's. */
  private codeTyped(event: InputEvent) {
    const code = (event.target as HTMLInputElement).value.trim().toUpperCase();
    if (!/^[A-Z0-9]{6}$/.test(code)) return;
    this.dispatchEvent(new CustomEvent<string>('pd-code', { detail: code, bubbles: true, composed: true }));
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const code = (this.code || String(form.get('code') ?? '')).trim().toUpperCase();
    const detail: JoinDetail = { code, name: String(form.get('name') ?? '').trim(), group: String(form.get('group')) };
    this.dispatchEvent(new CustomEvent<JoinDetail>('pd-join', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('pd-join-form', PdJoinForm);

declare global {
  interface HTMLElementTagNameMap {
    'pd-join-form': PdJoinForm;
  }
}
