import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';
import './deck.css';
import { LiveSession } from '../shared/live-session.js';
import { currentSession, setCurrentDeck, setCurrentSession } from '../shared/current-session.js';
import { codeFromPath, takeStaffKey } from '../shared/staff-key.js';
import type { DeckInfo, StaffSessionPart } from '../shared/view-types.js';
import './pd-join-banner.js';
import './pd-live-activity.js';
import './pd-presenter-bar.js';

/**
 * The presenter: the deck in reveal.js, following and writing the session's current slide.
 * Whoever holds control writes the slide; this screen then only follows, and ignores the
 * echo of its own moves.
 */
async function main() {
  const code = codeFromPath();
  const key = takeStaffKey(code);
  if (!key) return showProblem('This presenter link has no key. Open the presenter link printed when the session started.');
  const live = new LiveSession({ code, key, onRejected: (e) => showProblem(`The server refused this screen: ${e.message}`) });
  setCurrentSession(live);
  const deck = await live.get<DeckInfo>('/deck').catch((e: Error) => showProblem(e.message));
  if (!deck) return;
  setCurrentDeck(deck);
  document.title = `${deck.title} · Partnerdeck`;
  buildSlides(deck);
  const info = await fetch(`/api/sessions/${code}`).then((r) => r.json() as Promise<{ joinUrl: string }>);
  const banner = document.querySelector('pd-join-banner')!;
  banner.joinUrl = info.joinUrl;

  const reveal = new Reveal(document.querySelector('.reveal') as HTMLElement, {
    hash: false,
    history: false,
    width: 1280,
    height: 720,
    margin: 0.06,
    center: false,
    transition: 'fade',
    controlsTutorial: false,
    respondToHashChanges: false,
  });
  await reveal.initialize();

  // The join banner is large during the deck's opening section, while people arrive.
  const opening = deck.sections[0]?.slides ?? [1, 1];
  const setBannerSize = (large: boolean) => {
    banner.large = large;
    document.body.classList.toggle('banner-large', large);
  };
  // The holder of control is the source of the slide: its own moves go to the server and
  // their echoes are ignored. It takes the server's slide only when it (re)gains control,
  // because the support facilitator may have moved on meanwhile. Any other time this
  // screen follows, and a move that reveal.js reports for a followed slide is not sent back.
  let followedTo = 0;
  let holdingSynced = false;
  let wasHolding: boolean | null = null;
  reveal.on('slidechanged', () => {
    const slide = reveal.getIndices().h + 1;
    setBannerSize(slide >= opening[0] && slide <= opening[1]);
    if (slide === followedTo) {
      followedTo = 0;
      return;
    }
    const session = live.part<StaffSessionPart>('session');
    if (session?.control === 'lead') void live.send('PUT', '/presentation/slide', { slide }).catch(() => {});
  });
  live.subscribe(() => {
    const session = live.part<StaffSessionPart>('session');
    if (!session) return;
    const holding = session.control === 'lead';
    if (holding !== wasHolding) {
      wasHolding = holding;
      holdingSynced = false;
      reveal.configure({ keyboard: holding, controls: holding, touch: holding });
    }
    const shown = reveal.getIndices().h + 1;
    if ((!holding || !holdingSynced) && shown !== session.slide) {
      followedTo = session.slide;
      reveal.slide(session.slide - 1);
    }
    if (holding) holdingSynced = true;
    setBannerSize(session.slide >= opening[0] && session.slide <= opening[1]);
    document.body.classList.toggle('banner-hidden', !session.bannerVisible);
  });
  live.start();
}

function buildSlides(deck: DeckInfo) {
  const slides = document.querySelector('.reveal .slides')!;
  for (const slide of deck.slides) {
    const section = document.createElement('section');
    section.dataset.slide = String(slide.number);
    // Slide HTML comes from the deck file in slides/, which the school writes: trusted.
    // Anything typed on a phone is rendered by Lit as text, never through innerHTML.
    section.innerHTML = slide.html;
    if (slide.activity) {
      section.classList.add('activity-slide');
      const live = document.createElement('pd-live-activity');
      live.slide = slide.number;
      section.append(live);
    }
    slides.append(section);
  }
}

function showProblem(message: string): null {
  currentSession()?.stop();
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.className = 'problem';
  box.textContent = message;
  document.body.prepend(box);
  return null;
}

void main();
