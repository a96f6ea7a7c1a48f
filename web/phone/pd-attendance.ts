import { html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

type Screen = ActivityScreen<'attendance'>;

/**
 * A session of a series: the person enters the returning code they got at an earlier
 * session, or asks for one. The code counts them across sessions without a name.
 */
export class PdAttendance extends PhoneActivityElement<'attendance'> {
  static override styles = phoneStyles;
  protected readonly kinds = ['attendance'] as const;

  protected override renderScreen(screen: Screen) {
    const { live, activity } = screen;
    const mine = live.part('myAttendance');
    if (mine) {
      return html`
        <h1>${activity.prompt}</h1>
        <p role="status" style="font-size:1.5rem;font-weight:700">${msg('attendanceYourCode', { code: mine.code })}</p>
        ${mine.returning ? html`<p>${msg('attendanceWelcomeBack')}</p>` : null}
        <p class="hint">${msg('attendanceKeep')}</p>
      `;
    }
    return html`
      <h1 id="prompt">${activity.prompt}</h1>
      <form @submit=${(e: SubmitEvent) => this.returning(e, screen)}>
        <label for="returning-code">${msg('attendanceReturningLabel')}</label>
        <input id="returning-code" name="code" autocomplete="off" autocapitalize="characters" maxlength="12" required aria-describedby="returning-hint" />
        <p class="hint" id="returning-hint">${msg('attendanceReturningHint')}</p>
        ${this.writes.alert()}
        <div class="row"><button type="submit">${msg('attendanceIWasHere')}</button></div>
      </form>
      <div class="row"><button class="secondary" @click=${() => this.send(screen, undefined)}>${msg('attendanceFirstTime')}</button></div>
    `;
  }

  private returning(event: SubmitEvent, screen: Screen) {
    event.preventDefault();
    const code = ((event.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement).value;
    void this.send(screen, code);
  }

  private async send({ live }: Screen, returningCode: string | undefined) {
    await this.writes.run(() => bodyOf(live.api.attendance.$post({ param: { code: live.code }, json: returningCode === undefined ? {} : { returningCode } })));
  }
}

customElements.define('pd-attendance', PdAttendance);

declare global {
  interface HTMLElementTagNameMap {
    'pd-attendance': PdAttendance;
  }
}
