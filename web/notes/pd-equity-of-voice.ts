import { css, html } from 'lit';
import { StaffElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { voiceLabel } from './gallery-labels.js';

/**
 * The guide's "equity of voice": people, cards and stickers by stakeholder group, and
 * after the reveal how many of the top statements each group wrote, so the facilitator
 * can say whether parents, staff, community and students were all heard.
 */
export class PdEquityOfVoice extends StaffElement {
  static override styles = css`
    :host {
      display: block;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.9rem;
    }
    th,
    td {
      text-align: right;
      padding: 0.2rem 0.4rem;
      border-bottom: 1px solid var(--pd-line-soft);
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    tr.silent td {
      color: var(--pd-danger);
    }
  `;

  override render() {
    const equity = this.live?.part('equity');
    if (!equity) return null;
    const rows = equity.groups.filter((g) => g.group !== 'paper' || g.cards + g.stickers > 0);
    return html`
      <h3>${staffMsg('equityOfVoice')}</h3>
      <table aria-label=${staffMsg('equityTable')}>
        <tr><th>${staffMsg('group')}</th><th>${staffMsg('people')}</th><th>${staffMsg('cards')}</th><th>${staffMsg('stickers')}</th>${equity.revealed ? html`<th>${staffMsg('topStatements')}</th>` : null}</tr>
        ${rows.map(
          (g) => html`<tr class=${g.people > 0 && g.cards === 0 ? 'silent' : ''}>
            <td>${voiceLabel(this.deck?.groups, g.group)}</td><td>${g.people}</td><td>${g.cards}</td><td>${g.stickers}</td>${equity.revealed ? html`<td>${g.topCards}</td>` : null}
          </tr>`,
        )}
      </table>
    `;
  }
}

customElements.define('pd-equity-of-voice', PdEquityOfVoice);

declare global {
  interface HTMLElementTagNameMap {
    'pd-equity-of-voice': PdEquityOfVoice;
  }
}
