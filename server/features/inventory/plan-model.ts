import type { PlanRowPart, PlanStatus } from '../../contract/parts.js';
import { deckIn } from '../../deck/deck-in-language.js';
import type { Deck } from '../../deck/deck-schema.js';
import { fillTermsDeep } from '../../deck/terms.js';
import type { SessionState } from '../../domain/session-state.js';
import { inventoryIndex } from './inventory-deck.js';
import { serverMessages } from '../../i18n/server-words.js';
import { planWordsFrom, statusWord, type PlanWords } from './plan-words.js';
import { planRows } from './rollup.js';

/** The inventory's words in one language with this district's terms: what every page and phone shows. */
export function inventoryWords(state: SessionState, deck: Deck, lang: string) {
  const inLang = deckIn(deck, lang);
  const content = inLang.inventory;
  if (!content) return null;
  return { lang: inLang.lang, languages: deck.languages, title: inLang.title, wordsVersion: state.termsSeq, ...fillTermsDeep(content, inLang, state.terms) };
}

export interface PlanDocumentRow {
  item: string;
  /** The activity's words: the deck's, or the team's own for an "other" activity. */
  activity: string;
  own: boolean;
  lead: string;
  start: string;
  due: string;
  resourceIds: string[];
  /** The resources' names in the document's language. */
  resources: string[];
  resourcesNote: string;
  documentation: string;
  status: PlanStatus;
  statusLabel: string;
  note: string;
}

/** The Leadership Action Plan in one language: each strategy a section, with its rows (none for some). */
export interface PlanDocument {
  lang: string;
  title: string;
  /** The district (the session's name), or the deck's title when it has none. */
  district: string;
  code: string;
  words: PlanWords;
  strategies: { id: string; number: number; title: string; rows: PlanDocumentRow[] }[];
  /** The deck's resource tags, for a form or a legend. */
  resources: { id: string; label: string }[];
}

export function planDocument(state: SessionState, deck: Deck, lang: string): PlanDocument | null {
  const words = inventoryWords(state, deck, lang);
  if (!words || !inventoryIndex(deck)) return null;
  const { messages } = serverMessages('inventory', words.lang);
  const text = planWordsFrom(Object.keys(messages), (key) => messages[key]);
  const resourceLabel = new Map(words.resources.map((r) => [r.id, r.label]));
  const activityText = new Map(words.strategies.flatMap((s) => s.activities.map((a) => [a.id, a.text] as const)));
  const rows = planRows(state, deck);
  const row = (r: PlanRowPart): PlanDocumentRow => ({
    item: r.item,
    activity: r.text ?? activityText.get(r.item) ?? r.item,
    own: r.text !== null,
    lead: r.lead,
    start: r.start,
    due: r.due,
    resourceIds: r.resources,
    resources: r.resources.map((id) => resourceLabel.get(id) ?? id),
    resourcesNote: r.resourcesNote,
    documentation: r.documentation,
    status: r.status,
    statusLabel: statusWord(text, r.status),
    note: r.note,
  });
  return {
    lang: words.lang,
    title: words.planTitle,
    district: state.schoolName || words.title,
    code: state.code,
    words: text,
    strategies: words.strategies.map((s, i) => ({ id: s.id, number: i + 1, title: s.title, rows: rows.filter((r) => r.strategy === s.id).map(row) })),
    resources: words.resources,
  };
}
