import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html } from 'lit';
import { StaffSlideElement } from '../shared/staff-element.js';
import type { MessageValues } from '../shared/i18n/catalog.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { staffStyles } from '../shared/staff-styles.js';
import { seriesCatalog, seriesMsg, seriesText, type SeriesMessageKey } from '../shared/series-messages.js';
import { inLanguage } from '../shared/text-in-language.js';

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
    roomWordsStyles,
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

  /** A series word the room reads: in each of a two-language projector's languages. */
  private sayS(key: SeriesMessageKey, values?: MessageValues) {
    return this.sayOf(seriesCatalog, key, values);
  }

  /** A text the previous session carried in each of its languages (a title, a label), as the room reads it; `fallback` when it came in one only. */
  private sayCarried(texts: Record<string, string> | undefined, fallback: string) {
    return this.say(({ lang }) => (texts ? inLanguage(texts, lang) || fallback : fallback));
  }

  /** Who answered, in each room language; the answer itself as leadership wrote it, once. */
  private renderAnswer(answer: { team: string; text: string }) {
    return html`<span class="answer">${this.say(({ of }) => `${of(seriesCatalog)('teamLabel')} ${answer.team}`, 'inline')}: ${answer.text}</span>`;
  }

  override render() {
    const series = this.live?.part('series');
    const carried = series?.carriedOver;
    const activity = this.activity;
    if (!carried) return html`<p role="status">${this.sayS('nothingCarried')}</p>`;
    const onlyAgreements = activity?.kind === 'carry-over' && activity.show === 'agreements';
    // The room's own words (cards, ideas, reflections, questions) are shown as written, once.
    const list = (items: string[]) =>
      html`<ul>
        ${items.map((text) => html`<li>${text}</li>`)}
      </ul>`;
    const agreements = carried.groupAgreements.length
      ? html`<section>
          <h3>${this.sayS('groupAgreements')}</h3>
          ${list(carried.groupAgreements)}
        </section>`
      : null;
    if (onlyAgreements)
      return html`<div class="columns" aria-label=${seriesMsg('groupAgreements')}>${agreements ?? html`<p>${this.sayS('nothingCarried')}</p>`}</div>`;
    return html`
      <div class="columns" aria-label=${seriesMsg('sinceLastTime', { number: carried.from.number })}>
        <section>
          <h3>${this.sayS('sinceLastTime', { number: carried.from.number })}</h3>
          <p>
            ${this.say(
              ({ lang, of }) =>
                `${inLanguage(carried.from.title, lang) || seriesText(carried.from.title)} · ${of(seriesCatalog)('attendanceCarried', {
                  people: carried.attendance.people,
                  returning: carried.attendance.returning,
                })}`,
            )}
          </p>
          ${carried.walls
            .filter((w) => w.id !== 'agreements')
            .map(
              (w) =>
                html`<h3>${this.sayCarried(w.titles, w.title)}</h3>
                  ${list(w.cards)}`,
            )}
          ${
            carried.groupIdeas.length
              ? html`<h3>${this.sayS('groupIdeas')}</h3>
                  ${list(carried.groupIdeas)}`
              : null
          }
        </section>
        ${agreements}
        ${
          carried.feedback.responses
            ? html`<section>
                <h3>${this.sayS('feedbackSummary', { count: carried.feedback.responses })}</h3>
                <ul>
                  ${carried.feedback.ratings.map(
                    (r) => html`<li>${this.say(({ lang }) => `${(r.labels && inLanguage(r.labels, lang)) || r.label}: ${r.mean ?? '—'}`)}</li>`,
                  )}
                </ul>
              </section>`
            : null
        }
        ${
          carried.reflections.length
            ? html`<section>
                <h3>${this.sayS('sharedReflections')}</h3>
                ${list(carried.reflections)}
              </section>`
            : null
        }
        ${
          carried.questions.length
            ? html`<section aria-label=${seriesMsg('youAskedWeAnswered')}>
                <h3>${this.sayS('youAskedWeAnswered')}</h3>
                <ul>
                  ${carried.questions.map(
                    (q) =>
                      html`<li>${q.text} ${q.answer ? this.renderAnswer(q.answer) : html`<span class="waiting">${this.sayS('awaitingAnswer')}</span>`}</li>`,
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
