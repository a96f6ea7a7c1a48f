import { describe, expect, it } from 'vitest';
import { SLIDES_DIR } from '../../tests/unit/test-app.js';
import { activityIn, agreementText, deckIn, fillTemplate, pickLanguage } from './deck-in-language.js';
import { deckFile, IDEAS_SLIDE } from './deck-test-decks.js';
import { loadDecks } from './load-decks.js';
import { parseDeck } from './parse-deck.js';

const welcome = '# Welcome\n\n- Glad you came\n\n<!-- lang: es -->\n\n# Bienvenida\n\n- Nos alegra que vino\n\nNote:\n- Say hello.\n\n<!-- lang: es -->\n\n- Salude.';

describe('a deck in another language', () => {
  const deck = parseDeck(deckFile([welcome, IDEAS_SLIDE]), 'tiny.md');

  it('is in its first language as loaded, and in Spanish through deckIn', () => {
    expect(deck.lang).toBe('en');
    expect(deck.slides[1].activity).toMatchObject({ prompt: 'One idea', label: 'Your idea' });
    const es = deckIn(deck, 'es');
    expect(es.lang).toBe('es');
    expect(es.title).toBe('Diminuta');
    expect(es.walls[0]).toMatchObject({ title: 'Ideas para todos', sticker: { name: 'Azul', colour: '#123456' } });
    expect(es.slides[0].title).toBe('Bienvenida');
    expect(es.slides[0].html).toContain('Nos alegra que vino');
    expect(es.slides[0].html).not.toContain('Glad you came');
    expect(es.slides[0].notesText).toBe('- Salude.');
    expect(es.slides[1].activity).toMatchObject({ kind: 'card', wall: 'ideas', prompt: 'Una idea', label: 'Su idea' });
    expect(activityIn(deck, 2, 'es')).toBe(es.slides[1].activity);
  });

  it('falls back to the first language for what is not translated, and says which texts did', () => {
    const partial = parseDeck(deckFile(['# Only English', IDEAS_SLIDE.replace('label: { en: "Your idea", es: "Su idea" }', 'label: Your idea')]), 'partial.md');
    const es = deckIn(partial, 'es');
    expect(es.slides[0].html).toContain('Only English');
    expect(es.slides[0].untranslated).toEqual(['body']);
    expect(es.slides[1].activity).toMatchObject({ prompt: 'Una idea', label: 'Your idea' });
    expect(es.slides[1].untranslated).toEqual(['activity.label']);
    expect(deckIn(partial, 'en').slides[1].untranslated).toEqual([]);
  });

  it('gives the same object for the same language, and the first language for one it does not declare', () => {
    expect(deckIn(deck, 'es')).toBe(deckIn(deck, 'es'));
    expect(deckIn(deckIn(deck, 'es'), 'en')).toBe(deck);
    expect(deckIn(deck, 'vi')).toBe(deck);
  });

  it('picks the deck language that serves a reader best', () => {
    expect(pickLanguage(deck, 'es')).toBe('es');
    expect(pickLanguage(deck, 'es-MX')).toBe('es');
    expect(pickLanguage(deck, ['vi', 'es-US', 'en'])).toBe('es');
    expect(pickLanguage(deck, ['fr'])).toBe('en');
  });
});

describe('Module 1 in Spanish', () => {
  const english = loadDecks(SLIDES_DIR).get('module-1')!;
  const spanish = deckIn(english, 'es');

  it('declares English and Spanish, English first', () => {
    expect(english.languages).toEqual(['en', 'es']);
  });

  it('has every projected slide and every text a phone shows in Spanish, none falling back to English', () => {
    expect(spanish.untranslated).toEqual([]);
    for (const slide of spanish.slides) {
      expect(slide.untranslated, `slide ${slide.number}`).toEqual([]);
      expect(slide.html, `slide ${slide.number}`).not.toBe(english.slides[slide.number - 1].html);
      expect(slide.title, `slide ${slide.number}`).not.toBe(english.slides[slide.number - 1].title);
    }
  });

  it('speaks to families as the phone does (usted), with the phone’s words for walls and stickers', () => {
    expect(spanish.walls.map((w) => `${w.sticker.name} · ${w.title}`)).toEqual(['Azul · Acuerdos del grupo', 'Naranja · Definiciones', 'Verde · Ejemplos']);
    expect(spanish.slides[10].activity).toMatchObject({ prompt: 'Escriba un acuerdo del grupo que construya colaboración para el logro estudiantil.', label: 'Su acuerdo del grupo' });
    expect(spanish.slides[12].activity).toMatchObject({ rounds: ['Busque a la persona más cercana', 'Busque otra pareja', expect.stringMatching(/^Busque a alguien de un grupo distinto/)] });
    expect(spanish.slides[23].activity).toMatchObject({ timer: { minutes: 8, label: 'Descanso' } });
    const everything = [...spanish.slides.map((s) => `${s.html} ${JSON.stringify(s.activity)}`), JSON.stringify(spanish.agreement)].join(' ');
    // Forms that can only be "tú" have no place in what families read.
    expect(everything).not.toMatch(/(^|[^\p{L}])(tú|tu|tus|puedes|tienes|quieres|eres|estás|escríbelo|elígela)(?![\p{L}])/iu);
  });

  it('presents a translated title of a source as a translation, never as a new quotation', () => {
    for (const slide of spanish.slides) {
      for (const quoted of slide.html.matchAll(/«[^»]*»([^<]*)/g)) {
        expect(quoted[1], `slide ${slide.number}: ${quoted[0]}`).toMatch(/\(traducción/);
      }
    }
    expect(spanish.slides[14].html).toMatch(/<em>Boundary Dynamics: Implications for Building Parent-School Partnerships<\/em>/);
  });

  it('gives the agreement’s headings in both languages', () => {
    expect(agreementText(english, 'en')).toMatchObject({
      title: 'Partnership Agreement',
      definition: 'Our definition of partnership for student achievement',
      agreements: 'Our group agreements',
      examples: 'How all adults will model it',
    });
    const es = agreementText(english, 'es')!;
    expect(es).toMatchObject({ title: 'Acuerdo de Colaboración', agreements: 'Nuestros acuerdos del grupo', school: 'Nuestra escuela' });
    expect(fillTemplate(es.builtOnBy, { date: '12 de enero', groups: 'maestros · familias' })).toBe('Elaborado en conjunto el 12 de enero por maestros · familias.');
    expect(fillTemplate(agreementText(english, 'en')!.nextMeeting, { date: 'Tuesday, January 12, 6 pm' })).toBe('Copies at our next meeting: Tuesday, January 12, 6 pm');
  });
});
