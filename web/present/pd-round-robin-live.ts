import { css, html } from 'lit';
import { ClockController } from '../shared/clock-controller.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { currentTurn, currentTurnStartedAt } from '../shared/round-robin-turn.js';
import { serverNow, syncServerClock } from '../shared/server-clock.js';
import { staffStyles } from '../shared/staff-styles.js';
import '../shared/pd-countdown.js';
import { staffMsg } from '../shared/staff-messages.js';

/** Every group's round robin on the deck: whose turn it is and the ideas each group recorded. */
export class PdRoundRobinLive extends StaffSlideElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        /* The deck's size by default; the notes view sets --pd-live-size for its smaller type. */
        font-size: var(--pd-live-size, 0.75em);
      }
      .groups {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
        gap: 0.5rem;
        margin-top: 0.4rem;
      }
      .group {
        border: 2px solid var(--pd-primary);
        border-radius: 8px;
        padding: 0.4em 0.6em;
        background: var(--pd-primary-tint);
        text-align: left;
      }
      h4 {
        margin: 0 0 0.2em;
      }
      .turn {
        color: var(--pd-ink-soft);
        font-size: 0.9em;
      }
      .notes {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--pd-card);
        border-radius: 4px;
        padding: 0.3em 0.4em;
        margin-top: 0.3em;
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
      return html`<button class="primary" ?disabled=${!grouped} @click=${() => this.writes.run(start)}>${staffMsg('startRoundRobin')}</button>
        ${grouped ? null : html`<span>${staffMsg('makeGroupsFirst')}</span>`} ${this.writes.alert()}`;
    }
    const now = serverNow();
    return html`<div class="groups">
      ${robin.groups.map((g) => {
        const turn = currentTurn(g.turn, g.turnStartedAt, robin.turnMs, g.members.length, now);
        const endsAt = currentTurnStartedAt(g.turn, g.turnStartedAt, robin.turnMs, g.members.length, now) + robin.turnMs;
        return html`<section class="group" aria-label=${staffMsg('groupNumber', { n: g.number })}>
          <h4>${staffMsg('groupNumber', { n: g.number })}</h4>
          <div class="turn">
            ${turn >= g.members.length ? staffMsg('everyoneSpoke') : staffMsg('turnOf', { turn: turn + 1, n: g.members.length, name: g.members[turn] || staffMsg('guest') })}
            ${turn < g.members.length
              ? html`<pd-countdown .timer=${{ running: true, endsAt, remainingMs: 0, ended: false }} label=${staffMsg('turnTimeLeft', { n: g.number })}></pd-countdown>`
              : null}
          </div>
          ${g.notes ? html`<div class="notes">${g.notes}</div>` : html`<div class="turn">${staffMsg('noSharedIdeas')}</div>`}
        </section>`;
      })}
    </div>`;
  }
}

customElements.define('pd-round-robin-live', PdRoundRobinLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-round-robin-live': PdRoundRobinLive;
  }
}
