import { css, html } from 'lit';
import { ClockController } from '../shared/clock-controller.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { currentTurn, currentTurnStartedAt } from '../shared/round-robin-turn.js';
import { serverNow, syncServerClock } from '../shared/server-clock.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { leadControlStyles } from './lead-controls.js';
import { pagedGroupStyles, pagedSlideStyles } from './paged-slide-styles.js';
import '../shared/pd-countdown.js';
import './pd-pages.js';

/**
 * Every group's round robin on the deck and in the notes view: whose turn it is and the
 * ideas each group recorded. On the projector the groups are shown a page at a time.
 */
export class PdRoundRobinLive extends StaffSlideElement {
  static override styles = [
    staffStyles,
    pagedSlideStyles,
    pagedGroupStyles,
    leadControlStyles,
    css`
      :host {
        /* The notes view sets --pd-live-size for its smaller type. */
        font-size: var(--pd-live-size, 1em);
      }
      pd-pages {
        --pd-page-gap: 0.35em;
        --pd-page-columns: 12em;
      }
      .group {
        padding: 0.25em 0.5em;
        text-align: left;
      }
      .turn {
        color: var(--pd-ink-soft);
        font-size: 0.9em;
        line-height: 1.25;
      }
      .notes {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--pd-card);
        border-radius: 4px;
        padding: 0.2em 0.35em;
        margin-top: 0.2em;
        font-size: 0.9em;
        line-height: 1.25;
      }
      :host([projected]) .notes span {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 4;
        overflow: hidden;
      }
    `,
  ];

  /** Turns run out by themselves, so the deck re-reads the clock every second. */
  private readonly clock = new ClockController(this, 1000);

  override render() {
    const live = this.live;
    if (!live) return null;
    syncServerClock(live.code);
    const robin = live.part('roundRobins')?.[this.slide];
    const grouped = Boolean(live.part('lineup')?.groups);
    if (!robin) {
      const start = () => bodyOf(live.api['round-robin'][':slide'].start.$post({ param: { code: live.code, slide: String(this.slide) } }));
      return html`<div class="lead-controls">
        <button class="primary" ?disabled=${!grouped} @click=${() => this.writes.run(start)}>${staffMsg('startRoundRobin')}</button>
        ${grouped ? null : html`<span>${staffMsg('makeGroupsFirst')}</span>`} ${this.writes.alert()}
      </div>`;
    }
    const now = serverNow();
    const groups = robin.groups.map((g) => {
      const turn = currentTurn(g.turn, g.turnStartedAt, robin.turnMs, g.members.length, now);
      const endsAt = currentTurnStartedAt(g.turn, g.turnStartedAt, robin.turnMs, g.members.length, now) + robin.turnMs;
      return html`<div role="listitem" class="group-item">
        <section class="group" aria-label=${staffMsg('groupNumber', { n: g.number })}>
          <h4>${this.say(({ t }) => t('groupNumber', { n: g.number }), 'inline')}</h4>
          <div class="turn">
            ${this.say(({ t }) => (turn >= g.members.length ? t('everyoneSpoke') : t('turnOf', { turn: turn + 1, n: g.members.length, name: g.members[turn] || t('guest') })))}
            ${
              turn < g.members.length
                ? html`<pd-countdown
                    .timer=${{ running: true, endsAt, remainingMs: 0, ended: false }}
                    label=${staffMsg('turnTimeLeft', { n: g.number })}
                  ></pd-countdown>`
                : null
            }
          </div>
          ${g.notes ? html`<div class="notes"><span>${g.notes}</span></div>` : html`<div class="turn">${this.say(({ t }) => t('noSharedIdeas'))}</div>`}
          ${
            !this.projected && turn < g.members.length
              ? html`<div class="row"><button @click=${() => this.endTurn(g.number, turn)}>${staffMsg('endTurnOf', { n: g.number })}</button></div>`
              : null
          }
        </section>
      </div>`;
    });
    return html`<pd-pages layout="grid" label=${staffMsg('groups')} .items=${groups}></pd-pages>${this.writes.alert()}`;
  }

  /** A facilitator ends a group's turn (the speaker left, or the phone died). */
  private endTurn(group: number, from: number) {
    const live = this.live!;
    return this.writes.run(() =>
      bodyOf(
        live.api['round-robin'][':slide'].groups[':group'].turn.$post({
          param: { code: live.code, slide: String(this.slide), group: String(group) },
          json: { from },
        }),
      ),
    );
  }
}

customElements.define('pd-round-robin-live', PdRoundRobinLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-round-robin-live': PdRoundRobinLive;
  }
}
