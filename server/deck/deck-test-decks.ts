/**
 * Small decks for the deck tests, written as an author would write them. `header` and
 * `slides` replace the defaults, so each test shows only what it is about.
 */
export const BILINGUAL_HEADER = `<!-- deck
id: tiny
languages: [en, es]
title: { en: Tiny, es: Diminuta }
minutes: 10
walls:
  - id: ideas
    title: { en: Ideas, es: Ideas para todos }
    sticker: { colour: "#123456", name: { en: Blue, es: Azul }, shape: circle }
translationMark: { en: "(translation)", es: "(traducción)" }
-->`;

export const IDEAS_SLIDE = `## Ideas

- Write one idea

<!-- activity
kind: card
wall: ideas
prompt: { en: "One idea", es: "Una idea" }
label: { en: "Your idea", es: "Su idea" }
-->

<!-- lang: es -->

## Ideas

- Escriba una idea

Note:
- Collect ideas.`;

export function deckFile(slides: string[], header = BILINGUAL_HEADER): string {
  return [`${header}\n${slides[0]}`, ...slides.slice(1)].join('\n\n---\n\n');
}
