import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html, nothing } from 'lit';
import { INVENTORY_MARKS, OTHER_MARKS, type InventoryMark, type MyInventoryPart, type OtherMark } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { inventoryCatalog, invMsg, markWord } from '../shared/inventory-messages.js';
import { InventoryWordsController, type InventoryStrategyWords } from '../shared/inventory-words.js';
import { currentLanguage } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

type Screen = ActivityScreen<'inventory'>;

/**
 * The District Facilitation Inventory on a member's phone or laptop: one strategy at a
 * time, each activity ✓ (conducted now), ☆ (to initiate) or neither, and the person's own
 * "other" activities. They move between strategies at their own pace; the slide only says
 * where the phone opens. A mark shows at once: until the server has it, it is read from
 * the outbox (so it survives going offline and a reload), then from the person's own part.
 */
export class PdInventory extends PhoneActivityElement<'inventory'> {
  /** Its own words are the inventory's, fetched the first time an inventory slide shows: it re-renders when they arrive. */
  private readonly inventoryLanguage = new LanguageController(this, inventoryCatalog);
  static override styles = [
    phoneStyles,
    css`
      .nav {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.75rem;
      }
      .nav select {
        flex: 1;
      }
      .nav button {
        padding: 0.5rem 0.8rem;
        flex: none;
      }
      .purpose {
        color: var(--pd-ink-soft);
        margin: 0 0 0.5rem;
      }
      progress {
        width: 100%;
        height: 0.8rem;
      }
      fieldset {
        border: 1px solid var(--pd-line);
        border-radius: 10px;
        padding: 0.6rem 0.8rem 0.7rem;
        margin: 0.8rem 0;
        background: var(--pd-surface);
      }
      fieldset.answered {
        border-color: var(--pd-primary);
      }
      /* Floated, so a long activity sits inside its box instead of across the border. */
      legend {
        float: left;
        width: 100%;
        font-size: 1.02rem;
        font-weight: 600;
        padding: 0;
      }
      .marks {
        clear: both;
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.4rem;
        margin-top: 0.4rem;
      }
      .marks label {
        margin: 0;
        display: flex;
        align-items: center;
        justify-content: center;
        text-align: center;
        gap: 0.3rem;
        min-height: 44px;
        border: 2px solid var(--pd-line);
        border-radius: 8px;
        font-size: 0.95rem;
        cursor: pointer;
        position: relative;
      }
      /* The radio covers its whole button, invisible: the button is what a thumb hits. */
      .marks input {
        position: absolute;
        inset: 0;
        opacity: 0;
        width: 100%;
        height: 100%;
        margin: 0;
        cursor: pointer;
      }
      .marks label:has(input:checked) {
        border-color: var(--pd-primary);
        background: var(--pd-primary);
        color: var(--pd-surface);
      }
      .marks label:has(input:focus-visible) {
        outline: 3px solid var(--pd-focus);
        outline-offset: 2px;
      }
      .own li {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        align-items: center;
        margin: 0.4rem 0;
      }
      .own li button {
        min-height: 40px;
        padding: 0.3rem 0.7rem;
      }
      .own-mark {
        display: flex;
        gap: 1rem;
      }
      .own-mark label {
        display: flex;
        gap: 0.3rem;
        align-items: center;
        margin: 0.3rem 0;
        font-weight: 400;
      }
      .own-mark input {
        width: 1.3rem;
        height: 1.3rem;
      }
    `,
  ];

  static override properties = { chosen: { state: true } };

  protected readonly kinds = ['inventory'] as const;
  /** The strategy this person moved to, and the slide they did it on (a new marking slide opens its own strategy). */
  declare private chosen: { strategy: string; slide: number } | null;
  /** Marks chosen here whose echo has not come down the stream yet (so the choice never flickers back). */
  private readonly recent = new Map<string, InventoryMark>();
  private readonly words = new InventoryWordsController(this, () => {
    const live = this.live;
    if (!live) return null;
    return { api: live.api, code: live.code, lang: currentLanguage(), version: this.move('inventory')?.wordsVersion ?? 0 };
  });

