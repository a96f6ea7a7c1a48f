import { ContextProvider } from '@lit/context';
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';
import './deck.css';
import type { StaffParts } from '../../server/contract/parts.js';
import { bodyOf, reply } from '../shared/live/api-client.js';
import { LiveSession } from '../shared/live-session.js';
import { rememberedLanguage } from '../shared/i18n/page-catalog.js';
import type { RoomLanguage } from '../shared/room-words.js';
import { usePalette } from '../shared/palette.js';
import { StaffSession, staffSessionContext, type StaffDeck } from '../shared/session-context.js';
import { staffCatalog, staffMsg } from '../shared/staff-messages.js';
import { codeFromPath, takeStaffKey } from '../shared/staff-key.js';
import { turnPagesWithSteps } from './page-steps.js';
import { initialSlideSync, stepSlideSync, type SlideSyncEvent } from './slide-sync.js';
import './pd-join-banner.js';
import './pd-live-activity.js';
import './pd-presenter-bar.js';
import './pd-slide-timer.js';

/** After this long without the mouse, the lead's controls fade out of the room's way. */
const IDLE_MS = 3000;

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
  // `#preview=5`: the preparation page's preview of slide 5, as projected; it never moves the room.
  const preview = Number(new URLSearchParams(location.hash.slice(1)).get('preview')) || 0;
  const key = takeStaffKey(code);
  if (!key) return showProblem(staffMsg('noKeyPresenter'));
  // The deck's texts on the stream (a timer's label) come in the first language projected.
  let streamLang = '';
  const live: LiveSession<StaffParts> = new LiveSession<StaffParts>({
    code,
    key,
    lang: () => streamLang || navigator.language,
    onRejected: (e) => {
      live.stop();
      showProblem(staffMsg('refusedScreen', { reason: e.message }));
    },
  });
  let decks: StaffDeck[];
  try {
    decks = await fetchDecks(live);
  } catch (error) {
    return showProblem((error as Error).message);
  }
  const deck = decks[0];
  streamLang = deck.lang;
  // The toolbar speaks the deck's (first) language, so the two always agree.
  await speakDeckLanguage(deck.lang);
  provider.setValue(new StaffSession(live, deck, 'lead', await roomLanguages(decks)));
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
    // The slide takes the whole screen: every pixel of a school projector is worth having.
    margin: 0.02,
    center: false,
    // No arrows in the corner over the slide: the keys, a swipe, the toolbar and the remote move it.
    controls: false,
    transition: 'fade',
    controlsTutorial: false,
    respondToHashChanges: false,
  });
  await reveal.initialize();
  // What was prepared shows as soon as it is saved, here and in the preparation page's preview.
  let preparedSeq = live.part('preparation')?.seq ?? null;
  live.subscribe(() => {
    const seq = live.part('preparation')?.seq;
    if (seq === undefined || seq === preparedSeq) return;
    const first = preparedSeq === null;
    preparedSeq = seq;
    if (!first) void refreshSlides(live);
  });
  if (preview) return startPreview(reveal, live, bar, banner);
  keepControlsOutOfTheWay();
  // I: the instructions of an activity slide, which step aside once the room's answers show.
  reveal.addKeyBinding({ keyCode: 73, key: 'I', description: staffMsg('instructionsKey') }, () => {
    document.body.classList.toggle('instructions');
  });

  // The join banner is large during the deck's opening section, while people arrive.
  const opening = deck.sections[0]?.slides ?? [1, 1];
  const setBannerSize = (slide: number) => {
    const large = slide >= opening[0] && slide <= opening[1];
    banner.large = large;
    document.body.classList.toggle('banner-large', large);
  };

  // The slide as shared state: this screen writes it while it holds control, follows it otherwise.
  let sync = initialSlideSync(reveal.getIndices().h + 1);
  // A paged slide's next and previous turn its pages here, while this screen moves the deck.
  const pageSteps = turnPagesWithSteps(reveal, () => sync.holding === true);
  const dispatch = (event: SlideSyncEvent) => {
    const step = stepSlideSync(sync, event);
    sync = step.state;
    const { controls, show, send } = step.effect;
    if (controls !== undefined) {
      reveal.configure({ keyboard: controls, touch: controls });
      pageSteps.refresh();
    }
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
 * The languages asked for in the link: `?lang=es` for one, `?lang=en,es` for a mixed room
 * (two at most: both on every slide, side by side).
 */
function askedLanguages(): string[] {
  const asked = new URLSearchParams(location.search).get('lang') ?? '';
  return [
    ...new Set(
      asked
        .split(',')
        .map((lang) => lang.trim())
        .filter((lang) => /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)),
    ),
  ].slice(0, 2);
}

