import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLIDES_DIR } from '../../tests/unit/test-app.js';
import { loadDecks } from './load-decks.js';
import { DeckError, parseDeck } from './parse-deck.js';

const moduleOne = loadDecks(SLIDES_DIR).get('module-1')!;

describe('the Module 1 deck', () => {
  it('has the guide’s 28 slides, each with a title and facilitator notes', () => {
    expect(moduleOne.slides).toHaveLength(28);
    for (const slide of moduleOne.slides) {
      expect(slide.title, `slide ${slide.number}`).not.toMatch(/^Slide \d+$/);
      expect(slide.notesText.length, `notes on slide ${slide.number}`).toBeGreaterThan(40);
    }
  });

  it('declares the phones’ activities as data', () => {
    const kinds = Object.fromEntries(moduleOne.slides.filter((s) => s.activity).map((s) => [s.number, s.activity!.kind]));
    expect(kinds[4]).toBe('open-answers');
    expect(kinds[11]).toBe('card');
    expect(kinds[12]).toBe('two-sided-card');
    expect(kinds[13]).toBe('block-party');
    expect(kinds[23]).toBe('gallery-walk');
    const gallery = moduleOne.slides[22].activity;
    expect(gallery).toMatchObject({ stickersPerWall: 6, maxPerCard: 1, walls: ['agreements', 'definitions', 'examples'] });
    expect(moduleOne.slides[11].activity).toMatchObject({ front: { wall: 'definitions' }, back: { wall: 'examples' } });
  });

  it('splits the two hours into the guide’s sections, every slide in one', () => {
    expect(moduleOne.sections[0]).toMatchObject({ title: 'Opening', minutes: 10, approximate: false });
    expect(moduleOne.sections[1]).toMatchObject({ title: 'Session Objectives & Group Agreements', minutes: 20 });
    expect(moduleOne.sections.reduce((sum, s) => sum + s.minutes, 0)).toBe(120);
    expect(moduleOne.slides.every((s) => s.sectionId !== null)).toBe(true);
    expect(moduleOne.sections.slice(2).every((s) => s.approximate)).toBe(true);
  });

  it('leaves slide 19’s quote for the school to fill in rather than inventing one, and projects no placeholder box', () => {
    const slide = moduleOne.slides[18];
    expect(slide.customisable).toEqual([expect.objectContaining({ id: 'research-quote', kind: 'quote' })]);
    expect(slide.customisable[0].description).toMatch(/quote this slide shows in the original deck, with its source/);
    expect(slide.html).not.toMatch(/blockquote|Placeholder/);
    expect(slide.title).toBe('A Thought to Carry Forward');
  });

  it('declares what a school prepares on slides 4, 5, 15–19, 25 and 28, and projects none of the old placeholder boxes', () => {
    const customisable = moduleOne.slides.filter((s) => s.customisable.length > 0).map((s) => s.number);
    expect(customisable).toEqual([4, 5, 15, 16, 17, 18, 19, 25, 28]);
    expect(moduleOne.slides[3].customisable[0]).toMatchObject({ id: 'who-image', kind: 'image' });
    for (const slide of moduleOne.slides) {
      expect(slide.html, `slide ${slide.number}`).not.toMatch(/Placeholder|_{3,}|\{\{/);
    }
  });
});

describe('parseDeck', () => {
  const deckBlock = '<!-- deck\nid: tiny\ntitle: Tiny\nminutes: 10\nwalls:\n  - { id: ideas, title: Ideas, sticker: { colour: "#123456", name: Blue, shape: circle } }\n-->';

  it('reads slides, notes and an activity from a new deck with no new code', () => {
    const deck = parseDeck(`${deckBlock}\n# Hello\n\nNote:\nSay hello.\n\n---\n\n## Ideas\n\n<!-- activity\nkind: card\nwall: ideas\nprompt: One idea\nlabel: Your idea\n-->\n\nNote:\n- Collect ideas`);
    expect(deck.slides.map((s) => s.title)).toEqual(['Hello', 'Ideas']);
    expect(deck.slides[1].activity).toMatchObject({ kind: 'card', wall: 'ideas' });
    expect(deck.slides[1].html).not.toContain('activity');
    expect(deck.slides[0].notesHtml).toContain('Say hello.');
  });

  it('defaults to one language, English, when the deck names none', () => {
    const deck = parseDeck(`${deckBlock}\n# Hello`);
    expect(deck.languages).toEqual(['en']);
    expect(deck.lang).toBe('en');
  });

  it('names the slide when an activity is wrong', () => {
    expect(() => parseDeck(`${deckBlock}\n# A\n\n---\n\n## B\n<!-- activity\nkind: dance\n-->`)).toThrow(/slide 2/);
    expect(() => parseDeck(`${deckBlock}\n# A\n<!-- activity\nkind: card\nwall: nowhere\nprompt: x\nlabel: y\n-->`)).toThrow(DeckError);
  });

  it('refuses a deck without its deck block', () => {
    expect(() => parseDeck('# Just a slide')).toThrow(/deck/);
  });

  it('matches the file on disk', () => {
    const text = readFileSync(join(SLIDES_DIR, 'module-1.md'), 'utf8');
    expect(parseDeck(text).slides).toHaveLength(28);
  });
});
