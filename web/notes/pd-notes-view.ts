import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ClockController } from '../shared/clock-controller.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import type { StaffDeck } from '../shared/session-context.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { notesPanel } from './notes-panels.js';
import { serverNow, syncServerClock } from '../shared/server-clock.js';
import { actualMs, formatElapsed } from './section-clock.js';
import './pd-answer-moderation.js';
import './pd-card-moderation.js';
import './pd-pacing.js';
import './pd-district-terms.js';
import './pd-records-panel.js';
import './pd-series-panel.js';
import './pd-fidelity-checklist.js';
import { seriesCatalog, seriesMsg } from '../shared/series-messages.js';
import '../present/pd-slide-timer.js';

/**
 * The support facilitator's screen: the current and next slide, the notes, the section
 * clock against the plan, who has joined, and the incoming cards to moderate. When the
 * lead hands over the slides, the controls to move them appear here.
 */
export class PdNotesView extends StaffElement {
  /** Its series words come from the series catalog: it re-renders when that one changes language or arrives. */
  private readonly seriesLanguage = new LanguageController(this, seriesCatalog);
  static override styles = [
    staffStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr);
        gap: 1rem;
        padding: 1rem;
        font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
        color: var(--pd-ink);
        box-sizing: border-box;
        min-height: 100vh;
        /* A long word or link in a card or the notes wraps rather than widening the page. */
        overflow-wrap: anywhere;
      }
      @media (max-width: 900px) {
        :host {
          grid-template-columns: 1fr;
        }
      }
      section.wide {
        grid-column: 1 / -1;
      }
      section {
        min-width: 0;
        background: var(--pd-surface);
        border: 1px solid var(--pd-line);
        border-radius: 10px;
        padding: 0.8rem 1rem;
        margin-bottom: 1rem;
      }
      h1 {
        font-size: 1.1rem;
        margin: 0 0 0.3rem;
        color: var(--pd-ink-soft);
        font-weight: 600;
      }
      h2 {
        font-size: 1.35rem;
        margin: 0.2rem 0 0.5rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      .unfilled {
        margin-top: 0.6rem;
        padding: 0.4rem 0.7rem;
        border-left: 4px solid var(--pd-accent);
        background: var(--pd-card);
        font-size: 0.95rem;
      }
      .unfilled p {
        margin: 0.2rem 0;
      }
      .notes {
        font-size: 1.1rem;
        line-height: 1.5;
      }
      .next {
        color: var(--pd-ink-soft);
      }
      /* A small copy of the slide's text, so the support facilitator sees what the room sees. */
      .preview {
        font-size: 0.85rem;
        line-height: 1.35;
        border: 1px solid var(--pd-line-soft);
        border-radius: 6px;
        padding: 0.3rem 0.8rem;
        margin-bottom: 0.8rem;
        background: var(--pd-surface-soft);
        max-height: 14rem;
        overflow: auto;
      }
      .preview h1,
      .preview h2,
      .preview h3 {
        display: none;
      }
      .preview blockquote {
        margin: 0.4rem 0;
        color: var(--pd-warn-ink);
      }
      .clock {
        display: flex;
        gap: 1.5rem;
        align-items: baseline;
        flex-wrap: wrap;
      }
      .clock .big {
        font-size: 2rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .over {
        color: var(--pd-danger);
      }
      .roster {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.15rem 1rem;
        margin: 0;
      }
      .roster dd {
        margin: 0;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .control {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .status {
        font-weight: 600;
      }
      .offline {
        color: var(--pd-danger);
      }
    `,
  ];

  /** The section clock advances every second even when nothing else changes. */
  private readonly clock = new ClockController(this, 1000);

  override render() {
    const live = this.live;
    const deck = this.deck;
    const session = live?.part('session');
    if (live?.incompatible) return html`<p role="alert">${staffMsg('updateNeeded')}</p>`;
    if (!live || !deck || !session) return html`<p role="status">${staffMsg('connecting')}</p>`;
    const roster = live.part('roster');
    const slide = deck.slides[session.slide - 1];
    const next = deck.slides[session.slide];
    syncServerClock(live.code);
    const current = live.part('pacing')?.sections.find((s) => s.status === 'current');
    const elapsedMs = current ? actualMs(current, serverNow()) : 0;
    const supportHolds = session.control === 'support';
    const panel = slide.activity ? notesPanel(slide.activity, session.slide) : null;
    // The agreement editor is for a group of representatives around the screen: the full width, first.
    const wide = slide.activity?.kind === 'agreement-builder' || slide.activity?.kind === 'next-meeting';
    const code = live.code;
    const write = (request: () => Promise<unknown>) => this.writes.run(request);
    const show = (slide: number) => write(() => bodyOf(live.api.presentation.slide.$put({ param: { code }, json: { slide } })));
    return html`
      ${panel && wide && this.screenRole !== 'coach' ? html`<section class="wide" aria-label=${staffMsg('activityTools')}>${panel}</section>` : null}
      <div>
        <section aria-labelledby="current-title">
          <h1>${staffMsg('slideOf', { n: session.slide, total: session.slideCount })}${live.connected ? '' : html` · <span class="offline" role="status">${staffMsg('reconnecting')}</span>`}</h1>
          <h2 id="current-title">${slide.title}</h2>
          <div class="preview" aria-label=${staffMsg('onTheScreen')}>${unsafeHTML(slide.html)}</div>
          <h3>${staffMsg('notes')}</h3>
          <div class="notes" aria-label=${staffMsg('facilitatorNotes')}>${unsafeHTML(slide.notesHtml)}</div>
          ${this.renderUnfilled(slide)}
        </section>
        <section class="next" aria-label=${staffMsg('nextSlideSection')}>
          <h3>${next ? staffMsg('nextIs', { title: `${next.number}. ${next.title}` }) : staffMsg('endOfDeck')}</h3>
          ${next ? html`<div class="preview">${unsafeHTML(next.html)}</div>` : null}
        </section>
      </div>
      <div>
        ${live.part('series') ? html`<section aria-label=${seriesMsg('report')}><pd-series-panel></pd-series-panel></section>` : null}
        ${panel && !wide && this.screenRole !== 'coach' ? html`<section aria-label=${staffMsg('activityTools')}>${panel}</section>` : null}
        ${this.screenRole === 'coach'
          ? html`<section aria-label=${seriesMsg('fidelity')}>
              <p role="note">${seriesMsg('coachFollows')}</p>
              <pd-fidelity-checklist></pd-fidelity-checklist>
            </section>`
          : html`<section aria-label=${staffMsg('slideControl')}>
          <div class="control">
            <span class="status" role="status">${supportHolds ? staffMsg('youHoldSlides') : staffMsg('leadHoldsSlides')}</span>
            <button @click=${() => write(() => bodyOf(live.api.presentation.control.$put({ param: { code }, json: { holder: supportHolds ? 'lead' : 'support' } })))}>
              ${supportHolds ? staffMsg('handBackToLead') : staffMsg('takeSlides')}
            </button>
            ${supportHolds
              ? html`<button class="primary" ?disabled=${session.slide <= 1} @click=${() => show(session.slide - 1)}>${staffMsg('previousSlide')}</button>
                  <button class="primary" ?disabled=${session.slide >= session.slideCount} @click=${() => show(session.slide + 1)}>${staffMsg('nextSlide')}</button>`
              : null}
          </div>
          ${this.writes.alert('offline')}
        </section>`}
        ${current
          ? html`<section aria-label=${staffMsg('sectionClock')}>
              <h3>${this.deck?.sections.find((s) => s.id === current.id)?.title ?? current.title}</h3>
              <div class="clock">
                <span class="big ${elapsedMs > current.plannedMs ? 'over' : ''}">${formatElapsed(elapsedMs)}</span>
                <span>${staffMsg(current.approximate ? 'ofAboutPlanned' : 'ofPlanned', { n: Math.round(current.plannedMs / 60_000) })}</span>
              </div>
            </section>`
          : null}
        ${live.part('timer')?.slide === session.slide || slide.activity?.timer
          ? html`<section aria-label=${staffMsg('timer')}><pd-slide-timer slide=${session.slide}></pd-slide-timer></section>`
          : null}
        <section aria-label=${staffMsg('pacing')}><pd-pacing></pd-pacing></section>
        <pd-district-terms></pd-district-terms>
        <section aria-label=${staffMsg('whoJoined')}>
          <h3>${staffMsg('joinedCount', { n: roster?.total ?? 0 })}</h3>
          <dl class="roster">
            ${deck.groups.map((group) => html`<dt>${group.plural}</dt><dd>${roster?.byGroup[group.id] ?? 0}</dd>`)}
          </dl>
        </section>
        <section aria-label=${staffMsg('recordsHeading')}><pd-records-panel></pd-records-panel></section>
        ${this.screenRole === 'coach'
          ? null
          : html`<section aria-label=${staffMsg('cards')}>
              <h3>${staffMsg('cards')}</h3>
              <pd-card-moderation></pd-card-moderation>
            </section>`}
        ${this.screenRole !== 'coach' && live.part('series') ? html`<section aria-label=${seriesMsg('fidelity')}><pd-fidelity-checklist></pd-fidelity-checklist></section>` : null}
      </div>
    `;
  }

  /** What the school has not prepared on this slide (the slide is projected without it), and how much is left in the deck. */
  private renderUnfilled(slide: StaffDeck['slides'][number]) {
    const deck = this.deck;
    if (!deck) return null;
    const left = deck.slides.flatMap((s) => s.unfilled.filter((u) => u.kind !== 'value').map((u) => ({ ...u, slide: s.number })));
    const here = slide.unfilled.filter((u) => u.kind !== 'value');
    if (here.length === 0 && left.length === 0) return null;
    return html`<div class="unfilled" role="note" aria-label=${staffMsg('unfilledHeading')}>
      ${here.map((u) => html`<p>${staffMsg('unfilledSlide', { what: 'label' in u ? u.label : '' })}</p>`)}
      ${left.length
        ? html`<p>${staffMsg('unfilledHeading')}: ${left.map((u) => `${u.slide} (${'label' in u ? u.label : ''})`).join(', ')}</p>`
        : null}
    </div>`;
  }
}

customElements.define('pd-notes-view', PdNotesView);

declare global {
  interface HTMLElementTagNameMap {
    'pd-notes-view': PdNotesView;
  }
}
