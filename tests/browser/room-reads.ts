import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** A projector link that shows the room's words in `languages` (`en,es`: a mixed room). */
export function inLanguages(link: string, languages: string): string {
  const url = new URL(link);
  url.searchParams.set('lang', languages);
  return url.toString();
}

/**
 * The room reads `text` on the projector's current slide, and it is marked as written in
 * `lang` (so a screen reader says it in that language's voice). A string is matched whole.
 * `timeout`: on a slide that pages by itself (12 s a page), long enough for its page to come round.
 */
export async function expectRoomReads(page: Page, text: string | RegExp, lang: string, { timeout }: { timeout?: number } = {}): Promise<void> {
  const shown = page
    .locator('.reveal .slides > section.present')
    .getByText(text, { exact: typeof text === 'string' })
    .first();
  await expect(shown, `the room reads "${String(text)}"`).toBeVisible({ timeout });
  await expect(shown, `"${String(text)}" is marked as ${lang}`).toHaveAttribute('lang', lang);
}