  constructor() {
    super();
    this.chosen = null;
    addEventListener('pd-language', () => this.requestUpdate());
  }

  protected override renderScreen(screen: Screen) {
    const words = this.words.value;
    if (!words) return html`<p role="status">${invMsg('loading')}</p>`;
    const strategies = words.strategies;
    const wanted = this.chosen?.slide === screen.slide ? this.chosen.strategy : (screen.activity.strategy ?? strategies[0].id);
    const at = Math.max(0, strategies.findIndex((s) => s.id === wanted));
    const strategy = strategies[at];
    const mine = this.myAnswers(screen);
    const answered = (s: InventoryStrategyWords) => s.activities.filter((a) => mine.marks[a.id]).length;
    const total = strategies.reduce((n, s) => n + s.activities.length, 0);
    const done = strategies.reduce((n, s) => n + answered(s), 0);
    const go = (index: number) => (this.chosen = { strategy: strategies[index].id, slide: screen.slide });
    return html`
      <p class="hint">${invMsg('directions')}</p>
      <div class="nav">
        <button class="secondary" aria-label=${invMsg('previous')} ?disabled=${at === 0} @click=${() => go(at - 1)}>‹</button>
        <select aria-label=${invMsg('chooseStrategy')} @change=${(e: Event) => go(Number((e.target as HTMLSelectElement).value))}>
          ${strategies.map(
            (s, i) =>
              html`<option value=${i} ?selected=${i === at}>${i + 1}. ${s.title} (${answered(s) === s.activities.length ? invMsg('strategyDone') : `${answered(s)}/${s.activities.length}`})</option>`,
          )}
        </select>
        <button class="secondary" aria-label=${invMsg('next')} ?disabled=${at === strategies.length - 1} @click=${() => go(at + 1)}>›</button>
      </div>
      <p class="hint">${invMsg('strategyOf', { n: at + 1, total: strategies.length })}</p>
      <h2>${strategy.title}</h2>
      <p class="purpose">${strategy.purpose}</p>
      <p role="status">${invMsg('progressAll', { n: done, total })}</p>
      <progress max=${total} value=${done} aria-label=${invMsg('progressStrategy', { n: answered(strategy), total: strategy.activities.length })}></progress>
      ${screen.open ? nothing : html`<p class="error" role="alert">${invMsg('closed')}</p>`}
      ${strategy.activities.map((a) => this.renderActivity(screen, a, mine.marks[a.id] ?? null))}
      ${this.renderOwn(screen, strategy, mine.others)} ${this.writes.alert()}
      ${at < strategies.length - 1
        ? html`<div class="row"><button class="secondary" @click=${() => go(at + 1)}>${invMsg('next')}: ${strategies[at + 1].title}</button></div>`
        : nothing}
    `;
  }

  private renderActivity({ open }: Screen, activity: { id: string; text: string }, mark: InventoryMark | null) {
    return html`<fieldset class=${mark ? 'answered' : ''} ?disabled=${!open}>
      <legend>${activity.text}</legend>
      <div class="marks" role="radiogroup" aria-label=${invMsg('markGroup', { activity: activity.text })}>
        ${INVENTORY_MARKS.map(
          (m) =>
            html`<label
              ><input type="radio" name=${`mark-${activity.id}`} value=${m} .checked=${mark === m} @change=${() => this.mark(activity.id, m)} />${markWord(m)}</label
            >`,
        )}
      </div>
    </fieldset>`;
  }

