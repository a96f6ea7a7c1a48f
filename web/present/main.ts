import { ContextProvider } from '@lit/context';
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';
import './deck.css';
import type { StaffParts } from '../../server/contract/parts.js';
import { bodyOf, reply } from '../shared/live/api-client.js';
import { LiveSession } from '../shared/live-session.js';
import { usePalette } from '../shared/palette.js';
import { StaffSession, staffSessionContext, type StaffDeck } from '../shared/session-context.js';
import { staffMsg } from '../shared/staff-messages.js';
import { codeFromPath, takeStaffKey } from '../shared/staff-key.js';
import { initialSlideSync, stepSlideSync, type SlideSyncEvent } from './slide-sync.js';
import './pd-join-banner.js';
import './pd-live-activity.js';
import './pd-presenter-bar.js';

/**
 * The presenter: the deck in reveal.js, following and writing the session's current slide
 * (see slide-sync.ts). The page's elements reach the session through the provider on the
 * document body; they are added after it, so each finds it when it connects.
 */
async function main() {
  usePalette();
  const provider = new ContextProvider(document.body, { context: staffSessionContext });
  const banner = document.createElement('pd-join-banner');
  const bar = document.createElement('pd-presenter-bar');
  document.body.append(banner, bar);

  const code = codeFromPath();
  const key = takeStaffKey(code);
  if (!key) return showProblem(staffMsg('noKeyPresenter'));
  const live: LiveSession<StaffParts> = new LiveSession<StaffParts>({
    code,
    key,
    onRejected: (e) => {
      live.stop();
      showProblem(staffMsg('refusedScreen', { reason: e.message }));
    },
  });
  let decks: StaffDeck[];
  try {
    const langs = projectedLanguages();
    decks = await Promise.all(langs.length > 0 ? langs.map((lang) => bodyOf(live.api.deck.$get({ param: { code }, query: { lang } }))) : [bodyOf(live.api.deck.$get({ param: { code }, query: {} }))]);
  } catch (error) {
    return showProblem((error as Error).message);
  }
  // The live parts of activity slides speak the first language projected.
  const deck = decks[0];
  provider.setValue(new StaffSession(live, deck));
  document.title = staffMsg('pageTitlePresenter', { deck: decks.map((d) => d.title).join(' · ') });
  buildSlides(decks);
  bodyOf(live.api.$get({ param: { code } })).then(
    (info) => (banner.joinUrl = info.joinUrl),
    () => {},
  );

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
  const setBannerSize = (slide: number) => {
    const large = slide >= opening[0] && slide <= opening[1];
    banner.large = large;
    document.body.classList.toggle('banner-large', large);
  };

  // The slide as shared state: this screen writes it while it holds control, follows it otherwise.
  let sync = initialSlideSync(reveal.getIndices().h + 1);
  const dispatch = (event: SlideSyncEvent) => {
    const step = stepSlideSync(sync, event);
    sync = step.state;
    const { controls, show, send } = step.effect;
    if (controls !== undefined) reveal.configure({ keyboard: controls, controls, touch: controls });
    if (show !== undefined) reveal.slide(show - 1);
    if (send !== undefined) void moveTo(send);
  };
  const moveTo = async (slide: number) => {
    try {
      const { seq } = await reply(live.api.presentation.slide.$put({ param: { code }, json: { slide } }));
      dispatch({ type: 'answered', seq });
    } catch (error) {
      dispatch({ type: 'refused' });
      bar.showRefusal(error);
    }
  };
  reveal.on('slidechanged', () => {
    const slide = reveal.getIndices().h + 1;
    setBannerSize(slide);
    dispatch({ type: 'shown', slide });
  });
  live.subscribe(() => {
    const session = live.part('session');
    if (!session) return;
    dispatch({ type: 'session', slide: session.slide, holding: session.control === 'lead', seq: live.seq });
    setBannerSize(session.slide);
    document.body.classList.toggle('banner-hidden', !session.bannerVisible);
  });
  live.start();
}

/**
 * The languages to project: `?lang=es` for one, `?lang=en,es` for a mixed room (two at
 * most: both on every slide, side by side); none given, the deck's first.
 */
function projectedLanguages(): string[] {
  const asked = new URLSearchParams(location.search).get('lang') ?? '';
  return [...new Set(asked.split(',').map((lang) => lang.trim()).filter((lang) => /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)))].slice(0, 2);
}

function buildSlides(decks: StaffDeck[]) {
  const slides = document.querySelector('.reveal .slides')!;
  const [first] = decks;
  // A deck that lacks a language gives its first: the same language twice is shown once.
  const shown = decks.filter((deck, i) => decks.findIndex((other) => other.lang === deck.lang) === i);
  document.body.classList.toggle('two-languages', shown.length > 1);
  for (const slide of first.slides) {
    const section = document.createElement('section');
    section.dataset.slide = String(slide.number);
    // Slide HTML comes from the deck file in slides/, which the school writes: trusted.
    // Anything typed on a phone is rendered by Lit as text, never through innerHTML.
    if (shown.length === 1) {
      section.innerHTML = slide.html;
      section.lang = first.lang;
    } else {
      const columns = document.createElement('div');
      columns.className = 'languages';
      for (const deck of shown) {
        const column = document.createElement('div');
        column.className = 'language';
        column.lang = deck.lang;
        column.innerHTML = deck.slides[slide.number - 1]?.html ?? '';
        columns.append(column);
      }
      section.append(columns);
    }
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
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.className = 'problem';
  box.textContent = message;
  document.body.prepend(box);
  return null;
}

void main();
