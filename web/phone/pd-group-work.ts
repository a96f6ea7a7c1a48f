import { css, html } from 'lit';
import type { BoardCluster, GroupBoard, StandardItem, StandardsMove } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { inLanguage } from '../shared/text-in-language.js';
import { currentLanguage, msg, type MessageKey } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';
import './pd-cluster-editor.js';

type Kind = 'mixed-groups' | 'brainstorm' | 'cluster-and-refine';
type Screen = ActivityScreen<Kind>;

const SIDE: Record<string, MessageKey> = { staff: 'sideStaff', partner: 'sidePartner', other: 'sideOther' };

export function standardLabel(standard: StandardItem | undefined, lang: string): string {
  if (!standard) return '';
  return [standard.code, inLanguage(standard.text, lang)].filter(Boolean).join(' ');
}

/**
 * A person's small group in the process protocol, on the three slides where groups work:
 * who is in it and the standards it picks (mixed groups), posting notes tagged with who
 * could help (brainstorm), and grouping them into clusters refined into agreed activities
 * (cluster and refine). The board is the group's: every member sees every note, with
 * their own marked, and anyone may cluster.
 */
export class PdGroupWork extends PhoneActivityElement<Kind> {
  static override styles = [
    phoneStyles,
    css`
      .members {
        padding-left: 1.2rem;
        margin: 0.3rem 0;
      }
      fieldset {
        border: 1px solid var(--pd-line);
        border-radius: 8px;
        margin: 0.8rem 0;
        padding: 0.5rem 0.8rem;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        font-weight: normal;
        margin: 0.4rem 0;
      }
      .check input {
        width: auto;
        margin-top: 0.25rem;
      }
      .tags {
        font-size: 0.85rem;
        color: var(--pd-ink-soft);
      }
      .note {
        background: #fff7b8;
        border-color: #e2d46b;
      }
      /* Each part of the screen (the new cluster, the board, the laptop) starts clear of the controls above it. */
      h2 {
        margin-top: 1.4rem;
      }
    `,
  ];
  static override properties = { busy: { state: true }, boardLink: { state: true } };
  protected readonly kinds = ['mixed-groups', 'brainstorm', 'cluster-and-refine'] as const;
  declare private busy: boolean;
  declare private boardLink: { url: string; code: string } | null;

  constructor() {
    super();
    this.busy = false;
    this.boardLink = null;
  }

  private get standardsMove(): StandardsMove | null {
    const kind = this.live?.part('slide')?.activity?.kind;
    return kind === 'mixed-groups' || kind === 'brainstorm' || kind === 'cluster-and-refine' ? (this.live!.part('move') as StandardsMove | null) : null;
  }

  protected override renderScreen(screen: Screen) {
    const mine = screen.live.part('myGroupWork');
    if (!mine?.grouped) return html`<h1>${msg('watchTitle')}</h1><p class="hint">${msg('groupWaiting')}</p>`;
    if (!mine.group) {
      return html`<p>${msg('groupNone')}</p>
        ${this.writes.alert()}
        <button @click=${() => this.run(() => bodyOf(screen.live.api.groups.join.$post({ param: { code: screen.live.code } })))}>${msg('groupJoin')}</button>`;
    }
    const group = mine.group;
    const lang = currentLanguage();
    const standards = this.standardsMove?.standards ?? [];
    return html`
      <h1>${msg('groupTitle', { n: group.number })}</h1>
      <ul class="members" aria-label=${msg('groupTitle', { n: group.number })}>
        ${group.members.map((m) => html`<li>${m.name || msg('guest')} (${msg(SIDE[m.side])}${m.me ? `, ${msg('you')}` : ''})</li>`)}
      </ul>
      ${screen.activity.kind === 'mixed-groups' ? this.renderStandardsPick(screen, group, standards, lang) : this.renderPicked(group, standards, lang)}
      ${this.writes.alert()}
      ${screen.activity.kind === 'brainstorm' ? this.renderNoteForm(screen, group, standards, lang) : null}
      ${screen.activity.kind === 'cluster-and-refine' ? this.renderClusters(screen, group) : null}
      ${screen.activity.kind !== 'mixed-groups' ? this.renderBoard(screen, group, standards, lang) : null}
      ${screen.activity.kind !== 'mixed-groups' ? this.renderLaptop(screen) : null}
    `;
  }

