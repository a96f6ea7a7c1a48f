import { html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { groupName, type JoinGroup } from './group-names.js';
import { msg } from './messages.js';
import { PhoneElement } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

/**
 * "You joined as Ana (Parent)" with a way to change it: a person who mistyped their name
 * or picked the wrong group fixes it here, keeping their answers (the same person, renamed).
 */
export class PdEditMe extends PhoneElement {
  static override styles = phoneStyles;
  static override properties = { editing: { state: true }, groups: { attribute: false } };
  declare private editing: boolean;
  /** The deck's stakeholder groups, as the join form offered them. */
  declare groups: readonly JoinGroup[];

  constructor() {
    super();
    this.editing = false;
    this.groups = [];
  }

  override render() {
    const live = this.live;
    const me = live?.part('me');
    if (!live || !me) return null;
    const who = msg('youAre', { name: `${me.name || msg('guest')} (${groupName(this.groups, me.group)})` });
    if (!this.editing) {
      return html`<span>${who}</span> <button class="secondary" @click=${() => (this.editing = true)}>${msg('changeMe')}</button>`;
    }
    const save = async (event: SubmitEvent) => {
      event.preventDefault();
      const form = new FormData(event.target as HTMLFormElement);
      const name = String(form.get('name') ?? '').trim();
      const group = String(form.get('group'));
      const saved = await this.writes.run(() => bodyOf(live.api.participants.me.$put({ param: { code: live.code }, json: name ? { name, group } : { group } })));
      if (saved) this.editing = false;
    };
    return html`<form @submit=${save} aria-label=${msg('changeMe')}>
      <label for="me-name">${msg('joinNameLabel')}</label>
      <input id="me-name" name="name" autocomplete="given-name" maxlength="40" .value=${me.name} />
      <label for="me-group">${msg('joinGroupLabel')}</label>
      <select id="me-group" name="group" required>
        ${this.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === me.group}>${groupName(this.groups, g.id)}</option>`)}
      </select>
      ${this.writes.alert()}
      <div class="row">
        <button type="submit">${msg('saveMe')}</button>
        <button type="button" class="secondary" @click=${() => (this.editing = false)}>${msg('cancel')}</button>
      </div>
    </form>`;
  }
}

customElements.define('pd-edit-me', PdEditMe);

declare global {
  interface HTMLElementTagNameMap {
    'pd-edit-me': PdEditMe;
  }
}
