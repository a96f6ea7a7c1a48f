import { css, html } from 'lit';
import { ApiError, bodyOf, type SessionApi, type SuccessBody } from '../shared/live/api-client.js';
import { protocolCatalog } from '../shared/protocol-messages.js';
import { ProtocolPageElement } from '../shared/protocol-page-element.js';
import { inLanguage } from '../shared/text-in-language.js';
import '../shared/pd-language-picker.js';

type Board = SuccessBody<Awaited<ReturnType<SessionApi['groups']['board']['$get']>>>;

/** A laptop shared at a table asks again this often; an unchanged board answers 304 with no body. */
const REFRESH_MS = 3000;

/**
 * One small group's board, large, on the laptop its members share at the table: the
 * standards it picked, every note under its standard with who could help, and the clusters
 * with the activities the group agreed on. Read-only: members write from their phones.
 */
export class PdBoardPage extends ProtocolPageElement {
  static override properties = { boardKey: {}, board: { state: true }, problem: { state: true } };
  /** The board's read-only key, or null until the group's code is typed. */
  declare boardKey: string | null;
  declare private board: Board | null;
  declare private problem: string;
  private etag = '';
  /** The language the kept tag's board was asked in: another language is asked in full. */
  private etagLang = '';

  static override styles = css`
    :host {
      display: block;
      padding: 1rem min(1.5rem, 4vw);
      font-family: system-ui, sans-serif;
      color: var(--pd-ink);
      font-size: 1.15rem;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      flex-wrap: wrap;
      border-bottom: 3px solid var(--pd-primary);
    }
    /* Read across the table on a laptop, yet whole on a phone with large text. */
    h1 {
      margin: 0.2rem 0;
      font-size: clamp(1.4rem, 6vw, 2rem);
      overflow-wrap: break-word;
    }
    h2 {
      font-size: clamp(1.2rem, 5vw, 1.5rem);
      overflow-wrap: break-word;
    }
    .notes {
      display: flex;
      flex-wrap: wrap;
      gap: 0.6rem;
    }
    .note {
      background: #fff7b8;
      border: 1px solid #e2d46b;
      box-shadow: 0 2px 4px rgb(0 0 0 / 0.15);
      padding: 0.5rem 0.7rem;
      width: 13rem;
      overflow-wrap: anywhere;
    }
    .tags,
    .hint {
      color: var(--pd-ink-soft);
      font-size: 0.9rem;
    }
    .cluster {
      border: 2px solid var(--pd-line);
      border-radius: 8px;
      padding: 0.5rem 0.8rem;
      margin: 0.6rem 0;
    }
    .cluster.agreed {
      border-color: var(--pd-success);
    }
    .agreed-mark {
      color: var(--pd-success);
      font-weight: 700;
    }
    form {
      display: grid;
      gap: 0.4rem;
      max-width: 24rem;
      margin-top: 2rem;
    }
    input,
    button,
    select {
      font: inherit;
      padding: 0.4rem;
    }
    .problem {
      color: var(--pd-danger);
    }
  `;

  constructor() {
    super(REFRESH_MS);
    this.boardKey = null;
    this.board = null;
    this.problem = '';
  }

  protected override async load() {
    if (!this.api || !this.boardKey) return;
    const headers: Record<string, string> = { authorization: `Bearer ${this.boardKey}` };
    const lang = this.readerLang;
    if (this.etag && this.etagLang === lang) headers['if-none-match'] = this.etag;
    try {
      const res = await this.api.groups.board.$get({ param: { code: this.code }, query: { lang } }, { headers });
      if (res.status === 304) return;
      if (res.status === 401) {
        this.boardKey = null;
        this.board = null;
        return;
      }
      this.board = await bodyOf(Promise.resolve(res));
      this.etag = res.headers.get('etag') ?? '';
      this.etagLang = lang;
      this.problem = '';
    } catch {
      this.problem = this.t('loadFailed');
    }
  }

