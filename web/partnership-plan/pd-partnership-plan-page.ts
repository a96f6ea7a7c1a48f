import { css, html } from 'lit';
import type { PlanStrategy } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { protocolCatalog, protocolMsg } from '../shared/protocol-messages.js';
import { ProtocolPageElement } from '../shared/protocol-page-element.js';
import { WriteGuard } from '../shared/write-guard.js';
import type { PlanClient, PlanPage } from './plan-api.js';
import '../shared/pd-language-picker.js';
import './pd-partnership-plan-strategy.js';

/** How often an open plan page looks for changes made elsewhere (the notes view, another facilitator). */
const REFRESH_MS = 5000;

/**
 * The Partnership Plan's page (step 7): every voted strategy, those on the continuum first
 * by subject area and grade, with what the plan says of each; the regular meeting times
 * and the team's contact; the PDF, the thank-you letters and the exports. Anyone with the
 * code reads it in their language; a facilitator's browser edits it.
 */
export class PdPartnershipPlanPage extends ProtocolPageElement {
  static override properties = { editable: { type: Boolean }, page: { state: true }, problem: { state: true } };
  /** Whether this browser holds a facilitator's key. */
  declare editable: boolean;
  declare private page: PlanPage | null;
  declare private problem: string;
  /** The client as the strategies get it (never the bare proxy: see PlanClient); kept, so they do not re-render for nothing. */
  private client: PlanClient | null = null;
  private readonly writes = new WriteGuard(this, (error) => protocolMsg('refused', { reason: error instanceof Error ? error.message : String(error) }));

  static override styles = css`
    :host {
      display: block;
      max-width: 60rem;
      margin: 0 auto;
      padding: 1rem min(1rem, 3vw);
      font-family: system-ui, sans-serif;
      color: var(--pd-ink);
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .tools a,
    .tools button {
      font: 600 0.95rem system-ui, sans-serif;
      padding: 0.45rem min(0.8rem, 2vw);
      border-radius: 8px;
      border: 2px solid var(--pd-primary);
      background: var(--pd-surface);
      color: var(--pd-primary);
      text-decoration: none;
      cursor: pointer;
    }
    header {
      border-bottom: 3px solid var(--pd-primary);
      margin: 1rem 0;
    }
    h1 {
      margin: 0;
      font-size: clamp(1.25rem, 7vw, 2rem);
    }
    h2 {
      font-size: clamp(1.1rem, 5.5vw, 1.5rem);
    }
    /* A word wider than a phone with large text is broken rather than scrolled sideways; others wrap between words. */
    h1,
    h2,
    a,
    label {
      overflow-wrap: break-word;
    }
    .subtitle {
      margin: 0.2rem 0 0.5rem;
      font-size: 1.2rem;
    }
    .hint {
      color: var(--pd-ink-soft);
    }
    form {
      display: grid;
      gap: 0.3rem;
      max-width: 40rem;
    }
    textarea,
    input,
    select {
      font: inherit;
      box-sizing: border-box;
      max-width: 100%;
      min-width: 0;
    }
    .problem {
      color: var(--pd-danger);
    }
    form button {
      font: inherit;
      justify-self: start;
      padding: 0.35rem 0.8rem;
    }
    @media print {
      .tools,
      form {
        display: none;
      }
    }
  `;

  constructor() {
    super(REFRESH_MS);
    this.editable = false;
    this.page = null;
    this.problem = '';
  }

  protected override async load() {
    if (!this.api) return;
    try {
      this.page = await bodyOf(this.api.plan.$get({ param: { code: this.code }, query: { lang: this.readerLang } }));
      this.problem = '';
      document.title = `${this.page.wording.title} · ${this.page.schoolName || this.page.deckTitle}`;
    } catch {
      this.problem = this.t('loadFailed');
    }
  }

