import { css, html } from 'lit';
import type { MyGroup } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { msg } from './messages.js';
import { PhoneElement } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

/** The person's group number, very large, and who is in it; or a way to join a group late. */
export class PdMyGroup extends PhoneElement {
  static override styles = [
    phoneStyles,
    css`
      .number {
        text-align: center;
        font-size: 6rem;
        font-weight: 800;
        line-height: 1;
        color: var(--pd-primary);
        margin: 0.5rem 0 1rem;
      }
      ul {
        padding-left: 1.2rem;
      }
    `,
  ];

  static override properties = { group: { attribute: false } };
  /** The person's group (from their `myMoves` part), or null while they have none. */
  declare group: MyGroup | null;

  constructor() {
    super();
    this.group = null;
  }

  override render() {
    if (!this.group) {
      return html`<p>${msg('notInGroup')}</p>
        ${this.writes.alert()}
        <div class="row"><button @click=${this.join}>${msg('joinAGroup')}</button></div>`;
    }
    return html`
      <h1>${msg('yourGroup')}</h1>
      <p class="number" aria-label=${msg('groupNumber', { n: this.group.number })}>${this.group.number}</p>
      <h2>${msg('groupMembers')}</h2>
      <ul>
        ${this.group.members.map((m) => html`<li>${m.name || msg('guest')}${m.me ? ` (${msg('you')})` : ''}</li>`)}
      </ul>
    `;
  }

  /** A late joiner goes to the smallest group by themselves; the button stays for a retry. */
  private askedToJoin = false;
  override updated(): void {
    if (!this.group && !this.askedToJoin && this.live) {
      this.askedToJoin = true;
      this.join();
    }
  }

  private join() {
    const live = this.live;
    if (live) void this.writes.run(() => bodyOf(live.api.lineup.join.$post({ param: { code: live.code } })));
  }
}

customElements.define('pd-my-group', PdMyGroup);

declare global {
  interface HTMLElementTagNameMap {
    'pd-my-group': PdMyGroup;
  }
}
