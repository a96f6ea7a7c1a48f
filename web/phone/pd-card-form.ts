import { html } from 'lit';
import type { OwnCard } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { focusResult } from '../shared/focus.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

const MAX_LENGTH = 500;

interface Side {
  key: 'text' | 'front' | 'back';
  label: string;
  prompt: string;
  wall: string;
}

type Screen = ActivityScreen<'card' | 'two-sided-card'>;

/**
 * Writes the participant's card for a `card` or `two-sided-card` activity, then shows it
 * with Edit and Withdraw while the activity is open. What is typed is kept on the phone
 * until the server has it, so a reload or a dropped connection loses nothing.
 */
export class PdCardForm extends PhoneActivityElement<'card' | 'two-sided-card'> {
  static override styles = phoneStyles;
  static override properties = {
    editing: { state: true },
    busy: { state: true },
    sentValues: { state: true },
  };

  protected readonly kinds = ['card', 'two-sided-card'] as const;
  declare private editing: boolean;
  declare private busy: boolean;
  /** A new card's text from Send until the stream shows it as the person's card (not the empty form meanwhile). */
  declare private sentValues: Record<string, string> | null;

  constructor() {
    super();
    this.editing = false;
    this.busy = false;
    this.sentValues = null;
  }

  private sides({ activity: a }: Screen): Side[] {
    if (a.kind === 'two-sided-card') {
      return [
        { key: 'front', ...a.front },
        { key: 'back', ...a.back },
      ];
    }
    return [{ key: 'text', label: a.label, prompt: a.prompt, wall: a.wall }];
  }

  private myCards({ me, slide }: Screen): OwnCard[] {
    return me.cards.filter((c) => c.slide === slide);
  }

  private pending({ live, slide }: Screen) {
    return live.pendingWrites('POST', '/cards').find((w) => (w.body as { slide?: number }).slide === slide);
  }

  private draftKey({ live, slide }: Screen, side: string) {
    return `pd-draft:${live.code}:${slide}:${side}`;
  }

  protected override renderScreen(screen: Screen) {
    const cards = this.myCards(screen);
    const pending = this.pending(screen);
    if (cards.length > 0 && !this.editing) return this.renderCards(screen, cards);
    if (pending && !this.editing) return this.renderPending(screen, pending.body as Record<string, string>);
    if (this.sentValues && !this.editing) return this.renderPending(screen, this.sentValues);
    if (!screen.open) return html`<p>${msg('activityClosed')}</p>`;
    return this.renderForm(screen, cards);
  }

  private renderCards(screen: Screen, cards: OwnCard[]) {
    const sides = this.sides(screen);
    return html`
      <h2 data-result>${msg('yourCard')}</h2>
      ${sides.map((side) => {
        const card = cards.find((c) => c.wall === side.wall);
        if (!card) return null;
        return html`<div class="card" role="group" aria-label=${side.label}>
          ${sides.length > 1 ? html`<span class="side">${side.key === 'front' ? msg('cardFront') : msg('cardBack')} · ${side.label}</span>` : null}
          <p class="text">${card.text}</p>
        </div>
        ${card.hidden ? html`<p class="hint">${msg('hiddenByFacilitator')}</p>` : null}`;
      })}
      ${this.writes.alert()}
      ${screen.open
        ? html`<div class="row">
            <button class="secondary" @click=${() => this.edit()}>${msg('edit')}</button>
            <button class="secondary" @click=${() => this.withdraw(screen)} ?disabled=${this.busy}>${msg('withdraw')}</button>
          </div>`
        : html`<p class="hint">${msg('activityClosed')}</p>`}
    `;
  }

  private renderPending(screen: Screen, body: Record<string, string>) {
    return html`
      <h2 data-result>${msg('yourCard')}</h2>
      ${this.sides(screen).map((side) => html`<div class="card"><p class="text">${body[side.key]}</p></div>`)}
      <p class="hint" role="status">${!navigator.onLine ? msg('offline') : screen.live.writeFailed ? msg('stillSending') : screen.live.connected ? msg('sending') : msg('offline')}</p>
    `;
  }