/** The languages this screen's reader reads, most preferred first: the one chosen in the app on this device, then the browser's. */
function readerLanguages(): string[] {
  return [rememberedLanguage(), ...navigator.languages, navigator.language].filter((lang): lang is string => Boolean(lang));
}

/** The deck's language that best serves the reader (the same, else the same base: `es-MX` reads `es`), or undefined. */
function bestOf(available: readonly string[], wanted: readonly string[]): string | undefined {
  const base = (code: string) => code.split('-')[0].toLowerCase();
  for (const lang of wanted) {
    const found = available.find((l) => l.toLowerCase() === lang.toLowerCase()) ?? available.find((l) => base(l) === base(lang));
    if (found) return found;
  }
  return undefined;
}

/**
 * The deck in each language projected: those `?lang=` names; none named, the reader's
 * language if the deck is written in it, else the deck's first.
 */
async function fetchDecks(live: LiveSession<StaffParts>): Promise<StaffDeck[]> {
  const code = live.code;
  const inLanguage = (lang: string) => bodyOf(live.api.deck.$get({ param: { code }, query: { lang } }));
  const asked = askedLanguages();
  if (asked.length > 0) return Promise.all(asked.map(inLanguage));
  const first = await bodyOf(live.api.deck.$get({ param: { code }, query: {} }));
  const reader = bestOf(first.languages, readerLanguages());
  return [reader && reader !== first.lang ? await inLanguage(reader) : first];
}

/** The facilitators' words (the toolbar, the live parts) in the deck's language, when they are written in it. */
async function speakDeckLanguage(lang: string) {
  await staffCatalog.ready;
  const written = bestOf(
    staffCatalog.current.languages.map((l) => l.code),
    [lang],
  );
  if (written && written !== staffCatalog.lang) await staffCatalog.use(written, { remember: false }).catch(() => {});
}

/** For a projector in two languages, each with its deck and the facilitators' words in it; none for one language. */
async function roomLanguages(decks: StaffDeck[]): Promise<RoomLanguage[]> {
  const shown = distinctLanguages(decks);
  if (shown.length < 2) return [];
  const codes = staffCatalog.current.languages.map((l) => l.code);
  return Promise.all(shown.map(async (deck) => ({ lang: deck.lang, deck, catalog: await staffCatalog.in(bestOf(codes, [deck.lang]) ?? 'en') })));
}

/** A deck that lacks a language gives its first: the same language twice is shown once. */
function distinctLanguages(decks: StaffDeck[]): StaffDeck[] {
  return decks.filter((deck, i) => decks.findIndex((other) => other.lang === deck.lang) === i);
}

function buildSlides(decks: StaffDeck[]) {
  const slides = document.querySelector('.reveal .slides')!;
  const [first] = decks;
  const shown = distinctLanguages(decks);
  document.body.classList.toggle('two-languages', shown.length > 1);
  for (const slide of first.slides) {
    const section = document.createElement('section');
    section.dataset.slide = String(slide.number);
    fillSlide(
      section,
      shown.map((deck) => ({ lang: deck.lang, slide: deck.slides[slide.number - 1] ?? slide })),
    );
    slides.append(section);
  }
}

/** One heading made of each column's own (taken out of the columns), each part marked with its language. */
function headingInLanguages(columns: HTMLElement): Element | undefined {
  const parts = [...columns.children].flatMap((column) => {
    const own = [...column.children].find((el) => el.tagName === 'H1' || el.tagName === 'H2');
    if (!own) return [];
    own.remove();
    const part = document.createElement('span');
    part.className = 'language';
    part.lang = (column as HTMLElement).lang;
    part.append(...own.childNodes);
    return [part];
  });
  if (parts.length === 0) return undefined;
  const heading = document.createElement('h2');
  heading.className = 'in-languages';
  heading.append(...parts);
  return heading;
}

