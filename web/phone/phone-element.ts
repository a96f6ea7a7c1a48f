import { LitElement, nothing } from 'lit';
import type { ActivityKind, ActivityOf, MePart, MoveByKind, PhoneParts, PhoneSessionPart } from '../../server/contract/parts.js';
import type { LiveSession } from '../shared/live-session.js';
import { SessionConsumer, phoneSessionContext } from '../shared/session-context.js';
import { WriteGuard } from '../shared/write-guard.js';
import { errorMessage } from './error-message.js';

/** An element of the phone: it reads the phone's session and shows its writes' refusals in the reader's language. */
export class PhoneElement extends LitElement {
  protected readonly session = new SessionConsumer<LiveSession<PhoneParts>>(this, phoneSessionContext);
  protected readonly writes = new WriteGuard(this, errorMessage);

  protected get live(): LiveSession<PhoneParts> | undefined {
    return this.session.value;
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
}