  private renderForm(screen: Screen, existing: OwnCard[]) {
    const sides = this.sides(screen);
    return html`
      <form @submit=${(e: SubmitEvent) => this.submit(e, screen)}>
        ${sides.map((side) => {
          const current = existing.find((c) => c.wall === side.wall)?.text ?? localStorage.getItem(this.draftKey(screen, side.key)) ?? '';
          return html`
            ${sides.length > 1 ? html`<span class="side">${side.key === 'front' ? msg('cardFront') : msg('cardBack')}</span>` : null}
            <p class="prompt" id=${`prompt-${side.key}`} lang=${this.deckLang(screen)}>${side.prompt}</p>
            <label for=${`side-${side.key}`} lang=${this.deckLang(screen)}>${side.label}</label>
            <textarea
              id=${`side-${side.key}`}
              name=${side.key}
              maxlength=${MAX_LENGTH}
              required
              aria-describedby=${`prompt-${side.key}`}
              .value=${current}
              @input=${(e: InputEvent) => localStorage.setItem(this.draftKey(screen, side.key), (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          `;
        })}
        ${this.writes.alert()}
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${existing.length ? msg('save') : msg('submit')}</button>
          ${this.editing ? html`<button type="button" class="secondary" @click=${() => (this.editing = false)}>${msg('cancel')}</button>` : null}
        </div>
      </form>
    `;
  }

  private async submit(event: SubmitEvent, screen: Screen) {
    event.preventDefault();
    const { live, slide } = screen;
    const sides = this.sides(screen);
    const form = new FormData(event.target as HTMLFormElement);
    const values = Object.fromEntries(sides.map((s) => [s.key, String(form.get(s.key) ?? '')]));
    const existing = this.myCards(screen);
    const code = live.code;
    this.busy = true;
    const writes =
      existing.length > 0
        ? sides.flatMap((side) => {
            const card = existing.find((c) => c.wall === side.wall);
            return card && card.text !== values[side.key] ? [bodyOf(live.api.cards[':id'].$patch({ param: { code, id: card.id }, json: { text: values[side.key] } }))] : [];
          })
        : [bodyOf(live.api.cards.$post({ param: { code }, json: screen.activity.kind === 'two-sided-card' ? { slide, front: values.front, back: values.back } : { slide, text: values.text } }))];
    this.editing = false;
    if (existing.length === 0) this.sentValues = values;
    this.requestUpdate();
    // Focus follows the card to where it now shows; without a network it waits on the phone.
    void this.showResult(live.connected ? msg('sending') : msg('cardQueuedAnnouncement'));
    const sent = await this.writes.run(() => Promise.all(writes));
    if (sent) for (const side of sides) localStorage.removeItem(this.draftKey(screen, side.key));
    else this.editing = true;
    // The answer is in; the card itself comes with the stream's next patch.
    if (sent && existing.length === 0) await this.shownAsMine(screen);
    this.sentValues = null;
    this.busy = false;
    if (sent) void this.showResult(existing.length > 0 ? msg('cardSavedAnnouncement') : msg('cardSentAnnouncement'));
    // A refusal is said by the form's alert; focus goes back to the text to fix it.
    else void this.updateComplete.then(() => focusResult(this.renderRoot, 'textarea'));
  }

  /** Resolves once the person's card on this slide is in their view (or after a few seconds). */
  private shownAsMine({ live, slide }: Screen): Promise<void> {
    return new Promise((resolve) => {
      let off = () => {};
      const timer = setTimeout(() => finish(), 5000);
      const finish = () => {
        off();
        clearTimeout(timer);
        resolve();
      };
      const check = () => {
        if (live.part('me')?.cards.some((card) => card.slide === slide)) finish();
      };
      off = live.subscribe(check);
      check();
    });
  }

  private edit() {
    this.editing = true;
    void this.showResult(msg('cardEditingAnnouncement'), 'textarea');
  }

  private async withdraw(screen: Screen) {
    if (!confirm(msg('withdrawConfirm'))) return;
    const card = this.myCards(screen)[0];
    if (!card) return;
    this.busy = true;
    await this.writes.run(() => bodyOf(screen.live.api.cards[':id'].$delete({ param: { code: screen.live.code, id: card.id } })));
    this.busy = false;
  }
}

customElements.define('pd-card-form', PdCardForm);

declare global {
  interface HTMLElementTagNameMap {
    'pd-card-form': PdCardForm;
  }
}
