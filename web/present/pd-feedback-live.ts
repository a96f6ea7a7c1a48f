import { css, html } from 'lit';
import { StaffSlideElement } from '../shared/staff-element.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { staffCatalog, staffMsg } from '../shared/staff-messages.js';

/**
 * The closing feedback: on the deck, how many have answered; with `detailed` (the notes
 * view), the facilitator's summary — each statement's average and spread, and the comments.
 */
export class PdFeedbackLive extends StaffSlideElement {
  static override styles = [
    roomWordsStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        font-size: var(--pd-live-size, 0.9em);
      }
      td.spread {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.95em;
      }
      th,
      td {
        text-align: left;
        padding: 0.2em 0.4em;
        border-bottom: 1px solid var(--pd-line-soft);
      }
      td.n {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      ul {
        margin: 0.2em 0 0.6em;
      }
      h4 {
        margin: 0.6em 0 0.2em;
      }
    `,
  ];

  static override properties = { detailed: { type: Boolean } };
  /** The notes view: the whole summary, not only the count. */
  declare detailed: boolean;

  constructor() {
    super();
    this.detailed = false;
  }

  override render() {
    const summary = this.live?.part('feedback')?.find((f) => f.slide === this.slide);
    if (!summary) return null;
    const count = html`<p role="status">${this.say(({ t }) => t('feedbackCount', { n: summary.responses }))}</p>`;
    if (!this.detailed) return count;
    return html`${count}
      <table aria-label=${staffMsg('feedbackRatings')}>
        <thead>
          <tr>
            <th>${staffMsg('statement')}</th>
            <th>${staffMsg('answers')}</th>
            <th>${staffMsg('average', { min: summary.scale.min, max: summary.scale.max })}</th>
            <th>${staffMsg('spread')}</th>
          </tr>
        </thead>
        <tbody>
          ${summary.ratings.map(
            (r) =>
              html`<tr>
                <td>${r.label}</td>
                <td class="n">${r.count}</td>
                <td class="n">${r.mean === null ? '—' : staffCatalog.current.number(Math.round(r.mean * 10) / 10)}</td>
                <td class="spread" aria-label=${staffMsg('spreadLabel', { min: summary.scale.min, max: summary.scale.max, counts: r.distribution.join(', ') })}>
                  ${r.distribution.join(' · ')}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${summary.comments.map(
        (c) =>
          html`<h4>${c.label}</h4>
            ${
              c.answers.length
                ? html`<ul>
                    ${c.answers.map((a) => html`<li>${a.text}</li>`)}
                  </ul>`
                : html`<p>${staffMsg('noComments')}</p>`
            }`,
      )}`;
  }
}

customElements.define('pd-feedback-live', PdFeedbackLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-feedback-live': PdFeedbackLive;
  }
}
