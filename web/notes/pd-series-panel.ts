import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html } from 'lit';
import type { LeadershipQuestion } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { seriesCatalog, groupName, seriesMsg, seriesText } from '../shared/series-messages.js';
import { staffStyles } from '../shared/staff-styles.js';

/**
 * A series session on the notes view: its place in the series, the co-facilitators by
 * name and role, attendance without names, the feedback-loop report as a PDF, and the
 * group's questions to leadership, where a co-facilitator records leadership's answers.
 */
export class PdSeriesPanel extends StaffElement {
  /** Its series words come from the series catalog: it re-renders when that one changes language or arrives. */
  private readonly seriesLanguage = new LanguageController(this, seriesCatalog);
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
      }
      .question {
        border-top: 1px solid var(--pd-line-soft);
        padding: 0.4rem 0;
        overflow-wrap: anywhere;
      }
      input,
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
      .answer {
        color: var(--pd-success-ink, #14532d);
        font-weight: 600;
      }
    `,
  ];

  static override properties = { questions: { state: true } };
  declare private questions: LeadershipQuestion[] | null;

  constructor() {
    super();
    this.questions = null;
  }

  override render() {
    const live = this.live;
    const series = live?.part('series');
    if (!live || !series) return null;
    const facilitators = live.part('facilitators');
    const attendance = live.part('attendance');
    const named = [facilitators?.lead, facilitators?.support].filter((f) => f);
    const canAnswer = this.screenRole !== 'coach';
    return html`
      <h3>${seriesMsg('sessionOf', { number: series.number, sessions: series.sessions })}: ${seriesText(series.title)}</h3>
      ${series.topic ? html`<p>${seriesText(series.topic)}</p>` : null}
      <p>${seriesMsg('coFacilitators')}: ${named.map((f) => `${f!.name} (${f!.role})`).join(', ') || '—'}</p>
      ${
        attendance
          ? html`<p aria-label=${seriesMsg('attendance')}>
              ${seriesMsg('attendanceCounts', { recorded: attendance.recorded, returning: attendance.returning })} ·
              ${Object.entries(attendance.byGroup)
                .map(([group, n]) => `${groupName(group)}: ${n}`)
                .join(', ')}
            </p>`
          : null
      }
      <p>
        ${seriesCatalog.current.languages.map(({ code, name }) => html`<button @click=${() => this.openReport(code)}>${seriesMsg('reportPdf', { language: name })}</button> `)}
      </p>
      ${this.writes.alert('offline')}
      <h3>${seriesMsg('questionsForLeadership')}</h3>
      ${this.questions === null ? html`<button @click=${() => this.loadQuestions()}>${seriesMsg('questionsForLeadership')}</button>` : null}
      ${this.questions?.length === 0 ? html`<p>${seriesMsg('noQuestions')}</p>` : null}
      ${(this.questions ?? []).map(
        (q) =>
          html`<div class="question">
            <div>${q.text}</div>
            ${q.answer ? html`<div class="answer">${seriesMsg('answered', { team: q.answer.team, text: q.answer.text })}</div>` : null}
            ${
              canAnswer
                ? html`<form @submit=${(e: SubmitEvent) => this.answer(e, q.id)}>
                    <label>${seriesMsg('answerLabel')} <textarea name="text" rows="2" maxlength="2000" required></textarea></label>
                    <label>${seriesMsg('teamLabel')} <input name="team" maxlength="120" required /></label>
                    <button type="submit">${seriesMsg('saveAnswer')}</button>
                  </form>`
                : null
            }
          </div>`,
      )}
    `;
  }

  private async loadQuestions() {
    const live = this.live;
    if (!live) return;
    const got = await this.writes.run(() => bodyOf(live.api.leadership.questions.$get({ param: { code: live.code } })));
    if (got) this.questions = got.questions;
  }

  private async answer(event: SubmitEvent, cardId: string) {
    event.preventDefault();
    const live = this.live;
    if (!live) return;
    const form = event.target as HTMLFormElement;
    const text = (form.elements.namedItem('text') as HTMLTextAreaElement).value;
    const team = (form.elements.namedItem('team') as HTMLInputElement).value;
    const saved = await this.writes.run(() =>
      bodyOf(live.api.leadership.answers[':cardId'].$put({ param: { code: live.code, cardId }, json: { text, team } })),
    );
    if (saved) await this.loadQuestions();
  }

  /** The report is fetched with the screen's key (never in a URL) and opened from memory. */
  private async openReport(lang: string) {
    const live = this.live;
    if (!live) return;
    const res = await live.api.report.pdf.$get({ param: { code: live.code }, query: { lang } });
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    window.open(url, '_blank', 'noopener');
  }
}

customElements.define('pd-series-panel', PdSeriesPanel);

declare global {
  interface HTMLElementTagNameMap {
    'pd-series-panel': PdSeriesPanel;
  }
}
