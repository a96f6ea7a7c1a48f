import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { bodyOf, type SessionApi, type SuccessBody } from '../shared/live/api-client.js';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { inventoryCatalog, invMsg } from '../shared/inventory-messages.js';
import '../shared/pd-language-picker.js';
import { SessionConsumer, publicSessionContext, type PublicSession } from '../shared/session-context.js';

type PlanDocument = SuccessBody<Awaited<ReturnType<SessionApi['inventory']['plan']['$get']>>>;
type PlanRow = PlanDocument['strategies'][number]['rows'][number];

/**
 * The printable Leadership Action Plan: each strategy a section with the activities the
 * team will initiate this year and, for each, who leads, when, with what, how progress
 * will be documented and its status. In the language chosen here (the deck's words for
 * the activities); the PDF, CSV and JSON downloads are the same plan drawn by the server.
 */
export class PdPlanPage extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 1rem;
    }
    .tools {
      max-width: 10in;
      margin: 0 auto 0.8rem;
      display: flex;
      gap: 0.6rem;
      flex-wrap: wrap;
      align-items: center;
    }
    .tools a,
    .tools button,
    .tools select {
      font:
        600 1rem system-ui,
        sans-serif;
      padding: 0.45rem 0.8rem;
      border-radius: 8px;
      border: 2px solid var(--pd-primary);
      background: var(--pd-surface);
      color: var(--pd-primary);
      text-decoration: none;
      cursor: pointer;
    }
    .sheet {
      box-sizing: border-box;
      max-width: 10in;
      margin: 0 auto;
      background: var(--pd-surface);
      border: 1px solid var(--pd-line);
      /* A sheet's margins on a screen that has room; a narrow phone keeps its width for the words. */
      padding: clamp(0.6rem, 5vw, 0.5in) clamp(0.6rem, 6vw, 0.6in);
    }
    h1,
    h2,
    .district {
      overflow-wrap: break-word;
      hyphens: auto;
    }
    h1 {
      margin: 0;
      font-size: 1.7rem;
      color: var(--pd-primary-strong, var(--pd-primary));
    }
    .district {
      margin: 0.2rem 0 0.8rem;
      font-size: 1.15rem;
      font-weight: 600;
    }
    h2 {
      font-size: 1.1rem;
      margin: 1rem 0 0.3rem;
      border-bottom: 2px solid var(--pd-line);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9rem;
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      border-bottom: 1px solid var(--pd-line-soft);
      padding: 0.3rem 0.4rem;
      /* Lines break between words; a word is split only when it is longer than the whole
         column (a web address), never to squeeze a column. */
      overflow-wrap: break-word;
    }
    th {
      font-size: 0.8rem;
      color: var(--pd-ink-soft);
    }
    .own {
      font-size: 0.8rem;
      font-weight: normal;
      color: var(--pd-ink-soft);
    }
    /* A date is read as one word: never "2025-" on one line and "09-01" on the next. */
    .date {
      white-space: nowrap;
    }
    .empty {
      color: var(--pd-ink-soft);
      font-style: italic;
    }
    footer {
      margin-top: 1rem;
      font-size: 0.85rem;
      color: var(--pd-ink-soft);
    }
    .problem {
      color: var(--pd-danger);
    }
    /* On a phone six columns would leave a few letters each: every activity becomes a
       block of its own, each value under its column's name. */
    @media (max-width: 40rem) {
      :host {
        padding: 0.5rem;
      }
      .sheet {
        padding: 1rem;
      }
      table,
      tbody,
      tr,
      td {
        display: block;
      }
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tr {
        border-bottom: 1px solid var(--pd-line);
        padding: 0.4rem 0;
      }
      td {
        border: none;
        padding: 0.1rem 0;
      }
      td:first-child {
        font-weight: 600;
      }
      td[data-label]::before {
        content: attr(data-label) ': ';
        font-weight: 600;
        color: var(--pd-ink-soft);
      }
    }
    @media print {
      :host {
        padding: 0;
      }
      .tools {
        display: none;
      }
      .sheet {
        border: none;
        padding: 0;
        max-width: none;
      }
    }
  `;

  private readonly language = new LanguageController(this, inventoryCatalog);
  private readonly session = new SessionConsumer<PublicSession>(this, publicSessionContext);

  private readonly plan = new Task(this, {
    task: async ([session, lang], { signal }) => {
      if (!session) return null;
      const plan = await bodyOf(session.api.inventory.plan.$get({ param: { code: session.code }, query: { lang } }, { init: { signal, cache: 'no-store' } }));
      document.title = `${plan.district} · ${plan.title}`;
      document.documentElement.lang = plan.lang;
      return plan;
    },
    // The page's own words and the plan's (the deck's, the server's) in the language the reader picks.
    args: () => [this.session.value, inventoryCatalog.lang] as const,
  });

  override render() {
    const session = this.session.value;
    const lang = inventoryCatalog.lang;
    const file = (kind: 'pdf' | 'csv' | 'json') => (session ? `/api/sessions/${session.code}/inventory/plan/${kind}?lang=${lang}` : '');
    return html`
      <div class="tools">
        <button @click=${() => print()}>${invMsg('print')}</button>
        <a href=${file('pdf')} download>${invMsg('downloadPdf')}</a>
        <a href=${file('csv')} download>${invMsg('downloadCsv')}</a>
        <a href=${file('json')} download>${invMsg('downloadJson')}</a>
        <pd-language-picker .catalog=${inventoryCatalog} label=${invMsg('language')}></pd-language-picker>
      </div>
      ${this.plan.render({
        pending: () => (this.plan.value ? this.renderPlan(this.plan.value) : html`<p role="status">${invMsg('loading')}</p>`),
        complete: (plan) => (plan ? this.renderPlan(plan) : nothing),
        error: () => html`<p class="problem" role="alert">${invMsg('planProblem')}</p>`,
      })}
    `;
  }

  private renderPlan(plan: PlanDocument) {
    const w = plan.words;
    return html`<article class="sheet" aria-label=${plan.title}>
      <h1>${plan.title}</h1>
      <p class="district">${plan.district}</p>
      ${plan.strategies.map(
        (s) =>
          html`<section aria-label=${s.title}>
            <h2>${w.strategyNumber.replace('{n}', String(s.number))}: ${s.title}</h2>
            ${
              s.rows.length === 0
                ? html`<p class="empty">${w.nothingPlanned}</p>`
                : html`<table>
                    <thead>
                      <tr>
                        <th scope="col">${w.activity}</th>
                        <th scope="col">${w.lead}</th>
                        <th scope="col">${w.dates}</th>
                        <th scope="col">${w.resources}</th>
                        <th scope="col">${w.documentation}</th>
                        <th scope="col">${w.status}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${s.rows.map((r) => this.renderRow(r, w))}
                    </tbody>
                  </table>`
            }
          </section>`,
      )}
      <footer>${w.preparedBy}</footer>
    </article>`;
  }

  private renderRow(r: PlanRow, w: PlanDocument['words']) {
    const dash = w.notGiven;
    return html`<tr>
      <td>${r.activity}${r.own ? html`<div class="own">${w.ownActivity}</div>` : nothing}${r.note ? html`<div class="own">${w.note}: ${r.note}</div>` : nothing}</td>
      <td data-label=${w.lead}>${r.lead || dash}</td>
      <td data-label=${w.dates}><span class="date">${r.start || dash}</span> – <span class="date">${r.due || dash}</span></td>
      <td data-label=${w.resources}>${[...r.resources, r.resourcesNote].filter(Boolean).join('; ') || dash}</td>
      <td data-label=${w.documentation}>${r.documentation || dash}</td>
      <td data-label=${w.status}>${r.statusLabel}</td>
    </tr>`;
  }
}

customElements.define('pd-plan-page', PdPlanPage);

declare global {
  interface HTMLElementTagNameMap {
    'pd-plan-page': PdPlanPage;
  }
}
