import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deckFile, IDEAS_SLIDE } from './deck-test-decks.js';
import { parseDeck } from './parse-deck.js';
import { DeckError, readDeckSource } from './read-deck.js';

/** The message a deck author sees for `markdown`, read as the file `family-night.md`. */
function refusal(markdown: string): string {
  try {
    readDeckSource(markdown, 'family-night.md');
  } catch (error) {
    expect(error).toBeInstanceOf(DeckError);
    return (error as Error).message;
  }
  throw new Error('the deck was accepted');
}

const welcome = '# Welcome\n\n<!-- lang: es -->\n\n# Bienvenida';

describe('the deck loader refuses what it would otherwise drop silently', () => {
  it('accepts the well-formed test deck', () => {
    expect(readDeckSource(deckFile([welcome, IDEAS_SLIDE])).slides).toHaveLength(2);
  });

  it('refuses an unknown activity field such as prompt_es, naming the file, the slide and the field', () => {
    const slide = IDEAS_SLIDE.replace('label:', 'prompt_es: "Una idea"\nlabel:');
    expect(refusal(deckFile([welcome, slide]))).toBe('family-night.md, slide 2, activity: prompt_es: unknown field "prompt_es"');
  });

  it('refuses an unknown field deep in the deck header, with its path', () => {
    const markdown = deckFile([welcome, IDEAS_SLIDE]).replace('colour: "#123456"', 'colour: "#123456", color: "#123456"');
    expect(refusal(markdown)).toBe('family-night.md, deck header (slide 1): walls[0].sticker.color: unknown field "color"');
  });

  it('refuses an unknown field inside a two-sided card and a poll choice', () => {
    const twoSided = `## Cards\n<!-- activity\nkind: two-sided-card\nfront: { wall: ideas, prompt: Front, label: F, hint: x }\nback: { wall: ideas, prompt: Back, label: B }\n-->`;
    expect(refusal(deckFile([welcome, twoSided]))).toMatch(/slide 2, activity: front\.hint: unknown field "hint"/);
    const poll = `## Poll\n<!-- activity\nkind: poll\nquestion: Q\nchoices:\n  - { id: a, label: A }\n  - { id: b, label: B, right: true }\n-->`;
    expect(refusal(deckFile([welcome, poll]))).toMatch(/slide 2, activity: choices\[1\]\.right: unknown field "right"/);
  });

  it('refuses a per-language map that names a language the deck does not declare', () => {
    const slide = IDEAS_SLIDE.replace('prompt: { en: "One idea", es: "Una idea" }', 'prompt: { en: "One idea", fr: "Une idée" }');
    expect(refusal(deckFile([welcome, slide]))).toBe(
      `family-night.md, slide 2, activity: prompt.fr: language "fr" is not one of the deck's languages (en, es)`,
    );
  });

  it('refuses a per-language map without the first language, which the others fall back to', () => {
    const slide = IDEAS_SLIDE.replace('label: { en: "Your idea", es: "Su idea" }', 'label: { es: "Su idea" }');
    expect(refusal(deckFile([welcome, slide]))).toMatch(/slide 2, activity: label: a map of languages must give the deck's first language \(en\)/);
  });

  it('refuses slide text in a language the deck does not declare', () => {
    expect(refusal(deckFile([welcome, `${IDEAS_SLIDE.split('Note:')[0]}\n<!-- lang: vi -->\n## Ý tưởng`]))).toMatch(
      /family-night\.md, slide 2, slide text: <!-- lang: vi --> names a language the deck does not declare \(en, es\)/,
    );
  });

  it('refuses the same language twice on a slide', () => {
    expect(refusal(deckFile([`${welcome}\n\n<!-- lang: es -->\n\n# Otra vez`]))).toMatch(/slide 1, slide text: the es text is given twice/);
  });

  it('refuses a misspelt data block instead of projecting it as an invisible comment', () => {
    expect(refusal(deckFile([welcome, IDEAS_SLIDE.replace('<!-- activity', '<!-- activty')]))).toMatch(
      /slide 2: unknown data block <!-- activty -->; the blocks are deck, activity, customisable/,
    );
  });

  it('refuses a value or field the slide text names but nobody can fill', () => {
    expect(refusal(deckFile([welcome, '## Next\n\n- We meet on {{nextMeting}}']))).toMatch(/slide 2 \(en\): \{\{nextMeting\}\} is neither a prepared value/);
    expect(refusal(deckFile([welcome, '## Next\n\n- We meet on {{ next meeting }}']))).toMatch(/slide 2 \(en\): cannot read the placeholder/);
  });

  it('refuses a customisable field that is not alone on its line, and a field id used twice', () => {
    const fields = (id: string) => `<!-- customisable\nfields:\n  - { id: ${id}, kind: text, label: Steps, description: What comes next }\n-->`;
    expect(refusal(deckFile([welcome, `## Next\n\nSteps: {{steps}}\n${fields('steps')}`]))).toMatch(/slide 2 \(en\): the field \{\{steps\}\} must stand alone on its line/);
    expect(refusal(deckFile([welcome, `## A\n${fields('steps')}`, `## B\n${fields('steps')}`]))).toMatch(/slide 3, customisable: field id "steps" is used twice/);
    expect(refusal(deckFile([welcome, `## A\n<!-- customisable\nfields:\n  - { id: steps, kind: video, label: S, description: D }\n-->`]))).toMatch(
      /slide 2, customisable: fields\[0\]\.kind:/,
    );
  });

  it('refuses a quote in a bilingual deck that has no translation mark to show beside a translated quotation', () => {
    const header = deckFile([welcome]).split('-->')[0].replace(/translationMark.*\n/, '') + '-->';
    const quote = `## Thought\n<!-- customisable\nfields:\n  - { id: thought, kind: quote, label: Thought, description: A quote with its source }\n-->`;
    expect(refusal(`${header}\n${welcome}\n\n---\n\n${quote}`)).toMatch(/slide 2: a quote in a deck of several languages needs the deck header's `translationMark`/);
  });

  it('refuses an agreement builder without the agreement’s wording, and wording that loses {groups}', () => {
    const builder = '## Agreement\n<!-- activity\nkind: agreement-builder\n-->';
    expect(refusal(deckFile([welcome, builder]))).toMatch(/slide 2: an agreement-builder needs the deck header's `agreement` wording/);
    const agreement = (builtBy: string) =>
      deckFile([welcome, builder]).replace(
        'translationMark',
        `agreement:\n  school: Our School\n  title: Agreement\n  subtitle: Ours\n  definition: Definition\n  agreements: Agreements\n  examples: Examples\n  builtBy: { en: "Built by {groups}.", es: "${builtBy}" }\n  builtOnBy: "Built on {date} by {groups}."\n  everyone: everyone\n  nextMeeting: "Next: {date}"\ntranslationMark`,
      );
    expect(readDeckSource(agreement('Hecho por {groups}.')).agreement).toBeTruthy();
    expect(refusal(agreement('Hecho por todos.'))).toMatch(/deck header \(slide 1\): agreement\.builtBy\.es: must contain \{groups\}/);
    expect(refusal(agreement('Hecho por {grupos}.'))).toMatch(/agreement\.builtBy\.es: \{grupos\} is not filled in here/);
  });

  it('refuses small groups, or partners’ introductions, that name a stakeholder group the deck does not declare', () => {
    const protocol = readFileSync(new URL('../../slides/partnership-protocol.md', import.meta.url), 'utf8');
    expect(readDeckSource(protocol, 'partnership-protocol.md').groups.map((g) => g.id)).toContain('business');
    const students = protocol.replace('partners: [business, community, parent]', 'partners: [business, student]');
    expect(refusal(students)).toMatch(/^family-night\.md, slide 16, activity: "student" is not one of the deck's groups \(teacher, classified, administrator, business, community, parent\)$/);
    const askingStudents = protocol.replace('answeredBy: [business, community, parent]', 'answeredBy: [student]');
    expect(refusal(askingStudents)).toMatch(/^family-night\.md, slide 15, activity: answeredBy: "student" is not one of the deck's groups/);
  });

  it('refuses two activities on one slide rather than keeping the last', () => {
    const twice = `${IDEAS_SLIDE}`.replace('<!-- lang: es -->', '<!-- activity\nkind: reflection\nprompt: Why?\n-->\n<!-- lang: es -->');
    expect(refusal(deckFile([welcome, twice]))).toMatch(/slide 2: a slide has at most one <!-- activity --> block/);
  });

  it('refuses a badly written language list', () => {
    expect(refusal(deckFile([welcome]).replace('languages: [en, es]', 'languages: [en, en]'))).toMatch(/languages: .*named twice/);
    expect(refusal(deckFile([welcome]).replace('languages: [en, es]', 'languages: [English]'))).toMatch(/languages: \[0\]: a language is a code/);
  });

  it('keeps the old error for a deck without its header', () => {
    expect(() => parseDeck('# Just a slide', 'bare.md')).toThrow(/bare\.md: missing <!-- deck --> block/);
  });
});
