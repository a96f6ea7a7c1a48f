import { LitElement, nothing } from 'lit';
import type { ActivityKind, ActivityOf, MePart, MoveByKind, PhoneParts, PhoneSessionPart } from '../../server/contract/parts.js';
import type { LiveSession } from '../shared/live-session.js';
import { SessionConsumer, phoneSessionContext } from '../shared/session-context.js';
import { WriteGuard } from '../shared/write-guard.js';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { focusResult } from '../shared/focus.js';
import { errorMessage } from './error-message.js';
import { phoneCatalog } from './messages.js';

/** An element of the phone: it reads the phone's session and shows its writes' refusals in the reader's language. */
export class PhoneElement extends LitElement {
  protected readonly session = new SessionConsumer<LiveSession<PhoneParts>>(this, phoneSessionContext);
  protected readonly writes = new WriteGuard(this, errorMessage);
  protected readonly language = new LanguageController(this, phoneCatalog);

  protected get live(): LiveSession<PhoneParts> | undefined {
    return this.session.value;
  }

  /**
   * After an action (Send, Edit, Save): once the screen shows its result, focus moves to it
   * (the element marked data-result, else its first heading) and the live region says `text`.
   */
  protected async showResult(text: string, selector?: string): Promise<void> {
    await this.updateComplete;
    focusResult(this.renderRoot, selector);
    // A screen whose result is itself a status message (role="status") is read from there.
    if (text) this.announce(text);
  }

  /** Says what happened through the phone's polite live region (pd-phone-app holds it). */
  protected announce(text: string): void {
    this.dispatchEvent(new CustomEvent<string>('pd-announce', { detail: text, bubbles: true, composed: true }));
  }
}

/** What a phone activity screen renders from: the session, the slide on screen, what it asks, the person. */
export interface ActivityScreen<K extends ActivityKind> {
  live: LiveSession<PhoneParts>;
  /** The workshop (its walls, say); the slide's own fields are below. */
  session: PhoneSessionPart;
  activity: ActivityOf<K>;
  slide: number;
  open: boolean;
  me: MePart;
}

/**
 * The screen of one kind of activity (K). The phone shows the current slide's activity,
 * so the slide, the activity, whether it is open and the person all come from the session
 * the page provides; the element renders once they are there.
 */
export abstract class PhoneActivityElement<K extends ActivityKind> extends PhoneElement {
  /** The activity kinds this screen shows. */
  protected abstract readonly kinds: readonly K[];

  protected get screen(): ActivityScreen<K> | null {
    const live = this.live;
    const session = live?.part('session');
    const current = live?.part('slide');
    const me = live?.part('me');
    const activity = current?.activity;
    if (!live || !session || !current || !me || !activity || !(this.kinds as readonly ActivityKind[]).includes(activity.kind)) return null;
    return { live, session, activity: activity as ActivityOf<K>, slide: current.slide, open: current.open, me };
  }

  /** The room-wide state of the current slide's move, when the slide is of this kind. */
  protected move<M extends K & keyof MoveByKind>(kind: M): MoveByKind[M] | null {
    const live = this.live;
    return live?.part('slide')?.activity?.kind === kind ? ((live.part('move') ?? null) as MoveByKind[M] | null) : null;
  }

  override render() {
    const screen = this.screen;
    return screen ? this.renderScreen(screen) : nothing;
  }

  protected abstract renderScreen(screen: ActivityScreen<K>): unknown;

  /**
   * The `lang` of the deck's texts on this phone when they are not in the person's language
   * (the deck has no version in it), for the elements that show them; else no attribute.
   */
  protected deckLang(screen: ActivityScreen<K>): string | typeof nothing {
    return screen.session.lang && screen.session.lang !== phoneCatalog.lang ? screen.session.lang : nothing;
  }
}
