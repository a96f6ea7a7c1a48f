import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { staffMsg } from '../shared/staff-messages.js';

/** The open answers of one slide, newest first, each with Hide/Show for the word cloud. */
export class PdAnswerModeration extends StaffSlideElement {
  static override styles = [
    staffStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.3rem 0;
        border-bottom: 1px solid var(--pd-line-soft);
      }
      .hidden span {
        text-decoration: line-through;
        color: var(--pd-ink-muted);
      }
    `,
  ];

  override render() {
    const live = this.live;
    const answers = (live?.part('answers') ?? []).filter((a) => a.slide === this.slide).reverse();
    const setHidden = (id: string, hidden: boolean) =>
      live && this.writes.run(() => bodyOf(live.api.answers[':id'].visibility.$put({ param: { code: live.code, id }, json: { hidden } })));
    return html`<h3>${staffMsg('answersCount', { n: answers.length })}</h3>
      ${this.writes.alert()}
      <ul aria-label=${staffMsg('answers')}>
        ${answers.map(
          (a) => html`<li class=${a.hidden ? 'hidden' : ''}>
            <span>${a.text}</span>
            <button aria-label=${staffMsg(a.hidden ? 'showAnswer' : 'hideAnswer', { text: a.text })} @click=${() => setHidden(a.id, !a.hidden)}>
              ${a.hidden ? staffMsg('show') : staffMsg('hide')}
            </button>
          </li>`,
        )}
      </ul>`;
  }
}

customElements.define('pd-answer-moderation', PdAnswerModeration);

declare global {
  interface HTMLElementTagNameMap {
    'pd-answer-moderation': PdAnswerModeration;
  }
}
