import { css, html } from 'lit';
import type { FieldValue } from '../../server/deck/render-slide.js';
import { bodyOf, type SuccessBody } from '../shared/live/api-client.js';
import type { SessionApi } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { prepareStyles } from './prepare-styles.js';
import './pd-field-editor.js';
import './pd-slide-preview.js';

type Preparation = SuccessBody<Awaited<ReturnType<SessionApi['preparation']['$get']>>>;

/**
 * Before the workshop, the lead prepares it here: the school's name, the workshop's date,
 * the next meeting and future dates (the slides and phones write them out in each
 * language), each slide the deck declares customisable, and a preview of every slide as
 * it will be projected.
 */
export class PdPreparationPage extends StaffElement {
  static override styles = [
    staffStyles,
    prepareStyles,
    css`
      :host {
        display: block;
        max-width: 72rem;
        margin: 0 auto;
        padding: 1rem 1.25rem 3rem;
        font-family:
          system-ui,
          -apple-system,
          'Segoe UI',
          Roboto,
          sans-serif;
        color: var(--pd-ink);
      }
      h1 {
        font-size: 1.6rem;
        margin: 0.3rem 0 0.2rem;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      .sticky {
        position: sticky;
        top: 0.5rem;
      }
      @media (max-width: 900px) {
        .columns {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      h1,
      h2 {
        overflow-wrap: break-word;
        hyphens: auto;
      }
      ul.dates {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul.dates li {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin: 0.3rem 0;
      }
    `,
  ];

  static override properties = {
    staffKey: { attribute: false },
    preparation: { state: true },
    futureDates: { state: true },
    saved: { state: true },
  };

  /** The lead's key (main.ts), for the field editors' image uploads. */
  declare staffKey: string;
  declare private preparation: Preparation | null;
  /** The future dates being edited (the list grows and shrinks before it is saved). */
  declare private futureDates: string[];
  declare private saved: boolean;
  private loadedSeq = -1;

  constructor() {
    super();
    this.staffKey = '';
    this.preparation = null;
    this.futureDates = [];
    this.saved = false;
  }

  protected override updated(): void {
    // Fetch again whenever the session's preparation moves (saved here, or by someone else).
    const seq = this.live?.part('preparation')?.seq;
    if (seq !== undefined && seq !== this.loadedSeq) {
      this.loadedSeq = seq;
      void this.load();
    }
  }

  private async load() {
    const live = this.live;
    if (!live) return;
    const preparation = await this.writes.run(() => bodyOf(live.api.preparation.$get({ param: { code: live.code } })));
    if (!preparation) return;
    const first = this.preparation === null;
    this.preparation = preparation;
    if (first) this.futureDates = [...preparation.values.futureDates];
  }

  override render() {
    const p = this.preparation;
    const deck = this.deck;
    if (!p || !deck) return html`<p role="status">${staffMsg('connecting')}</p>`;
    const unfilled = p.fields.filter((f) => !(f.id in p.filled)).length;
    return html`
      <header>
        <h1>${staffMsg('prepTitle')}</h1>
        <p class="hint">${deck.title} · ${staffMsg('prepSession', { code: this.live?.code ?? '' })}</p>
      </header>
      <div class="columns">
        <div>
          ${this.renderValues(p)}
          <h2>${staffMsg('prepSlidesHeading')}</h2>
          <p class="hint" role="status">${staffMsg('prepUnfilledCount', { n: unfilled, total: p.fields.length })}</p>
          ${p.fields.map(
            (field) =>
              html`<pd-field-editor
                .field=${field}
                .languages=${p.languages}
                .value=${p.filled[field.id] as FieldValue | undefined}
                .staffKey=${this.staffKey}
              ></pd-field-editor>`,
          )}
        </div>
        <div class="sticky">
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">${staffMsg('prepPreview')}</h2>
            <pd-slide-preview></pd-slide-preview>
          </section>
        </div>
      </div>
    `;
  }

  private renderValues(p: Preparation) {
    const v = p.values;
    const setDate = (i: number, value: string) => (this.futureDates = this.futureDates.map((d, k) => (k === i ? value : d)));
    return html`<section aria-labelledby="values-heading">
      <h2 id="values-heading">${staffMsg('prepSchoolAndDates')}</h2>
      <form @submit=${this.saveValues}>
        <label for="school">${staffMsg('prepSchoolName')}</label>
        <input id="school" name="schoolName" maxlength="120" .value=${v.schoolName} />
        <label for="workshop-date">${staffMsg('prepWorkshopDate')}</label>
        <input id="workshop-date" name="workshopDate" type="date" .value=${v.workshopDate.slice(0, 10)} />
        <label for="next-meeting">${staffMsg('prepNextMeeting')}</label>
        <input
          id="next-meeting"
          name="nextMeeting"
          type="datetime-local"
          .value=${v.nextMeeting.includes('T') ? v.nextMeeting : v.nextMeeting ? `${v.nextMeeting}T00:00` : ''}
        />
        <fieldset style="border:0;padding:0;margin:0.7rem 0 0">
          <legend style="font-weight:600">${staffMsg('prepFutureDates')}</legend>
          <ul class="dates">
            ${this.futureDates.map(
              (date, i) =>
                html`<li>
                  <input
                    type="date"
                    aria-label=${staffMsg('prepFutureDateN', { n: i + 1 })}
                    .value=${date}
                    @change=${(e: Event) => setDate(i, (e.target as HTMLInputElement).value)}
                  />
                  <button type="button" @click=${() => (this.futureDates = this.futureDates.filter((_, k) => k !== i))}>
                    ${staffMsg('prepRemoveDate', { n: i + 1 })}
                  </button>
                </li>`,
            )}
          </ul>
          <button type="button" @click=${() => (this.futureDates = [...this.futureDates, ''])} ?disabled=${this.futureDates.length >= 12}>
            ${staffMsg('prepAddDate')}
          </button>
        </fieldset>
        <div class="row">
          <button class="primary" type="submit">${staffMsg('prepSaveValues')}</button>
          ${this.saved ? html`<span role="status">${staffMsg('prepSaved')}</span>` : null}
        </div>
        ${this.writes.alert()}
      </form>
    </section>`;
  }

  private readonly saveValues = async (event: SubmitEvent) => {
    event.preventDefault();
    const live = this.live;
    if (!live) return;
    const form = new FormData(event.target as HTMLFormElement);
    const nextMeeting = String(form.get('nextMeeting') ?? '');
    const json = {
      schoolName: String(form.get('schoolName') ?? '').trim(),
      workshopDate: String(form.get('workshopDate') ?? ''),
      // A meeting at midnight is a date with no time.
      nextMeeting: nextMeeting.endsWith('T00:00') ? nextMeeting.slice(0, 10) : nextMeeting,
      futureDates: this.futureDates.filter((d) => d !== ''),
    };
    this.saved = false;
    const done = await this.writes.run(() => bodyOf(live.api.preparation.values.$put({ param: { code: live.code }, json })));
    if (done) this.saved = true;
  };
}

customElements.define('pd-preparation-page', PdPreparationPage);

declare global {
  interface HTMLElementTagNameMap {
    'pd-preparation-page': PdPreparationPage;
  }
}