  private renderOwn({ open }: Screen, strategy: InventoryStrategyWords, others: MyInventoryPart['others']) {
    const here = others.filter((o) => o.strategy === strategy.id);
    return html`<section class="own" aria-label=${invMsg('ownTitle')}>
      <h2>${invMsg('ownTitle')}</h2>
      <p class="purpose">${strategy.other}</p>
      ${here.length
        ? html`<ul>
            ${here.map(
              (o) =>
                html`<li>
                  <span>${o.mark ? `${markWord(o.mark)}: ` : ''}${o.text}</span>
                  ${o.id.startsWith('pending:')
                    ? html`<span class="hint">${invMsg('sending')}</span>`
                    : html`<button class="secondary" aria-label=${invMsg('ownRemoveNamed', { text: o.text })} ?disabled=${!open} @click=${() => this.removeOwn(o.id)}>
                        ${invMsg('ownRemove')}
                      </button>`}
                </li>`,
            )}
          </ul>`
        : nothing}
      <form @submit=${(e: SubmitEvent) => this.addOwn(e, strategy.id)}>
        <label for="own-text">${invMsg('ownLabel')}</label>
        <input id="own-text" name="text" maxlength="200" autocomplete="off" ?disabled=${!open} />
        <div class="own-mark" role="radiogroup" aria-label=${invMsg('ownMarkLabel')}>
          ${OTHER_MARKS.map((m) => html`<label><input type="radio" name="own-mark" value=${m} ?disabled=${!open} />${markWord(m)}</label>`)}
        </div>
        <div class="row"><button type="submit" ?disabled=${!open}>${invMsg('ownAdd')}</button></div>
      </form>
    </section>`;
  }

  /** The person's answers as the server has them, with the writes still waiting in the outbox on top. */
  private myAnswers({ live }: Screen): MyInventoryPart {
    const part = live.part('myInventory') ?? { marks: {}, others: [] };
    const marks: Record<string, InventoryMark> = { ...part.marks };
    for (const [id, mark] of this.recent) {
      if (part.marks[id] === mark) this.recent.delete(id);
      else marks[id] = mark;
    }
    for (const write of live.pendingWrites('PUT', '')) {
      const id = write.url.match(/\/inventory\/marks\/([a-z0-9-]+)$/)?.[1];
      if (!id) continue;
      const mark = (write.body as { mark: InventoryMark | null }).mark;
      if (mark) marks[id] = mark;
      else delete marks[id];
    }
    const removing = new Set(live.pendingWrites('DELETE', '').map((w) => w.url.match(/\/inventory\/others\/([^/]+)$/)?.[1]));
    const adding = live.pendingWrites('POST', '/inventory/others').map((w, i) => {
      const body = w.body as { strategy: string; text: string; mark?: OtherMark | null };
      return { id: `pending:${i}`, strategy: body.strategy, text: body.text, mark: body.mark ?? null };
    });
    return { marks, others: [...part.others.filter((o) => !removing.has(o.id)), ...adding] };
  }

  private mark(activityId: string, mark: InventoryMark) {
    const live = this.live;
    if (!live) return;
    // Shown as chosen from the click until the stream brings it back; a refusal takes it away.
    this.recent.set(activityId, mark);
    void this.writes
      .run(() => bodyOf(live.api.inventory.marks[':activityId'].$put({ param: { code: live.code, activityId }, json: { mark } })))
      .then((answer) => {
        if (!answer && this.recent.get(activityId) === mark) this.recent.delete(activityId);
        this.requestUpdate();
      });
    this.requestUpdate();
  }

  private async addOwn(event: SubmitEvent, strategy: string) {
    event.preventDefault();
    const live = this.live;
    if (!live) return;
    const form = event.target as HTMLFormElement;
    const fields = new FormData(form);
    const text = String(fields.get('text') ?? '').trim();
    if (!text) return this.writes.say(invMsg('ownEmpty'));
    const mark = (fields.get('own-mark') as OtherMark | null) ?? null;
    form.reset();
    await this.writes.run(() => bodyOf(live.api.inventory.others.$post({ param: { code: live.code }, json: { strategy, text, mark } })));
  }

  private removeOwn(otherId: string) {
    const live = this.live;
    if (!live) return;
    void this.writes.run(() => bodyOf(live.api.inventory.others[':otherId'].$delete({ param: { code: live.code, otherId } })));
    this.requestUpdate();
  }
}

customElements.define('pd-inventory', PdInventory);

declare global {
  interface HTMLElementTagNameMap {
    'pd-inventory': PdInventory;
  }
}