  override render() {
    const page = this.page;
    if (!page) return html`<p class=${this.problem ? 'problem' : ''} role="status">${this.problem || this.t('loading')}</p>`;
    const words = page.wording;
    const placed = this.placedFirst(page.plan.strategies);
    const pdf = (path: string, extra = '') => `/api/sessions/${this.code}/plan/${path}?lang=${page.lang}${extra}`;
    return html`
      <nav class="tools" aria-label=${this.t('download')}>
        <a href=${pdf('pdf')} download>${this.t('download')}</a>
        <a href=${pdf('pdf', '&size=a4')} download>${this.t('download')} · ${this.t('downloadA4')}</a>
        <a href=${pdf('letters.pdf')} download>${this.t('letters')}</a>
        ${this.editable
          ? html`<button @click=${() => this.download('export.csv')}>${this.t('exportCsv')}</button>
              <button @click=${() => this.download('export.json')}>${this.t('exportJson')}</button>`
          : null}
        <pd-language-picker .catalog=${protocolCatalog} label=${this.t('language')}></pd-language-picker>
      </nav>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}
      ${this.writes.alert('problem')}
      <header lang=${page.lang}>
        <p class="hint">${page.schoolName || words.school}</p>
        <h1>${words.title}</h1>
        <p class="subtitle">${words.subtitle}</p>
      </header>
      <p class="hint">${this.editable ? this.t('editing') : this.t('readOnly')}</p>
      <h2>${words.meetingTimes}</h2>
      ${this.editable
        ? html`<form @submit=${this.savePlan} aria-label=${this.t('savePlan')}>
            <label for="meeting-times">${words.meetingTimes}</label>
            <textarea id="meeting-times" name="meetingTimes" .value=${page.plan.meetingTimes}></textarea>
            <label for="contact">${words.contact}</label>
            <input id="contact" name="contact" .value=${page.plan.contact} />
            <button type="submit">${this.t('savePlan')}</button>
          </form>`
        : html`<p>${page.plan.meetingTimes || words.notYet}</p>
            <p>${words.contact}: ${page.plan.contact || words.notYet}</p>`}
      <h2>${words.strategies}</h2>
      ${placed.length === 0 ? html`<p class="hint">${this.t('noStrategies')}</p>` : null}
      ${placed.map(
        (s) => html`<pd-partnership-plan-strategy
          .strategy=${s}
          .page=${page}
          .client=${this.clientForChildren()}
          code=${this.code}
          lang=${page.lang}
          ?editable=${this.editable}
          @pd-saved=${() => this.load()}
        ></pd-partnership-plan-strategy>`,
      )}
    `;
  }

  private clientForChildren(): PlanClient | null {
    if (this.client?.api !== this.api) this.client = this.api ? { api: this.api } : null;
    return this.client;
  }

  /** Strategies on the continuum first (by subject area, then youngest grade); then the rest by their dots. */
  private placedFirst(strategies: PlanStrategy[]): PlanStrategy[] {
    const plan = this.page!.plan;
    const rank = (s: PlanStrategy) => {
      if (!s.placement) return [1, 0, -s.dots];
      const key = s.placement.subject.trim().replace(/\s+/g, ' ').toLowerCase();
      return [0, plan.subjects.findIndex((sub) => sub.key === key), Math.min(...s.placement.grades.map((g) => plan.grades.indexOf(g)))];
    };
    return [...strategies].sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
  }

  /** Another language chosen on the menu: the address names it (a link copied now opens in it) and the plan's words are asked again. */
  protected override languageChosen() {
    const url = new URL(location.href);
    url.searchParams.set('lang', this.readerLang);
    history.replaceState(null, '', url);
    void this.load();
  }

  private readonly savePlan = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const json = { meetingTimes: String(data.get('meetingTimes') ?? ''), contact: String(data.get('contact') ?? '') };
    if (await this.writes.run(() => bodyOf(this.api!.plan.$put({ param: { code: this.code }, json })))) void this.load();
  };

  /** The exports need the facilitator's key, which a plain link cannot carry: fetched, then saved as a file. */
  private async download(file: 'export.csv' | 'export.json') {
    await this.writes.run(async () => {
      const request = file === 'export.csv' ? this.api!.plan['export.csv'].$get({ param: { code: this.code }, query: { lang: this.readerLang } }) : this.api!.plan['export.json'].$get({ param: { code: this.code }, query: { lang: this.readerLang } });
      const res = await request;
      if (!res.ok) throw new Error(`${res.status}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await res.blob());
      link.download = `partnership-plan-${this.code}.${file.split('.')[1]}`;
      link.click();
      URL.revokeObjectURL(link.href);
    });
  }
}

customElements.define('pd-partnership-plan-page', PdPartnershipPlanPage);

declare global {
  interface HTMLElementTagNameMap {
    'pd-partnership-plan-page': PdPartnershipPlanPage;
  }
}
