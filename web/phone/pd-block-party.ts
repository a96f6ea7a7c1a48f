import { LitElement, css, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { BlockPartyMove, MyMovesPart } from '../shared/moves-types.js';
import type { MePart } from '../shared/view-types.js';
import { errorMessage } from './error-message.js';
import { currentLanguage, msg } from './messages.js';
import { phoneStyles } from './phone-styles.js';
import './pd-my-group.js';
import { FollowLive } from './follow-live.js';

/**
 * Block Party on the phone. During a round: the person's own card in large text, to read
 * to a partner. During the line-up: birth month and day (or skip). Once grouped: the
 * group number, very large.
 */
export class PdBlockParty extends LitElement {
  static override styles = [
    phoneStyles,
    css`
      .read {
        font-size: 1.6rem;
        line-height: 1.35;
      }
      .pair {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.75rem;
      }
    `,
  ];

  static override properties = {
    live: { attribute: false },
    slide: { type: Number },
    me: { attribute: false },
    busy: { state: true },
    error: { state: true },
  };

  declare live: LiveSession;
  declare slide: number;
  declare me: MePart;
  declare private busy: boolean;
  declare private error: string;

  constructor() {
    super();
    new FollowLive(this);
    this.busy = false;
    this.error = '';
  }

  override render() {
    const move = this.live.part<BlockPartyMove | null>('move');
    const mine = this.live.part<MyMovesPart>('myMoves');
    if (!move || !mine) return null;
    if (move.lineup === 'grouped') return html`<pd-my-group .live=${this.live} .group=${mine.group}></pd-my-group>`;
    if (move.lineup === 'open') return this.renderLineup(mine);
    return this.renderRound(move);
  }

  private renderRound(move: BlockPartyMove) {
    // The card to read: the person's most recent card before this slide (both sides of a two-sided card).
    const earlier = this.me.cards.filter((c) => c.slide < this.slide);
    const lastSlide = Math.max(0, ...earlier.map((c) => c.slide));
    const cards = earlier.filter((c) => c.slide === lastSlide);
    return html`
      ${move.round > 0 ? html`<h1>${msg('roundTitle', { n: move.round })}: ${move.prompt}</h1>` : html`<p>${msg('blockPartyWalk')}</p>`}
      ${cards.length
        ? html`<p>${msg('roundRead')}</p>
            ${cards.map(
              (c, i) => html`<div class="card">
                ${cards.length > 1 ? html`<span class="side">${i === 0 ? msg('cardFront') : msg('cardBack')}</span>` : null}
                <p class="text read">${c.text}</p>
              </div>`,
            )}`
        : html`<p>${msg('noCardYet')}</p>`}
    `;
  }

  private renderLineup(mine: MyMovesPart) {
    if (mine.lineupAnswered) return html`<h1>${msg('lineupTitle')}</h1><p role="status">${msg('lineupThanks')}</p>`;
    const monthName = new Intl.DateTimeFormat(currentLanguage(), { month: 'long', timeZone: 'UTC' });
    return html`
      <h1>${msg('lineupTitle')}</h1>
      <p>${msg('lineupBody')}</p>
      <form @submit=${this.sendBirthday}>
        <div class="pair">
          <div>
            <label for="month">${msg('birthMonth')}</label>
            <select id="month" name="month" required>
              <option value=""></option>
              ${Array.from({ length: 12 }, (_, i) => html`<option value=${i + 1}>${monthName.format(Date.UTC(2024, i, 1))}</option>`)}
            </select>
          </div>
          <div>
            <label for="day">${msg('birthDay')}</label>
            <select id="day" name="day" required>
              <option value=""></option>
              ${Array.from({ length: 31 }, (_, i) => html`<option value=${i + 1}>${i + 1}</option>`)}
            </select>
          </div>
        </div>
        <p class="hint">${msg('lineupPrivacy')}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${msg('submit')}</button>
          <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.answer({ skip: true })}>${msg('lineupSkip')}</button>
        </div>
      </form>
    `;
  }

  private sendBirthday(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const month = Number((form.elements.namedItem('month') as HTMLSelectElement).value);
    const day = Number((form.elements.namedItem('day') as HTMLSelectElement).value);
    void this.answer({ month, day });
  }

  private async answer(body: { month: number; day: number } | { skip: true }) {
    this.busy = true;
    this.error = '';
    try {
      await this.live.send('POST', '/lineup/answers', body);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('pd-block-party', PdBlockParty);

declare global {
  interface HTMLElementTagNameMap {
    'pd-block-party': PdBlockParty;
  }
}