  private renderStandardsPick(screen: Screen, group: GroupBoard, standards: StandardItem[], lang: string) {
    const move = this.standardsMove;
    return html`<form @submit=${(e: SubmitEvent) => this.saveStandards(e, screen)}>
      <fieldset>
        <legend>${msg('pickStandards')}</legend>
        <p class="hint">${msg('pickStandardsHint', { min: move?.min ?? 1, max: move?.max ?? 1 })}</p>
        ${standards.map(
          (s) => html`<label class="check"
            ><input type="checkbox" name="standard" value=${s.id} .checked=${group.standardIds.includes(s.id)} /><span
              >${standardLabel(s, lang)} <span class="tags">(${inLanguage(s.subject, lang)}${s.grades ? `, ${s.grades}` : ''})</span></span
            ></label
          >`,
        )}
      </fieldset>
      <button type="submit" ?disabled=${this.busy}>${msg('standardsSave')}</button>
    </form>`;
  }

  private renderPicked(group: GroupBoard, standards: StandardItem[], lang: string) {
    if (group.standardIds.length === 0) return html`<p class="hint">${msg('noStandardsPicked')}</p>`;
    return html`<h2>${msg('pickStandards')}</h2>
      <ul class="members">
        ${group.standardIds.map((id) => html`<li>${standardLabel(standards.find((s) => s.id === id), lang)}</li>`)}
      </ul>`;
  }

  private renderNoteForm(screen: Screen, group: GroupBoard, standards: StandardItem[], lang: string) {
    const activity = screen.activity;
    if (activity.kind !== 'brainstorm' || !screen.open || group.standardIds.length === 0) return null;
    return html`<form @submit=${(e: SubmitEvent) => this.postNote(e, screen)}>
      <p class="prompt" id="note-prompt">${activity.prompt}</p>
      <label for="note-standard">${msg('noteFor')}</label>
      <select id="note-standard" name="standardId">
        ${group.standardIds.map((id) => html`<option value=${id}>${standardLabel(standards.find((s) => s.id === id), lang)}</option>`)}
      </select>
      <label for="note-text">${activity.label}</label>
      <textarea id="note-text" name="text" maxlength=${activity.maxLength} required aria-describedby="note-prompt"></textarea>
      <fieldset>
        <legend>${activity.helpersPrompt}</legend>
        ${activity.helpers.map((h) => html`<label class="check"><input type="checkbox" name="helper" value=${h.id} />${h.label}</label>`)}
      </fieldset>
      <button type="submit" ?disabled=${this.busy}>${msg('notePost')}</button>
    </form>`;
  }

  private renderClusters(screen: Screen, group: GroupBoard) {
    if (screen.activity.kind !== 'cluster-and-refine') return null;
    return html`
      ${group.clusters.map((c: BoardCluster) => html`<pd-cluster-editor .cluster=${c} .noteCount=${group.notes.filter((n) => n.clusterId === c.id).length}></pd-cluster-editor>`)}
      ${screen.open
        ? html`<form @submit=${(e: SubmitEvent) => this.addCluster(e, screen)}>
            <h2>${msg('clusterNew')}</h2>
            <label for="cluster-name">${msg('clusterName')}</label>
            <input id="cluster-name" name="name" maxlength="60" required />
            <div class="row"><button type="submit" ?disabled=${this.busy}>${msg('clusterAdd')}</button></div>
          </form>`
        : null}
    `;
  }

