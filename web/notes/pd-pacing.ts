import { css, html } from 'lit';
import { ClockController } from '../shared/clock-controller.js';
import { bodyOf } from '../shared/live/api-client.js';
import { staffCatalog, staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { StaffElement } from '../shared/staff-element.js';
import { serverNow, syncServerClock } from '../shared/server-clock.js';
import { actualMs } from './section-clock.js';

/**
 * Planned against actual time for every section of the guide, and the one line the
 * support facilitator says aloud: "we are 6 minutes behind". The server sends each
 * section's finished time and when the current visit began; this adds the time since.
 */
export class PdPacing extends StaffElement {
  static override styles = [
    staffStyles,
    css`
      .restart {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.6rem;
      }
    :host {
      display: block;
    }
    .headline {
      font-size: 1.4rem;
      font-weight: 700;
      margin: 0 0 0.4rem;
    }
    .behind {
      color: var(--pd-danger);
    }
    .ahead {
      color: var(--pd-success);
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.92rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.15rem 0.35rem;
      border-bottom: 1px solid var(--pd-line-soft);
    }
    td.n,
    th.n {
      text-align: right;
      font-variant-numeric: tabular-nums;
      /* "~15 min" on one line, even in a longer language's narrower column. */
      white-space: nowrap;
    }
    tr.current {
      font-weight: 700;
      background: var(--pd-primary-tint);
    }
    tr.upcoming {
      color: var(--pd-ink-muted);
    }
  `,
  ];

  static override properties = { confirmRestart: { state: true } };
  /** The lead asked to restart the clock and has not confirmed yet. */
  declare private confirmRestart: boolean;

  constructor() {
    super();
    this.confirmRestart = false;
  }

  /** The current section's time grows by itself; a look every five seconds is enough for minutes. */
  private readonly clock = new ClockController(this, 5000);

  override render() {
    const live = this.live;
    const pacing = live?.part('pacing');
    if (!live || !pacing) return null;
    syncServerClock(live.code);
    const start = () => this.writes.run(() => bodyOf(live.api.pacing.start.$post({ param: { code: live.code } })));
    if (pacing.startedAt === null) {
      return html`<p class="headline" role="status">${staffMsg('workshopNotStarted')}</p>
        <p>${staffMsg('workshopStartsWhen')}</p>
        <button class="primary" @click=${start}>${staffMsg('startWorkshop')}</button>
        ${this.writes.alert()}`;
    }
    const restart = html`<div class="restart">
      <span>${staffMsg('workshopStartedAt', { time: new Date(pacing.startedAt).toLocaleTimeString(staffCatalog.lang, { hour: 'numeric', minute: '2-digit' }) })}</span>
      ${this.confirmRestart
        ? html`<button class="primary" @click=${async () => { await start(); this.confirmRestart = false; }}>${staffMsg('restartClockYes')}</button>
            <button @click=${() => (this.confirmRestart = false)}>${staffMsg('cancel')}</button>`
        : html`<button @click=${() => (this.confirmRestart = true)}>${staffMsg('restartClock')}</button>`}
      ${this.writes.alert()}
    </div>`;
    const now = serverNow();
    let behind = 0;
    const rows = pacing.sections.map((s) => {
      const actual = actualMs(s, now);
      if (s.status === 'done') behind += actual - s.plannedMs;
      if (s.status === 'current') behind += Math.max(0, actual - s.plannedMs);
      return { ...s, actual };
    });
    const minutes = Math.round(Math.abs(behind) / 60_000);
    const sentence = minutes === 0 ? staffMsg('onTime') : staffMsg(behind > 0 ? 'minutesBehind' : 'minutesAhead', { n: minutes });
    return html`
      <p class="headline ${minutes === 0 ? '' : behind > 0 ? 'behind' : 'ahead'}" role="status">${sentence}</p>
      <table aria-label=${staffMsg('pacingBySection')}>
        <thead><tr><th>${staffMsg('section')}</th><th class="n">${staffMsg('planned')}</th><th class="n">${staffMsg('actual')}</th></tr></thead>
        <tbody>
          ${rows.map(
            (s) => html`<tr class=${s.status}>
              <td>${this.deck?.sections.find((section) => section.id === s.id)?.title ?? s.title}</td>
              <td class="n">${s.approximate ? '~' : ''}${staffMsg('minutesShort', { n: Math.round(s.plannedMs / 60_000) })}</td>
              <td class="n">${s.status === 'upcoming' ? '—' : staffMsg('minutesShort', { n: Math.round(s.actual / 60_000) })}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${restart}
    `;
  }
}

customElements.define('pd-pacing', PdPacing);

declare global {
  interface HTMLElementTagNameMap {
    'pd-pacing': PdPacing;
  }
}
