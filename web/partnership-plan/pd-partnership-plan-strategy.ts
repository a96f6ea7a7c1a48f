import { LitElement, css, html } from 'lit';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import type { PartnershipPlanFields, PlanStrategy } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { protocolCatalog, protocolMsg, type ProtocolMessageKey } from '../shared/protocol-messages.js';
import { inLanguage } from '../shared/text-in-language.js';
import { WriteGuard } from '../shared/write-guard.js';
import type { PlanClient, PlanPage } from './plan-api.js';

const FIELDS = ['outcomes', 'monitoring', 'evaluation', 'improvement', 'costs', 'personnel'] as const;

/**
 * One strategy of the Partnership Plan: where it sits on the continuum (subject area and
 * grades), who the partners are, its outcomes, how it is monitored, evaluated and improved,
 * its costs and personnel, and the team's checklist. Headings are the deck's own words;
 * with `editable` a facilitator changes each part, and `pd-saved` tells the page to reload.
 */
export class PdPartnershipPlanStrategy extends LitElement {
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);
  static override properties = {
    strategy: { attribute: false },
    page: { attribute: false },
    client: { attribute: false },
    code: {},
    lang: {},
    editable: { type: Boolean },
  };
  declare strategy: PlanStrategy | null;
  declare page: PlanPage | null;
  declare client: PlanClient | null;
  declare code: string;
  declare lang: string;
  declare editable: boolean;
  private readonly writes = new WriteGuard(this, (error) => protocolMsg('refused', { reason: error instanceof Error ? error.message : String(error) }));

  static override styles = css`
    :host {
      display: block;
      border: 1px solid var(--pd-line);
      border-left: 0.4rem solid var(--pd-primary);
      border-radius: 8px;
      padding: 0.7rem min(1rem, 3vw);
      margin: 0.8rem 0;
      background: var(--pd-surface);
    }
    h3 {
      margin: 0 0 0.2rem;
      font-size: 1.15rem;
    }
    .meta {
      color: var(--pd-ink-soft);
      font-size: 0.9rem;
      margin: 0.1rem 0;
    }
    dl {
      display: grid;
      grid-template-columns: minmax(10rem, 16rem) 1fr;
      gap: 0.3rem 0.8rem;
      margin: 0.5rem 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      white-space: pre-wrap;
    }
    /* A phone, or large text: each field's name above its value. */
    @media (max-width: 40rem) {
      dl {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    form {
      display: grid;
      gap: 0.3rem;
      margin: 0.5rem 0;
    }
    fieldset {
      border: 1px solid var(--pd-line);
      border-radius: 6px;
      /* A fieldset is as wide as its widest line by default: here it takes the card's width, and its lines wrap. */
      min-width: 0;
      padding-inline: min(0.75rem, 2vw);
    }
    .grades {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.7rem;
    }
    input,
    textarea,
    select,
    button {
      font: inherit;
    }
    input,
    textarea,
    select {
      box-sizing: border-box;
      max-width: 100%;
      min-width: 0;
    }
    h3,
    label,
    dt {
      overflow-wrap: break-word;
    }
    textarea {
      min-height: 2.6em;
    }
    /* A checklist line: the box and the step, then its date and note, wrapping onto a second line on a narrow screen. */
    .check {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
    }
    .check label {
      flex: 1 1 12rem;
    }
    .check input[type='date'] {
      flex: 0 1 10rem;
      min-width: 0;
    }
    .check input[name='note'] {
      flex: 1 1 10rem;
      min-width: 0;
    }
    button {
      justify-self: start;
      padding: 0.35rem 0.8rem;
    }
  `;

  constructor() {
    super();
    this.strategy = null;
    this.page = null;
    this.client = null;
    this.code = '';
    this.lang = 'en';
    this.editable = false;
  }

  private t(key: ProtocolMessageKey, values?: Record<string, string | number>) {
    return protocolMsg(key, values);
  }

  override render() {
    const s = this.strategy;
    const page = this.page;
    if (!s || !page) return null;
    const words = page.wording;
    const standards = s.standardIds.map((id) => page.standards.find((st) => st.id === id)).filter((st) => st !== undefined);
    const subject = s.placement ? (page.plan.subjects.find((sub) => sub.key === s.placement!.subject.trim().replace(/\s+/g, ' ').toLowerCase())?.label ?? null) : null;
    return html`
      <h3>${s.text}</h3>
      <p class="meta">
        ${s.placement ? html`${subject ? inLanguage(subject, this.lang) : s.placement.subject} · ${words.grades}: ${s.placement.grades.join(', ')}` : this.t('strategiesNotPlaced')}
        ${page.plan.revealed ? html` · ${this.t('dots', { n: s.dots })}` : null}
        ${s.groups.length ? html` · ${this.t('proposedBy', { groups: s.groups.join(', ') })}` : null}
      </p>
      ${standards.length ? html`<p class="meta">${words.standard}: ${standards.map((st) => [st.code, inLanguage(st.text, this.lang)].filter(Boolean).join(' ')).join(' · ')}</p>` : null}
      ${s.partnerRoles.length ? html`<p class="meta">${this.t('partnerRoles')}: ${s.partnerRoles.join(' · ')}</p>` : null}
      ${this.editable ? this.renderEditor(s) : this.renderFields(s)}
      ${this.writes.alert()}
    `;
  }

  private renderFields(s: PlanStrategy) {
    const words = this.page!.wording;
    const or = (text: string) => text || words.notYet;
    return html`<dl>
        <dt>${words.partners}</dt>
        <dd>${or(s.fields.partners.join(', '))}</dd>
        ${FIELDS.map((f) => html`<dt>${words[f]}</dt><dd>${or(s.fields[f])}</dd>`)}
      </dl>
      <p class="meta">
        ${words.checklist}:
        ${words.checklistItems.map((item) => `${s.checklist[item.id]?.done ? '☑' : '☐'} ${item.label}${s.checklist[item.id]?.date ? ` (${s.checklist[item.id].date})` : ''}`).join(' · ')}
      </p>`;
  }

  private renderEditor(s: PlanStrategy) {
    const page = this.page!;
    const words = page.wording;
    const id = (name: string) => `${name}-${s.cardId}`;
    const subjectNow = s.placement?.subject ?? '';
    return html`
      <form aria-label=${`${this.t('placeTitle')}: ${s.text}`} @submit=${this.place}>
        <label for=${id('subject')}>${this.t('subject')}</label>
        <input id=${id('subject')} name="subject" list=${id('subjects')} required .value=${subjectNow} />
        <datalist id=${id('subjects')}>${page.plan.subjects.map((sub) => html`<option value=${inLanguage(sub.label, this.lang)}></option>`)}</datalist>
        <fieldset>
          <legend>${this.t('grades')}</legend>
          <div class="grades">
            ${page.plan.grades.map((g) => html`<label><input type="checkbox" name="grade" value=${g} .checked=${s.placement?.grades.includes(g) ?? false} />${g}</label>`)}
          </div>
        </fieldset>
        <div>
          <button type="submit">${this.t('place')}</button>
          ${s.placement ? html`<button type="button" @click=${this.unplace}>${this.t('unplace')}</button>` : null}
        </div>
      </form>
      <form aria-label=${`${this.t('planFields')}: ${s.text}`} @submit=${this.saveFields}>
        <label for=${id('partners')}>${words.partners} (${this.t('onePerLine')})</label>
        <textarea id=${id('partners')} name="partners" .value=${s.fields.partners.join('\n')}></textarea>
        ${FIELDS.map((f) => html`<label for=${id(f)}>${words[f]}</label><textarea id=${id(f)} name=${f} .value=${s.fields[f]}></textarea>`)}
        <button type="submit">${this.t('save')}</button>
      </form>
      <fieldset>
        <legend>${words.checklist}</legend>
        ${words.checklistItems.map((item) => {
          const mark = s.checklist[item.id] ?? { done: false, date: '', note: '' };
          return html`<form class="check" aria-label=${item.label} @change=${(e: Event) => this.mark(e, item.id)}>
            <input type="checkbox" name="done" id=${id(`done-${item.id}`)} .checked=${mark.done} />
            <label for=${id(`done-${item.id}`)}>${item.label}</label>
            <input type="date" name="date" aria-label=${`${this.t('checklistDate')}: ${item.label}`} .value=${mark.date} />
            <input name="note" aria-label=${`${this.t('checklistNote')}: ${item.label}`} .value=${mark.note} />
          </form>`;
        })}
      </fieldset>
    `;
  }

  private async write(request: () => Promise<unknown>) {
    if (await this.writes.run(request)) this.dispatchEvent(new CustomEvent('pd-saved', { bubbles: true, composed: true }));
  }

  private readonly place = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const json = { subject: String(data.get('subject') ?? ''), grades: data.getAll('grade').map(String) };
    return this.write(() => bodyOf(this.client!.api.plan.continuum[':cardId'].$put({ param: { code: this.code, cardId: this.strategy!.cardId }, json })));
  };

  private readonly unplace = () => this.write(() => bodyOf(this.client!.api.plan.continuum[':cardId'].$delete({ param: { code: this.code, cardId: this.strategy!.cardId } })));

  private readonly saveFields = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const json: Partial<PartnershipPlanFields> = {
      partners: text('partners')
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
      ...Object.fromEntries(FIELDS.map((f) => [f, text(f)])),
    };
    return this.write(() => bodyOf(this.client!.api.plan.strategies[':cardId'].$put({ param: { code: this.code, cardId: this.strategy!.cardId }, json })));
  };

  private mark(event: Event, item: string) {
    const form = (event.target as HTMLElement).closest('form')!;
    const data = new FormData(form);
    const json = { done: data.get('done') === 'on', date: String(data.get('date') ?? ''), note: String(data.get('note') ?? '') };
    return this.write(() => bodyOf(this.client!.api.plan.checklist[':cardId'][':item'].$put({ param: { code: this.code, cardId: this.strategy!.cardId, item }, json })));
  }
}

customElements.define('pd-partnership-plan-strategy', PdPartnershipPlanStrategy);

declare global {
  interface HTMLElementTagNameMap {
    'pd-partnership-plan-strategy': PdPartnershipPlanStrategy;
  }
}
