import { LitElement, css, html } from 'lit';
import { staffStyles } from '../shared/staff-styles.js';

interface DeckSummary {
  id: string;
  title: string;
  minutes: number;
  slides: number;
}

interface StartedSession {
  code: string;
  schoolName: string;
  deckTitle: string;
  links: { present: string; notes: string; join: string };
  startedAt: number;
}

const SAVED = 'pd-started-sessions';

/**
 * The start page: pick a deck, name the school, start a session, and get the three links
 * (presenter, notes, join). Sessions started from this browser are listed again so a
 * facilitator can reopen them.
 */
export class PdStartPage extends LitElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        max-width: 46rem;
        margin: 0 auto;
        padding: 2rem 1.25rem;
        font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
        color: #1b1f24;
      }
      h1 {
        color: #12315f;
        margin-bottom: 0.2rem;
      }
      label {
        display: block;
        font-weight: 600;
        margin: 1rem 0 0.3rem;
      }
      input,
      select {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        padding: 0.55rem 0.7rem;
        border: 1px solid #8a94a0;
        border-radius: 6px;
      }
      button {
        font-size: 1rem;
        margin-top: 1.2rem;
        padding: 0.6rem 1.2rem;
      }
      section {
        background: #fff;
        border: 1px solid #d8dee5;
        border-radius: 10px;
        padding: 1rem 1.2rem;
        margin-top: 1.5rem;
      }
      dt {
        font-weight: 600;
        margin-top: 0.6rem;
      }
      dd {
        margin: 0.1rem 0 0;
        overflow-wrap: anywhere;
      }
      .code {
        font-family: ui-monospace, monospace;
        font-size: 1.6rem;
        letter-spacing: 0.1em;
        font-weight: 800;
      }
      .error {
        color: #a4161a;
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    decks: { state: true },
    started: { state: true },
    error: { state: true },
  };

  declare private decks: DeckSummary[];
  declare private started: StartedSession[];
  declare private error: string;

  constructor() {
    super();
    this.decks = [];
    this.error = '';
    this.started = JSON.parse(localStorage.getItem(SAVED) ?? '[]') as StartedSession[];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void fetch('/api/decks')
      .then((r) => r.json() as Promise<{ decks: DeckSummary[] }>)
      .then(({ decks }) => (this.decks = decks));
  }

  override render() {
    return html`
      <h1>Partnerdeck</h1>
      <p>Run a school–family partnership workshop: present the deck, let the room answer on their phones, and leave with a one-page Partnership Agreement.</p>
      <form @submit=${this.start}>
        <label for="deck">Workshop deck</label>
        <select id="deck" name="deck">
          ${this.decks.map((d) => html`<option value=${d.id}>${d.title} (${d.slides} slides, ${d.minutes} min)</option>`)}
        </select>
        <label for="school">School name</label>
        <input id="school" name="school" maxlength="120" autocomplete="organization" placeholder="e.g. Lincoln Elementary" />
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <button class="primary" type="submit">Start a session</button>
      </form>
      ${this.started.map(
        (s) => html`<section aria-label=${`Session ${s.code}`}>
          <div>${s.schoolName || 'Session'} · ${s.deckTitle}</div>
          <div class="code">${s.code}</div>
          <dl>
            <dt>Presenter (lead facilitator, on the projector)</dt>
            <dd><a href=${s.links.present} target="_blank">Open the presenter</a></dd>
            <dt>Notes view (support facilitator)</dt>
            <dd><a href=${s.links.notes} target="_blank">Open the notes view</a></dd>
            <dt>Participants join at</dt>
            <dd>${s.links.join}</dd>
          </dl>
          <button @click=${() => this.deleteSession(s)}>Delete this session and all its data</button>
        </section>`,
      )}
    `;
  }

  /**
   * Schools' retention rules: the lead's key (in the presenter link's fragment) deletes the
   * session's log and every record in it.
   */
  private async deleteSession(session: StartedSession) {
    if (!confirm(`Delete session ${session.code} with all its cards, votes and feedback? Export first if you need the records.`)) return;
    const leadKey = new URLSearchParams(new URL(session.links.present).hash.slice(1)).get('key') ?? '';
    const res = await fetch(`/api/sessions/${session.code}`, { method: 'DELETE', headers: { authorization: `Bearer ${leadKey}` } });
    if (!res.ok && res.status !== 404) {
      const body = await res.json().catch(() => null);
      this.error = body?.error?.message ?? 'The session could not be deleted.';
      return;
    }
    this.started = this.started.filter((s) => s.code !== session.code);
    localStorage.setItem(SAVED, JSON.stringify(this.started));
  }

  private async start(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const deckId = String(form.get('deck') ?? '');
    const schoolName = String(form.get('school') ?? '').trim();
    const res = await fetch('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deckId, schoolName }),
    });
    const body = await res.json();
    if (!res.ok) {
      this.error = body?.error?.message ?? 'The session could not be started.';
      return;
    }
    const deckTitle = this.decks.find((d) => d.id === deckId)?.title ?? '';
    this.started = [{ code: body.code, schoolName, deckTitle, links: body.links, startedAt: Date.now() }, ...this.started].slice(0, 10);
    localStorage.setItem(SAVED, JSON.stringify(this.started));
  }
}

customElements.define('pd-start-page', PdStartPage);

declare global {
  interface HTMLElementTagNameMap {
    'pd-start-page': PdStartPage;
  }
}
