import type { Page } from '@playwright/test';

/** One piece of text on the projected slide, as the room sees it. */
export interface ShownText {
  text: string;
  /** The type's size on the screen, in screen pixels (CSS size × the deck's scale). */
  px: number;
  /** The part of it that is not clipped, in screen pixels. */
  box: { left: number; top: number; right: number; bottom: number };
  /** The countdown (role="timer") of the slide's own timer. */
  slideTimer: boolean;
  /** Part of it is hidden by a box it sits in (a list too long for its box, a line run out of it), not counting a title cut with "…". */
  cut: boolean;
}

export interface SlideLayout {
  /** The slide's box on the screen. */
  slide: { left: number; top: number; right: number; bottom: number };
  viewport: { width: number; height: number };
  /** The join banner's box while it shows, and the toolbar's while it can be seen. */
  banner: { left: number; top: number; right: number; bottom: number } | null;
  toolbar: { left: number; top: number; right: number; bottom: number } | null;
  texts: ShownText[];
}

/**
 * What the room can read on the current slide: every piece of visible text inside it, with
 * its size on the screen and the part of it not clipped by a box with hidden overflow.
 * Shadow roots are entered (the live activity is made of Lit elements). Left out are the
 * lead's own controls (buttons, `.lead-controls`, the toolbar), which fade out when the
 * mouse rests, and anything not visible (a page not shown, the pager's hidden layout).
 */
export function slideLayout(page: Page): Promise<SlideLayout> {
  return page.evaluate(() => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const boxOf = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const slides = document.querySelector('.reveal .slides') as HTMLElement;
    const scale = slides.getBoundingClientRect().width / 1280;
    const section = document.querySelector('.reveal .slides > section.present') as HTMLElement;
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
    const visible = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true });
    const excluded = (el: Element): boolean => {
      for (let at: Element | null = el; at; at = parentOf(at)) {
        if (at.matches('button, select, input, textarea, .lead-controls, [role="toolbar"], .pages-measure, [aria-hidden="true"]')) return true;
      }
      return false;
    };
    /** The part of `box` not clipped by any ancestor that hides its overflow. */
    let cutBy = '';
    /** Whether a box that hides what overflows it shows that it does: a one-line title ending in "…". */
    let cutVisibly = false;
    const clip = (el: Element, box: Box): Box => {
      let out = { ...box };
      cutBy = '';
      cutVisibly = false;
      for (let at: Element | null = el; at && at !== document.documentElement; at = parentOf(at)) {
        const style = getComputedStyle(at);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const r = at.getBoundingClientRect();
        const before = out;
        out = { left: Math.max(out.left, r.left), top: Math.max(out.top, r.top), right: Math.min(out.right, r.right), bottom: Math.min(out.bottom, r.bottom) };
        if (!cutBy && JSON.stringify(before) !== JSON.stringify(out)) {
          cutBy = ` (by <${at.localName} class="${at.className}">)`;
          cutVisibly = style.textOverflow === 'ellipsis';
        }
      }
      return out;
    };
    const texts: ShownText[] = [];
    const visit = (root: Node) => {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          const el = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host);
          if (!node.textContent?.trim() || !el || excluded(el) || !visible(el)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) {
            if (rect.width < 1 || rect.height < 1) continue;
            const box = clip(el, boxOf(rect));
            if (box.right - box.left < 1 || box.bottom - box.top < 1) continue;
            // A rect narrower than half an em is a line's trailing space, which may poke out of its
            // box unseen; a title cut with "…" is cut on purpose (the notes view has it whole).
            const cut =
              !cutVisibly && rect.width >= parseFloat(getComputedStyle(el).fontSize) / 2 && (box.right - box.left < rect.width - 2 || box.bottom - box.top < rect.height - 2);
            let inTimer = false;
            let inSlideTimer = false;
            for (let at: Element | null = el; at; at = parentOf(at)) {
              if (at.matches('[role="timer"]')) inTimer = true;
              if (at.matches('pd-slide-timer')) inSlideTimer = true;
            }
            const slideTimer = inTimer && inSlideTimer;
            texts.push({ text: node.textContent.trim().slice(0, 60) + (cut ? cutBy : ''), px: parseFloat(getComputedStyle(el).fontSize) * scale, box, slideTimer, cut });
          }
        } else if (node instanceof Element) {
          visit(node.shadowRoot ?? node);
        }
      }
    };
    visit(section);
    const bannerBox = document.querySelector('pd-join-banner')?.shadowRoot?.querySelector('.banner');
    const bar = document.querySelector('pd-presenter-bar')?.shadowRoot?.querySelector('.bar');
    return {
      slide: boxOf(slides.getBoundingClientRect()),
      viewport: { width: innerWidth, height: innerHeight },
      banner: bannerBox && visible(bannerBox) ? boxOf(bannerBox.getBoundingClientRect()) : null,
      toolbar: bar && visible(bar) ? boxOf(bar.getBoundingClientRect()) : null,
      texts,
    };
  });
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: SlideLayout['slide'], b: SlideLayout['slide']): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

/** Everything wrong with a slide's layout, in words (empty when it is right). */
export function layoutProblems(layout: SlideLayout, { minPx = 22, timerPx = 64 } = {}): string[] {
  const problems: string[] = [];
  const { slide, viewport } = layout;
  for (const t of layout.texts) {
    const where = `"${t.text}"`;
    if (t.px < minPx - 0.01) problems.push(`${where} is ${t.px.toFixed(1)} px, under ${minPx} px`);
    if (t.box.left < slide.left - 1 || t.box.right > slide.right + 1 || t.box.top < slide.top - 1 || t.box.bottom > slide.bottom + 1) {
      problems.push(`${where} extends beyond the slide (${JSON.stringify(t.box)} outside ${JSON.stringify(slide)})`);
    }
    if (t.box.right > viewport.width + 1 || t.box.bottom > viewport.height + 1) problems.push(`${where} extends beyond the screen`);
    if (t.cut) problems.push(`${where} is cut by the box it sits in`);
    if (layout.banner && overlaps(t.box, layout.banner)) problems.push(`${where} is under the join banner (${JSON.stringify(t.box)} and ${JSON.stringify(layout.banner)})`);
    if (layout.toolbar && overlaps(t.box, layout.toolbar)) problems.push(`${where} is under the toolbar`);
  }
  for (const t of layout.texts.filter((x) => x.slideTimer)) {
    if (t.px < timerPx - 0.01) problems.push(`timer "${t.text}" is ${t.px.toFixed(1)} px, under ${timerPx} px`);
  }
  return problems;
}

/**
 * The lead's controls out of the room's way, as when the mouse rests: the pointer moved to
 * a corner, then wait until the page has gone idle and the toolbar's 0.3 s fade has ended
 * (while it fades it still covers the slide's bottom line, and is still seen). A page whose
 * controls have already faded is left as it is: moving the pointer again, even to where it
 * is, wakes the controls, and waiting out the idle time again costs seconds per slide.
 */
export async function restTheMouse(page: Page): Promise<void> {
  const rested = () => {
    const bar = document.querySelector('pd-presenter-bar')?.shadowRoot?.querySelector('.bar');
    return document.body.classList.contains('idle') && !(bar && bar.checkVisibility({ opacityProperty: true }));
  };
  if (await page.evaluate(rested)) return;
  await page.mouse.move(1, 1);
  await page.waitForFunction(rested, undefined, { timeout: 8000 });
}