  override render() {
    if (!this.boardKey) return this.renderCodeForm();
    const data = this.board;
    if (!data) return html`<p role="status" class=${this.problem ? 'problem' : ''}>${this.problem || this.t('loading')}</p>`;
    const { board, standards, helpers } = data;
    const helperLabel = new Map(helpers.map((h) => [h.id, h.label]));
    const standardLabel = (id: string) => {
      const s = standards.find((st) => st.id === id);
      return s ? [s.code, inLanguage(s.text, data.lang)].filter(Boolean).join(' ') : '';
    };
    const note = (n: (typeof board.notes)[number]) => html`<div class="note">
      ${n.text}
      ${n.helpers.length ? html`<div class="tags">${n.helpers.map((h) => helperLabel.get(h) ?? h).join(' · ')}</div>` : null}
    </div>`;
    const loose = board.notes.filter((n) => !n.clusterId || !board.clusters.some((c) => c.id === n.clusterId));
    return html`
      <header>
        <h1>${this.t('group', { n: board.number })} · ${this.t('boardTitle')}</h1>
        <pd-language-picker .catalog=${protocolCatalog} label=${this.t('language')}></pd-language-picker>
      </header>
      <p class="hint">${board.members.map((m) => `${m.name || this.t('guest')} (${this.t(m.side)})`).join(' · ')}</p>
      ${board.notes.length === 0 ? html`<p>${this.t('boardEmpty')}</p>` : null}
      ${board.clusters.map(
        (c) => html`<section class=${c.agreed ? 'cluster agreed' : 'cluster'} aria-label=${`${this.t('cluster')}: ${c.name}`}>
          <h2>${c.name} ${c.agreed ? html`<span class="agreed-mark">· ${this.t('agreed')}</span>` : null}</h2>
          ${c.activity ? html`<p><strong>${c.activity}</strong></p>` : null}
          ${c.partnerRoles ? html`<p class="hint">${this.t('partnerRoles')}: ${c.partnerRoles}</p>` : null}
          <div class="notes">${board.notes.filter((n) => n.clusterId === c.id).map(note)}</div>
        </section>`,
      )}
      ${board.standardIds.map((id) => {
        const notes = loose.filter((n) => n.standardId === id);
        return html`<section aria-label=${standardLabel(id)}>
          <h2>${standardLabel(id)}</h2>
          ${notes.length ? html`<div class="notes">${notes.map(note)}</div>` : null}
        </section>`;
      })}
      <p class="hint">${this.t('boardRefresh')}</p>
    `;
  }

  private renderCodeForm() {
    return html`<form @submit=${this.openBoard}>
      <h1>${this.t('boardTitle')}</h1>
      <label for="board-code">${this.t('boardCodeLabel')}</label>
      <input id="board-code" name="code" autocomplete="off" maxlength="6" required />
      <button type="submit">${this.t('boardOpen')}</button>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}
    </form>`;
  }

  private readonly openBoard = async (event: SubmitEvent) => {
    event.preventDefault();
    const typed = String(new FormData(event.target as HTMLFormElement).get('code') ?? '');
    try {
      const { key } = await bodyOf(this.api!.groups['board-key'].$post({ param: { code: this.code }, json: { code: typed } }, { headers: { 'idempotency-key': `board-${crypto.getRandomValues(new Uint32Array(2)).join('-')}` } }));
      this.boardKey = key;
      this.problem = '';
      this.dispatchEvent(new CustomEvent('pd-board-key', { detail: key }));
      await this.load();
    } catch (error) {
      this.problem = error instanceof ApiError && error.status === 404 ? this.t('boardUnknown') : this.t('loadFailed');
    }
  };
}

customElements.define('pd-board-page', PdBoardPage);

declare global {
  interface HTMLElementTagNameMap {
    'pd-board-page': PdBoardPage;
  }
}
