import { LitElement, css, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { MyGroup } from '../shared/moves-types.js';
import { errorMessage } from './error-message.js';
import { msg } from './messages.js';
import { phoneStyles } from './phone-styles.js';
import { FollowLive } from './follow-live.js';

/** The person's group number, very large, and who is in it; or a way to join a group late. */
export class PdMyGroup extends LitElement {
  static override styles = [
    phoneStyles,
    css`
      .number {
        text-align: center;
        font-size: 6rem;
        font-weight: 800;
        line-height: 1;
        color: #1a4fa3;
        margin: 0.5rem 0 1rem;
      }
      ul {
        padding-left: 1.2rem;
      }
    `,
  ];

  static override properties = { live: { attribute: false }, group: { attribute: false }, error: { state: true } };
  declare live: LiveSession;
  declare group: MyGroup | null;
  declare private error: string;

  constructor() {
    super();
    new FollowLive(this);
    this.error = '';
  }

  override render() {
    if (!this.group) {
      return html`<p>${msg('notInGroup')}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
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
      void this.join();
    }
  }

  private async join() {
    try {
      await this.live.send('POST', '/lineup/join');
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}

customElements.define('pd-my-group', PdMyGroup);

declare global {
  interface HTMLElementTagNameMap {
    'pd-my-group': PdMyGroup;
  }
}