/** A slide in each language projected (one, or two side by side for a mixed room). */
type SlideInLanguages = { lang: string; slide: StaffDeck['slides'][number] }[];

/**
 * Puts a slide's content into its section. Slide HTML comes from the deck file in slides/,
 * which the school writes, with what was prepared escaped by the server: trusted. Anything
 * typed on a phone is rendered by Lit as text, never through innerHTML. Called again when
 * the preparation changes: an activity slide keeps its timer and live content then. In two
 * languages each column carries its own heading, so the head holds only the timer.
 */
function fillSlide(section: HTMLElement, versions: SlideInLanguages) {
  const [{ slide }] = versions;
  const content = document.createElement('template');
  let heading: Element | undefined;
  if (versions.length === 1) {
    content.innerHTML = slide.html;
    section.lang = versions[0].lang;
    heading = [...content.content.children].find((el) => el.tagName === 'H1' || el.tagName === 'H2');
  } else {
    const columns = document.createElement('div');
    columns.className = 'languages';
    for (const version of versions) {
      const column = document.createElement('div');
      column.className = 'language';
      column.lang = version.lang;
      column.innerHTML = version.slide.html;
      columns.append(column);
    }
    content.content.append(columns);
    // An activity slide's live content can take the whole slide (the gallery walk's counts),
    // so its heading goes in the head, one line per language, as one language's heading does.
    if (slide.activity) heading = headingInLanguages(columns);
  }
  const head = section.querySelector(':scope > .slide-head');
  const body = section.querySelector(':scope > .slide-body');
  if (head && body) {
    head.querySelector(':scope > h1, :scope > h2')?.remove();
    if (heading) head.prepend(heading);
    body.replaceChildren(content.content);
    return;
  }
  if (slide.activity) {
    // An activity slide: its heading with the slide's timer beside it, the instructions,
    // and the room's live content, which takes the rest of the slide (deck.css).
    section.classList.add('activity-slide');
    const head = document.createElement('header');
    head.className = 'slide-head';
    if (heading) head.append(heading);
    const timer = document.createElement('pd-slide-timer');
    timer.slide = slide.number;
    timer.projected = true;
    head.append(timer);
    const body = document.createElement('div');
    body.className = 'slide-body';
    body.append(content.content);
    const live = document.createElement('pd-live-activity');
    live.slide = slide.number;
    live.projected = true;
    section.append(head, body, live);
  } else {
    section.replaceChildren(content.content);
  }
}

/** The slides again, in the languages projected, with what was prepared since the page loaded (the preparation page, or the lead's own edits). */
async function refreshSlides(live: LiveSession<StaffParts>) {
  const decks = await fetchDecks(live);
  const shown = distinctLanguages(decks);
  for (const slide of decks[0].slides) {
    const section = document.querySelector<HTMLElement>(`.reveal .slides > section[data-slide="${slide.number}"]`);
    if (section)
      fillSlide(
        section,
        shown.map((deck) => ({ lang: deck.lang, slide: deck.slides[slide.number - 1] ?? slide })),
      );
  }
}

/** The lead's controls fade out after IDLE_MS without the mouse (deck.css: body.idle), and come back when it moves. */
function keepControlsOutOfTheWay() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    document.body.classList.remove('idle');
    clearTimeout(timer);
    timer = setTimeout(() => document.body.classList.add('idle'), IDLE_MS);
  };
  for (const type of ['pointermove', 'pointerdown', 'focusin'] as const) addEventListener(type, wake, { passive: true });
  wake();
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

/**
 * The preparation page's preview: the slide named in the fragment, as the projector shows
 * it, without the lead's controls, the join banner, or any write. It follows the fragment
 * as the preparation page changes it.
 */
function startPreview(reveal: InstanceType<typeof Reveal>, live: LiveSession<StaffParts>, bar: HTMLElement, banner: HTMLElement) {
  document.body.classList.add('preview', 'idle', 'banner-hidden');
  bar.remove();
  banner.remove();
  reveal.configure({ keyboard: false, touch: false });
  const show = () => reveal.slide((Number(new URLSearchParams(location.hash.slice(1)).get('preview')) || 1) - 1);
  addEventListener('hashchange', show);
  show();
  live.start();
}
