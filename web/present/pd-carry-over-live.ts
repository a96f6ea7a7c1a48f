import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html, type TemplateResult } from 'lit';
import { StaffSlideElement } from '../shared/staff-element.js';
import type { MessageValues } from '../shared/i18n/catalog.js';
import { staffStyles } from '../shared/staff-styles.js';
import { seriesCatalog, seriesMsg, seriesText, type SeriesMessageKey } from '../shared/series-messages.js';
import { inLanguage } from '../shared/text-in-language.js';
import { pagedSlideStyles } from './paged-slide-styles.js';
import './pd-pages.js';

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
    pagedSlideStyles,
    css`
      /* The room reads it from the back: every word at room size (deck.css), the parts paged to fit the slide. */
      :host {
        font-size: var(--pd-live-size, 0.85em);
        text-align: left;
      }
      pd-pages {
        --pd-page-gap: 0.4em 1em;
        --pd-page-columns: 13em;
      }
      .part {
        min-width: 0;
      }
      h3 {
        margin: 0.4em 0 0.2em;
        font-size: 1.05em;
        color: var(--pd-primary-strong, var(--pd-primary));
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
      .answer q {
        display: block;
        font-weight: 400;
        color: var(--pd-ink);
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
    // The answer on its own line: after a label in two languages, a ": " began a line of its own.
    return html`<span class="answer">${this.say(({ of }) => `${of(seriesCatalog)('teamLabel')} ${answer.team}`, 'inline')}<q>${answer.text}</q></span>`;
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
    /** One part of what was carried: a heading in each room language, then its content. */
    const part = (name: string, heading: unknown, content: unknown) =>
      html`<div role="listitem" class="part">
        <section aria-label=${name}>
          <h3>${heading}</h3>
          ${content}
        </section>
      </div>`;
    const agreements = carried.groupAgreements.length ? part(seriesMsg('groupAgreements'), this.sayS('groupAgreements'), list(carried.groupAgreements)) : null;
    if (onlyAgreements) return agreements ? this.paged(seriesMsg('groupAgreements'), [agreements]) : html`<p>${this.sayS('nothingCarried')}</p>`;
    const since = seriesMsg('sinceLastTime', { number: carried.from.number });
    const parts = [
      part(
        since,
        this.sayS('sinceLastTime', { number: carried.from.number }),
        html`<p>
          ${this.say(
            ({ lang, of }) =>
              `${inLanguage(carried.from.title, lang) || seriesText(carried.from.title)} · ${of(seriesCatalog)('attendanceCarried', {
                people: carried.attendance.people,
                returning: carried.attendance.returning,
              })}`,
          )}
        </p>`,
      ),
      ...carried.walls.filter((w) => w.id !== 'agreements').map((w) => part(w.title, this.sayCarried(w.titles, w.title), list(w.cards))),
      carried.groupIdeas.length ? part(seriesMsg('groupIdeas'), this.sayS('groupIdeas'), list(carried.groupIdeas)) : null,
      agreements,
      carried.feedback.responses
        ? part(
            seriesMsg('feedbackSummary', { count: carried.feedback.responses }),
            this.sayS('feedbackSummary', { count: carried.feedback.responses }),
            html`<ul>
              ${carried.feedback.ratings.map((r) => html`<li>${this.say(({ lang }) => `${(r.labels && inLanguage(r.labels, lang)) || r.label}: ${r.mean ?? '—'}`)}</li>`)}
            </ul>`,
          )
        : null,
      carried.reflections.length ? part(seriesMsg('sharedReflections'), this.sayS('sharedReflections'), list(carried.reflections)) : null,
      carried.questions.length
        ? part(
            seriesMsg('youAskedWeAnswered'),
            this.sayS('youAskedWeAnswered'),
            html`<ul>
              ${carried.questions.map(
                (q) => html`<li>${q.text} ${q.answer ? this.renderAnswer(q.answer) : html`<span class="waiting">${this.sayS('awaitingAnswer')}</span>`}</li>`,
              )}
            </ul>`,
          )
        : null,
    ].filter((x) => x !== null);
    return this.paged(since, parts);
  }

  /** The parts side by side at room size; those that do not fit the slide follow on the next page (pd-pages). */
  private paged(label: string, parts: TemplateResult[]) {
    return html`<pd-pages layout="grid" label=${label} .items=${parts}></pd-pages>`;
  }
}

customElements.define('pd-carry-over-live', PdCarryOverLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-carry-over-live': PdCarryOverLive;
  }
}
