import type Reveal from 'reveal.js';

/**
 * The presenter's next and previous turn the pages of a paged slide (the inventory's
 * roll-up) before they move to the next slide: the way reveal.js already steps through a
 * slide's fragments. A paged element says how many pages it has with a bubbling
 * `slide-pages` event; its slide then holds one hidden fragment per page after the first,
 * and the page shown is the number of those steps revealed. Every way of moving the deck
 * here (keys, touch, the presenter's toolbar) pages it, and going back from the next slide
 * lands on the last page, as reveal.js shows a past slide's fragments.
 *
 * Where this screen does not hold control (the support facilitator moves the deck from the
 * notes view), nobody here can page it: its pages turn by themselves.
 */
const STEP = 'pd-page-step';

export function turnPagesWithSteps(reveal: InstanceType<typeof Reveal>, holding: () => boolean): { refresh: () => void } {
  const slides = document.querySelector<HTMLElement>('.reveal .slides')!;
  const refresh = () => {
    for (const live of slides.querySelectorAll<HTMLElementTagNameMap['pd-live-activity']>('section > pd-live-activity')) {
      const section = live.parentElement!;
      const steps = section.querySelectorAll(`:scope > .${STEP}`);
      live.page = holding() && steps.length > 0 ? section.querySelectorAll(`:scope > .${STEP}.visible`).length : undefined;
    }
  };
  slides.addEventListener('slide-pages', (e) => {
    const section = (e.target as Element).closest('section');
    // A slide off screen is laid out differently (or not at all) and counts other pages: its
    // steps stay as the room last saw them, so coming back to it lands on its last page.
    if (section?.classList.contains('present')) setSteps(reveal, section, (e as CustomEvent<number>).detail - 1);
    refresh();
  });
  for (const type of ['fragmentshown', 'fragmenthidden', 'slidechanged']) reveal.on(type, refresh);
  return { refresh };
}

/** Gives the slide `count` page steps: new ones are hidden, or shown on a slide already passed (it is left at its last page). */
function setSteps(reveal: InstanceType<typeof Reveal>, section: HTMLElement, count: number) {
  const steps = [...section.querySelectorAll(`:scope > .${STEP}`)];
  if (steps.length === Math.max(0, count)) return;
  for (const step of steps.slice(Math.max(0, count))) step.remove();
  for (let i = steps.length; i < count; i++) {
    const step = document.createElement('span');
    step.className = `fragment ${STEP}`;
    step.hidden = true;
    if (section.classList.contains('past')) step.classList.add('visible');
    section.append(step);
  }
  reveal.syncFragments(section);
}
