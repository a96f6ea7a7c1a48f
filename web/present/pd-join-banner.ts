import { css, html } from 'lit';
import { StaffElement } from '../shared/staff-element.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { staffMsg } from '../shared/staff-messages.js';

/**
 * The join banner over every slide: the code, the QR code of the join link and how many
 * have joined. Large on the opening slides, a corner card elsewhere; the facilitator can
 * hide it (and every screen agrees, because it is in the log).
 */
export class PdJoinBanner extends StaffElement {
  static override styles = [
    roomWordsStyles,
    css`
      :host {
        position: fixed;
        right: 1.2vw;
        top: 1.2vw;
        z-index: 30;
        font-family: system-ui, sans-serif;
      }
      .banner {
        display: flex;
        align-items: center;
        gap: 1rem;
        background: var(--pd-surface);
        color: var(--pd-ink);
        border: 2px solid var(--pd-primary);
        border-radius: 12px;
        padding: 0.6rem 0.9rem;
        box-shadow: 0 4px 18px rgb(0 0 0 / 0.18);
      }
      .banner:not(.large) {
        flex-direction: column;
        gap: 0.3rem;
        width: 10.5rem;
        text-align: center;
        padding: 0.5rem;
      }
      img {
        width: 7rem;
        height: 7rem;
        display: block;
      }
      .large {
        flex-direction: column;
        align-items: flex-start;
        text-align: left;
        width: 30vw;
        box-sizing: border-box;
        padding: 1.2rem 1.4rem;
      }
      .large img {
        width: min(26vw, 55vh);
        height: min(26vw, 55vh);
      }
      .code {
        font-size: 1.6rem;
        font-weight: 800;
        letter-spacing: 0.12em;
        font-family: ui-monospace, monospace;
      }
      .large .code {
        font-size: 3.2rem;
      }
      /* In the narrow corner card a long address breaks anywhere rather than spill out of it. */
      .url {
        font-size: 0.9rem;
        color: var(--pd-ink);
        overflow-wrap: anywhere;
      }
      .count {
        margin-top: 0.3rem;
        font-size: 1.1rem;
        font-weight: 600;
      }
      /*
       * On the opening slides, while people join, the back row reads what to type and how many
       * are in: sized with the screen as the slide is, so at least 22 px on a 1280-wide projector.
       */
      .large .url,
      .large .count {
        font-size: 1.8vw;
      }
    `,
  ];

  static override properties = {
    large: { type: Boolean },
    joinUrl: { type: String },
  };

  /** Shown large (on the opening slides) or as a corner card. */
  declare large: boolean;
  declare joinUrl: string;

  constructor() {
    super();
    this.large = false;
    this.joinUrl = '';
  }

  override render() {
    const live = this.live;
    const session = live?.part('session');
    const roster = live?.part('roster');
    if (!session || !session.bannerVisible) return null;
    return html`
      <section class="banner ${this.large ? 'large' : ''}" aria-label=${staffMsg('howToJoin')}>
        <img src=${live!.api['qr.svg'].$path({ param: { code: session.code } })} alt=${staffMsg('qrAlt')} />
        <div>
          <div class="url">${this.say(({ t }) => t('joinAt'), 'inline')} <strong>${typedJoinAddress(this.joinUrl)}</strong></div>
          <div class="url">${this.say(({ t }) => t('orEnterCode'))}</div>
          <div class="code" aria-label=${staffMsg('sessionCode')}>${session.code}</div>
          <div class="count" role="status">${this.say(({ t }) => t('joinedCount', { n: roster?.total ?? 0 }))}</div>
        </div>
      </section>
    `;
  }
}

/**
 * What a person types to join: the join page without the code (`school.org/join`), which asks
 * for the code shown below it. Shorter to type and to read than the link with the code in
 * it, which the QR code carries.
 */
function typedJoinAddress(joinUrl: string): string {
  return joinUrl.replace(/^https?:\/\//, '').replace(/\/join\/[A-Za-z0-9]+$/, '/join');
}

customElements.define('pd-join-banner', PdJoinBanner);

declare global {
  interface HTMLElementTagNameMap {
    'pd-join-banner': PdJoinBanner;
  }
}
