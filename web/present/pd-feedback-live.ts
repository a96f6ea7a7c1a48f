import { css, html } from 'lit';
import { StaffSlideElement } from '../shared/staff-element.js';

/**
 * The closing feedback: on the deck, how many have answered; with `detailed` (the notes
 * view), the facilitator's summary — each statement's average and spread, and the comments.
 */
export class PdFeedbackLive extends StaffSlideElement {
  static override styles = css`
    :host {
      display: block;
      font-family: system-ui, sans-serif;
      font-size: var(--pd-live-size, 0.6em);
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
  `;

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
    const count = html`<p role="status">${summary.responses} ${summary.responses === 1 ? 'person has' : 'people have'} given feedback</p>`;
    if (!this.detailed) return count;
    return html`${count}
      <table aria-label="Feedback ratings">
        <thead>
          <tr><th>Statement</th><th>Answers</th><th>Average (${summary.scale.min}–${summary.scale.max})</th><th>Spread</th></tr>
        </thead>
        <tbody>
          ${summary.ratings.map(
            (r) => html`<tr>
              <td>${r.label}</td>
              <td class="n">${r.count}</td>
              <td class="n">${r.mean === null ? '—' : r.mean.toFixed(1)}</td>
              <td class="spread" aria-label=${`Answers from ${summary.scale.min} to ${summary.scale.max}: ${r.distribution.join(', ')}`}>${r.distribution.join(' · ')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${summary.comments.map(
        (c) => html`<h4>${c.label}</h4>
          ${c.answers.length ? html`<ul>${c.answers.map((a) => html`<li>${a.text}</li>`)}</ul>` : html`<p>No comments yet.</p>`}`,
      )}`;
  }
}

customElements.define('pd-feedback-live', PdFeedbackLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-feedback-live': PdFeedbackLive;
  }
}
