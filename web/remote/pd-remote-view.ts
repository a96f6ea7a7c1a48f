import { css, html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import '../present/pd-slide-timer.js';

/**
 * The lead's remote on a phone or tablet, as Slido and Mentimeter offer one: the slide
 * shown, big previous and next buttons that move every screen of the room, the slide's
 * notes and its timer. It writes the session's slide like the presenter does, so every
 * presenter window follows whichever screen moved it.
 */
export class PdRemoteView extends StaffElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.8rem;
        padding: 0.8rem;
        min-height: 100vh;
        box-sizing: border-box;
        font-family:
          system-ui,
          -apple-system,
          'Segoe UI',
          Roboto,
          sans-serif;
        color: var(--pd-ink);
        font-size: 1.05rem;
      }
      header h1 {
        font-size: 1rem;
        font-weight: 600;
        margin: 0;
        color: var(--pd-ink-soft);
      }
      header h2 {
        font-size: 1.4rem;
        margin: 0.2rem 0 0;
      }
      header h1,
      header h2 {
        overflow-wrap: break-word;
        hyphens: auto;
      }
      /* Side by side on a phone; one above the other when large text would not fit two across. */
      .moves {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
        gap: 0.6rem;
      }
      .moves button {
        min-height: 5.5rem;
        min-width: 0;
        font-size: 1.4rem;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .control {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      section {
        background: var(--pd-surface);
        border: 1px solid var(--pd-line);
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 0.3rem;
      }
      .notes {
        line-height: 1.45;
        overflow-wrap: anywhere;
      }
      pd-slide-timer {
        --pd-timer-size: 2.6rem;
      }
    `,
  ];

  override render() {
    const session = this.live?.part('session');
    const deck = this.deck;
    const live = this.live;
    if (!session || !deck || !live) return html`<p role="status">${staffMsg('connecting')}</p>`;
    const slide = deck.slides[session.slide - 1];
    const leadHolds = session.control === 'lead';
    const code = live.code;
    const show = (n: number) => this.writes.run(() => bodyOf(live.api.presentation.slide.$put({ param: { code }, json: { slide: n } })));
    const takeBack = () => this.writes.run(() => bodyOf(live.api.presentation.control.$put({ param: { code }, json: { holder: 'lead' } })));
    const hasTimer = live.part('timer')?.slide === session.slide || Boolean(slide?.activity?.timer);
    return html`
      <header>
        <h1>
          ${staffMsg('slideOf', { n: session.slide, total: session.slideCount })}${live.connected ? '' : html` · <span role="status">${staffMsg('reconnecting')}</span>`}
        </h1>
        <h2>${slide?.title ?? ''}</h2>
      </header>
      <div class="moves" role="group" aria-label=${staffMsg('remoteMoves')}>
        <button ?disabled=${!leadHolds || session.slide <= 1} @click=${() => show(session.slide - 1)}>${staffMsg('previousSlide')}</button>
        <button class="primary" ?disabled=${!leadHolds || session.slide >= session.slideCount} @click=${() => show(session.slide + 1)}>
          ${staffMsg('nextSlide')}
        </button>
      </div>
      ${
        leadHolds
          ? null
          : html`<div class="control">
              <span role="status">${staffMsg('supportHoldsSlides')}</span>
              <button @click=${takeBack}>${staffMsg('takeBackSlides')}</button>
            </div>`
      }
      ${this.writes.alert()}
      ${hasTimer ? html`<section aria-label=${staffMsg('slideTimer')}><pd-slide-timer slide=${session.slide}></pd-slide-timer></section>` : null}
      <section aria-label=${staffMsg('facilitatorNotes')}>
        <h3>${staffMsg('notesHeading')}</h3>
        <div class="notes">${unsafeHTML(slide?.notesHtml ?? '')}</div>
      </section>
    `;
  }
}

customElements.define('pd-remote-view', PdRemoteView);

declare global {
  interface HTMLElementTagNameMap {
    'pd-remote-view': PdRemoteView;
  }
}
