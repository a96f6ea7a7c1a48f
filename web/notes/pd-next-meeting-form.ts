import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';

/**
 * The next meeting's date and time, entered here on the notes view (or on the preparation
 * page) rather than on the projected slide: slide 27 and the phones then write it out,
 * each in its own language.
 */
export class PdNextMeetingForm extends StaffElement {
  static override styles = [
    staffStyles,
    css`
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      input {
        font: inherit;
        padding: 0.35rem 0.5rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
    `,
  ];
  static override properties = { saved: { state: true } };
  declare private saved: boolean;

  constructor() {
    super();
    this.saved = false;
  }

  override render() {
    const live = this.live;
    const prepared = live?.part('preparation');
    if (!live || !prepared) return null;
    const value = prepared.nextMeeting.includes('T') ? prepared.nextMeeting : prepared.nextMeeting ? `${prepared.nextMeeting}T00:00` : '';
    const save = async (event: SubmitEvent) => {
      event.preventDefault();
      const given = String(new FormData(event.target as HTMLFormElement).get('nextMeeting') ?? '');
      const nextMeeting = given.endsWith('T00:00') ? given.slice(0, 10) : given;
      this.saved = false;
      if (await this.writes.run(() => bodyOf(live.api.preparation.values.$put({ param: { code: live.code }, json: { nextMeeting } })))) this.saved = true;
    };
    return html`<form @submit=${save}>
        <div>
          <label for="next-meeting">${staffMsg('prepNextMeeting')}</label>
          <input id="next-meeting" name="nextMeeting" type="datetime-local" .value=${value} />
        </div>
        <button class="primary" type="submit">${staffMsg('saveNextMeeting')}</button>
        ${this.saved ? html`<span role="status">${staffMsg('prepSaved')}</span>` : null}
      </form>
      ${this.writes.alert()}`;
  }
}

customElements.define('pd-next-meeting-form', PdNextMeetingForm);

declare global {
  interface HTMLElementTagNameMap {
    'pd-next-meeting-form': PdNextMeetingForm;
  }
}
