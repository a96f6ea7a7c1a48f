import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html } from 'lit';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { seriesCatalog, seriesMsg, seriesText } from '../shared/series-messages.js';

/**
 * A carry-over slide of a series session: what the previous session produced, shown at
 * this one's start — the group agreements, the small groups' ideas, the feedback, the
 * reflections people chose to share, and the questions to leadership with the answers
 * ("you asked, we answered"). With `show="agreements"`, only the group agreements. All
 * text is the room's own, shown as text.
 */
export class PdCarryOverLive extends StaffSlideElement {
  /** Its series words come from the series catalog: it re-renders when that one changes language or arrives. */
  private readonly seriesLanguage = new LanguageController(this, seriesCatalog);
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        font-size: var(--pd-live-size, 0.55em);
        text-align: left;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16em, 1fr));
        gap: 0.6em 1.2em;
      }
      h3 {
        margin: 0.4em 0 0.2em;
        font-size: 1.05em;
        color: var(--pd-accent, #1f4e79);
      }
      ul {
        margin: 0;
        padding-left: 1.1em;
      }
      li {
        margin: 0.15em 0;
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }
      .answer {
        display: block;
        color: var(--pd-success-ink, #14532d);
        font-weight: 600;
      }
      .waiting {
        display: block;
        color: var(--pd-ink-soft);
        font-style: italic;
      }
    `,
  ];

  override render() {
    const series = this.live?.part('series');
    const carried = series?.carriedOver;
    const activity = this.activity;
    if (!carried) return html`<p role="status">${seriesMsg('nothingCarried')}</p>`;
    const onlyAgreements = activity?.kind === 'carry-over' && activity.show === 'agreements';
    const list = (items: string[]) =>
      html`<ul>
        ${items.map((text) => html`<li>${text}</li>`)}
      </ul>`;
    const agreements = carried.groupAgreements.length
      ? html`<section>
          <h3>${seriesMsg('groupAgreements')}</h3>
          ${list(carried.groupAgreements)}
        </section>`
      : null;
    if (onlyAgreements)
      return html`<div class="columns" aria-label=${seriesMsg('groupAgreements')}>${agreements ?? html`<p>${seriesMsg('nothingCarried')}</p>`}</div>`;
    return html`
      <div class="columns" aria-label=${seriesMsg('sinceLastTime', { number: carried.from.number })}>
        <section>
          <h3>${seriesMsg('sinceLastTime', { number: carried.from.number })}</h3>
          <p>
            ${seriesText(carried.from.title)} ·
            ${seriesMsg('attendanceCarried', { people: carried.attendance.people, returning: carried.attendance.returning })}
          </p>
          ${carried.walls
            .filter((w) => w.id !== 'agreements')
            .map(
              (w) =>
                html`<h3>${w.title}</h3>
                  ${list(w.cards)}`,
            )}
          ${
            carried.groupIdeas.length
              ? html`<h3>${seriesMsg('groupIdeas')}</h3>
                  ${list(carried.groupIdeas)}`
              : null
          }
        </section>
        ${agreements}
        ${
          carried.feedback.responses
            ? html`<section>
                <h3>${seriesMsg('feedbackSummary', { count: carried.feedback.responses })}</h3>
                <ul>
                  ${carried.feedback.ratings.map((r) => html`<li>${r.label}: ${r.mean ?? '—'}</li>`)}
                </ul>
              </section>`
            : null
        }
        ${
          carried.reflections.length
            ? html`<section>
                <h3>${seriesMsg('sharedReflections')}</h3>
                ${list(carried.reflections)}
              </section>`
            : null
        }
        ${
          carried.questions.length
            ? html`<section aria-label=${seriesMsg('youAskedWeAnswered')}>
                <h3>${seriesMsg('youAskedWeAnswered')}</h3>
                <ul>
                  ${carried.questions.map(
                    (q) =>
                      html`<li>
                        ${q.text}
                        ${q.answer ? html`<span class="answer">${seriesMsg('answered', { team: q.answer.team, text: q.answer.text })}</span>` : html`<span class="waiting">${seriesMsg('awaitingAnswer')}</span>`}
                      </li>`,
                  )}
                </ul>
              </section>`
            : null
        }
      </div>
    `;
  }
}

customElements.define('pd-carry-over-live', PdCarryOverLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-carry-over-live': PdCarryOverLive;
  }
}