  private renderBoard(screen: Screen, group: GroupBoard, standards: StandardItem[], lang: string) {
    const helpers = screen.activity.kind === 'brainstorm' ? new Map(screen.activity.helpers.map((h) => [h.id, h.label])) : null;
    const clustering = screen.activity.kind === 'cluster-and-refine' && screen.open;
    return html`<section aria-label=${msg('boardTitle')}>
      <h2>${msg('boardTitle')}</h2>
      ${group.notes.length === 0 ? html`<p class="hint">${msg('boardEmpty')}</p>` : null}
      ${group.standardIds.map((id) => {
        const notes = group.notes.filter((n) => n.standardId === id);
        if (notes.length === 0) return null;
        return html`<h3>${standardLabel(standards.find((s) => s.id === id), lang)}</h3>
          ${notes.map(
            (n) => html`<div class="card note" role="group" aria-label=${n.mine ? msg('noteMine') : n.text}>
              <p class="text">${n.text}</p>
              ${this.renderNoteTags(n, helpers)}
              ${clustering
                ? html`<label class="tags" for=${`cl-${n.id}`}>${msg('clusterOf')}</label>
                    <select id=${`cl-${n.id}`} aria-label=${`${msg('clusterOf')}: ${n.text}`} @change=${(e: Event) => this.moveNote(screen, n.id, (e.target as HTMLSelectElement).value)}>
                      <option value="" ?selected=${n.clusterId === null}>${msg('clusterNone')}</option>
                      ${group.clusters.map((c) => html`<option value=${c.id} ?selected=${n.clusterId === c.id}>${c.name}</option>`)}
                    </select>`
                : null}
            </div>`,
          )}`;
      })}
    </section>`;
  }

  /** Who could help (on the brainstorm slide, where the deck names them) and whose note it is, on one line joined by dots. */
  private renderNoteTags(note: GroupBoard['notes'][number], helpers: Map<string, string> | null) {
    const tags = [...(helpers ? note.helpers.map((h) => helpers.get(h) ?? h) : []), ...(note.mine ? [msg('noteMine')] : note.paper ? [msg('notePaper')] : [])];
    return tags.length ? html`<span class="tags">${tags.join(' · ')}</span>` : null;
  }

  private renderLaptop(screen: Screen) {
    return html`<section aria-label=${msg('boardLaptop')}>
      ${this.boardLink
        ? html`<h2>${msg('boardLaptop')}</h2>
            <p>${msg('boardLaptopHint', { url: this.boardLink.url, code: this.boardLink.code })}</p>`
        : html`<div class="row"><button class="secondary" @click=${() => this.showLink(screen)}>${msg('boardShow')}</button></div>`}
    </section>`;
  }

  private async run(write: () => Promise<unknown>) {
    this.busy = true;
    const done = await this.writes.run(write);
    this.busy = false;
    return done;
  }

  private async saveStandards(event: SubmitEvent, { live }: Screen) {
    event.preventDefault();
    const standardIds = new FormData(event.target as HTMLFormElement).getAll('standard').map(String);
    await this.run(() => bodyOf(live.api.groups.standards.$put({ param: { code: live.code }, json: { standardIds } })));
  }

  private async postNote(event: SubmitEvent, { live, slide }: Screen) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const json = { slide, standardId: String(data.get('standardId')), text: String(data.get('text') ?? ''), helpers: data.getAll('helper').map(String) };
    const sent = await this.run(() => bodyOf(live.api.groups.notes.$post({ param: { code: live.code }, json })));
    if (sent) {
      (form.elements.namedItem('text') as HTMLTextAreaElement).value = '';
      for (const box of form.querySelectorAll<HTMLInputElement>('input[name=helper]')) box.checked = false;
    }
  }

  private async addCluster(event: SubmitEvent, { live, slide }: Screen) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '');
    if (await this.run(() => bodyOf(live.api.groups.clusters.$post({ param: { code: live.code }, json: { slide, name } })))) form.reset();
  }

  private moveNote({ live }: Screen, noteId: string, clusterId: string) {
    void this.run(() => bodyOf(live.api.groups.clustered[':noteId'].$put({ param: { code: live.code, noteId }, json: { clusterId: clusterId || null } })));
  }

  private async showLink({ live }: Screen) {
    await this.writes.run(async () => {
      const link = await bodyOf(live.api.groups['board-link'].$get({ param: { code: live.code } }));
      this.boardLink = { url: `${location.origin}/board/${live.code}`, code: link.code };
    });
  }
}

customElements.define('pd-group-work', PdGroupWork);

declare global {
  interface HTMLElementTagNameMap {
    'pd-group-work': PdGroupWork;
  }
}
