import { css, html } from 'lit';
import type { BlockPartyMove, MyMovesPart } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { currentLanguage, msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';
import './pd-my-group.js';

type Screen = ActivityScreen<'block-party'>;

/**
 * Block Party on the phone. During a round: the person's own card in large text, to read
 * to a partner. During the line-up: birth month and day (or skip). Once grouped: the
 * group number, very large.
 */
export class PdBlockParty extends PhoneActivityElement<'block-party'> {
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

  static override properties = { busy: { state: true } };

  protected readonly kinds = ['block-party'] as const;
  declare private busy: boolean;

  constructor() {
    super();
    this.busy = false;
  }

  protected override renderScreen(screen: Screen) {
    const move = this.move('block-party');
    const mine = screen.live.part('myMoves');
    if (!move || !mine) return null;
    if (move.lineup === 'grouped') return html`<pd-my-group .group=${mine.group}></pd-my-group>`;
    if (move.lineup === 'open') return this.renderLineup(screen, mine);
    return this.renderRound(screen, move);
  }

  private renderRound({ me, slide }: Screen, move: BlockPartyMove) {
    // The card to read: the person's most recent card before this slide (both sides of a two-sided card).
    const earlier = me.cards.filter((c) => c.slide < slide);
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

  private renderLineup(screen: Screen, mine: MyMovesPart) {
    if (mine.lineupAnswered) return html`<h1>${msg('lineupTitle')}</h1><p role="status">${msg('lineupThanks')}</p>`;
    const monthName = new Intl.DateTimeFormat(currentLanguage(), { month: 'long', timeZone: 'UTC' });
    return html`
      <h1>${msg('lineupTitle')}</h1>
      <p>${msg('lineupBody')}</p>
      <form @submit=${(e: SubmitEvent) => this.sendBirthday(e, screen)}>
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
        ${this.writes.alert()}
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${msg('submit')}</button>
          <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.answer(screen, { skip: true })}>${msg('lineupSkip')}</button>
        </div>
      </form>
    `;
  }

  private sendBirthday(event: SubmitEvent, screen: Screen) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const month = Number((form.elements.namedItem('month') as HTMLSelectElement).value);
    const day = Number((form.elements.namedItem('day') as HTMLSelectElement).value);
    void this.answer(screen, { month, day });
  }

  private async answer({ live }: Screen, json: { month: number; day: number } | { skip: true }) {
    this.busy = true;
    await this.writes.run(() => bodyOf(live.api.lineup.answers.$post({ param: { code: live.code }, json })));
    this.busy = false;
  }
}

customElements.define('pd-block-party', PdBlockParty);

declare global {
  interface HTMLElementTagNameMap {
    'pd-block-party': PdBlockParty;
  }
}
