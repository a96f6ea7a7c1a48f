import { marked } from 'marked';
import YAML from 'yaml';
import { activitySchema, deckMetaSchema, type Deck, type Slide } from './deck-schema.js';

/** reveal.js's own separators: a line of `---` between slides, `Note:` before the notes. */
const SLIDE_SEPARATOR = /\r?\n---\r?\n/;
const NOTES_SEPARATOR = /^Note:\s*$/m;
const DATA_COMMENT = /<!--\s*(deck|activity)\s*\n([\s\S]*?)-->/g;

export class DeckError extends Error {}

/** Parses one deck file. Throws DeckError naming the slide when its data is wrong. */
export function parseDeck(markdown: string, source = 'deck'): Deck {
  const chunks = markdown.split(SLIDE_SEPARATOR);
  let meta: unknown = null;
  const slides: Slide[] = chunks.map((chunk, i) => {
    const number = i + 1;
    let activity: Slide['activity'] = null;
    const body = chunk.replace(DATA_COMMENT, (_all, keyword: string, yaml: string) => {
      const data = parseYaml(yaml, `${source} slide ${number} ${keyword}`);
      if (keyword === 'deck') meta = data;
      else {
        const parsed = activitySchema.safeParse(data);
        if (!parsed.success) throw new DeckError(`${source} slide ${number}: bad activity: ${parsed.error.message}`);
        activity = parsed.data;
      }
      return '';
    });
    const [content, notes = ''] = body.split(NOTES_SEPARATOR);
    const title = (content.match(/^#{1,3}\s+(.+)$/m)?.[1] ?? `Slide ${number}`).trim();
    return {
      number,
      title: stripMarkdown(title),
      html: marked.parse(content.trim(), { async: false }),
      notesHtml: marked.parse(notes.trim(), { async: false }),
      notesText: notes.trim(),
      activity,
      sectionId: null,
    };
  });
  const parsedMeta = deckMetaSchema.safeParse(meta);
  if (!parsedMeta.success) throw new DeckError(`${source}: missing or bad <!-- deck --> block: ${parsedMeta.error.message}`);
  const deck: Deck = { ...parsedMeta.data, slides };
  for (const section of deck.sections) {
    for (let n = section.slides[0]; n <= section.slides[1]; n++) {
      const slide = slides[n - 1];
      if (!slide) throw new DeckError(`${source}: section ${section.id} names slide ${n}, which does not exist`);
      slide.sectionId = section.id;
    }
  }
  const wallIds = new Set(deck.walls.map((w) => w.id));
  for (const slide of slides) {
    for (const wall of wallsNamedBy(slide.activity)) {
      if (!wallIds.has(wall)) throw new DeckError(`${source} slide ${slide.number}: wall "${wall}" is not declared`);
    }
  }
  return deck;
}

function wallsNamedBy(activity: Slide['activity']): string[] {
  switch (activity?.kind) {
    case 'card':
      return [activity.wall];
    case 'two-sided-card':
      return [activity.front.wall, activity.back.wall];
    case 'revise-and-example':
      return [activity.revise.wall, activity.example.wall];
    case 'gallery-walk':
      return activity.walls;
    default:
      return [];
  }
}

function parseYaml(text: string, where: string): unknown {
  try {
    return YAML.parse(text);
  } catch (error) {
    throw new DeckError(`${where}: ${(error as Error).message}`);
  }
}

function stripMarkdown(text: string): string {
  return text.replace(/[*_`]/g, '');
}
