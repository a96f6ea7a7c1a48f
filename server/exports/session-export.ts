import type { Deck } from '../deck/deck-schema.js';
import type { SessionState } from '../domain/session-state.js';
import { agreementDraft } from '../features/agreement/agreement-model.js';
import { feedbackResponses, feedbackSummary } from '../features/feedback/feedback-summary.js';
import { deckGallery, rootCardIdIn } from '../features/gallery-walk/gallery-model.js';
import { tallyWalls } from '../features/gallery-walk/tally.js';
import { pacingSummary } from '../features/pacing/pacing.js';

/**
 * A list of the record written one element at a time: the items as they were when the
 * export began (an array of references, cheap to copy) and how each becomes its record.
 * Iterating it makes the records one by one, so 200,000 stickers are never all in memory
 * as records (nor as one string) at once.
 */
export class RecordList<Item, Row> implements Iterable<Row> {
  constructor(
    readonly items: readonly Item[],
    private readonly toRecord: (item: Item) => Row,
  ) {}

  *[Symbol.iterator](): Iterator<Row> {
    for (const item of this.items) yield this.toRecord(item);
  }
}

/**
 * A session's record for the facilitator: every card (with its revisions, wall, the card
 * it was merged into, hidden, withdrawn, paper), every sticker and the tallies, whether or
 * not they were revealed. People appear by id and stakeholder group only, never by name.
 *
 * Its stickers are a RecordList, made into records as they are written (sessionExport
 * gives the record with all of them made). The room stays live while a long download is
 * written, so the file is one moment, the one the export began at. Everything but the
 * stickers is made here and now, the cards, answers and reflections included: their
 * reducers change them in place (a hide, a revision, a withdrawal), so a reference kept
 * would show a later change. The stickers are kept as references, because a sticker never
 * changes once placed (removing one takes it out of the map, the object stays as it was),
 * and what a sticker's record reads besides, its person's group and the merges, is copied
 * here too: an entry per person and per merge instead of a record per sticker.
 */
export function sessionRecord(state: SessionState, deck: Deck) {
  const groups = new Map(Array.from(state.participants.values(), (p) => [p.id, p.group] as const));
  const merges = new Map(state.gallery.mergedInto);
  const groupOf = (participantId: string | null) => (participantId ? (groups.get(participantId) ?? null) : null);
  const gallery = deckGallery(state, deck);
  return {
    session: {
      code: state.code,
      schoolName: state.schoolName,
      deckId: deck.id,
      deckTitle: deck.title,
      startedAt: new Date(state.startedAt).toISOString(),
      participants: state.participants.size,
    },
    cards: [...state.cards.values()].map((c) => ({
      id: c.id,
      wall: c.wall,
      slide: c.slide,
      text: c.text,
      authorId: c.authorId,
      authorGroup: groupOf(c.authorId) ?? state.gallery.paperGroups.get(c.id) ?? null,
      paper: c.paper,
      hidden: c.hidden,
      withdrawn: c.withdrawn,
      mergedInto: merges.get(c.id) ?? null,
      writtenAt: new Date(c.at).toISOString(),
      revisions: c.revisions.map((r) => ({ text: r.text, slide: r.slide, at: new Date(r.at).toISOString() })),
    })),
    stickers: new RecordList([...state.gallery.stickers.values()], (s) => ({
      id: s.id,
      cardId: s.cardId,
      countsFor: rootCardIdIn(merges, s.cardId),
      wall: s.wall,
      slide: s.slide,
      participantId: s.participantId,
      group: groupOf(s.participantId) ?? s.group,
      paper: s.paper,
      placedAt: new Date(s.at).toISOString(),
    })),
    tallies: gallery ? tallyWalls(state, deck, gallery.slide, gallery.activity) : [],
    agreement: agreementDraft(state, deck),
    // The closing feedback (no names) and the pacing per section, kept with the session's record.
    feedback: { summary: feedbackSummary(state, deck), responses: feedbackResponses(state, deck) },
    pacing: pacingSummary(deck, state.slideHistory, state.slideHistory.at(-1)?.at ?? state.startedAt, state.workshopStartedAt),
    // Who came, by stakeholder group (counts only).
    attendance: deck.groups.map(({ id: group }) => ({ group, people: [...state.participants.values()].filter((p) => p.group === group).length })),
    // The word cloud's answers (no names), hidden ones marked.
    answers: [...state.answers.values()]
      .filter((a) => !a.withdrawn)
      .map((a) => ({ id: a.id, slide: a.slide, text: a.text, authorGroup: groupOf(a.authorId), hidden: a.hidden, at: new Date(a.at).toISOString() })),
    // Every poll's result: voters and votes per choice.
    polls: deck.slides.flatMap((slide) => {
      const poll = slide.activity;
      if (poll?.kind !== 'poll') return [];
      const votes = [...(state.polls.get(slide.number)?.votes.values() ?? [])];
      return [
        {
          slide: slide.number,
          question: poll.question,
          voters: votes.length,
          choices: poll.choices.map((c) => ({ id: c.id, label: c.label, correct: c.correct ?? null, votes: votes.filter((v) => v.includes(c.id)).length })),
        },
      ];
    }),
    // Shared reflections only: a private one is its writer's alone, never exported.
    reflections: [...state.reflections.values()]
      .filter((r) => r.shared)
      .map((r) => ({
        id: r.id,
        slide: r.slide,
        text: r.text,
        authorGroup: groupOf(r.authorId),
        shownOnScreen: r.approved && !r.hidden,
        at: new Date(r.at).toISOString(),
      })),
    // What each small group's recorder noted.
    groupNotes: [...state.roundRobins].flatMap(([slide, robin]) =>
      [...robin.groups].map(([i, g]) => ({
        slide,
        group: i + 1,
        members: state.lineup?.groups?.[i]?.length ?? 0,
        notes: g.notes,
        savedAt: g.notesAt ? new Date(g.notesAt).toISOString() : null,
      })),
    ),
  };
}

/** The session's record with every sticker made a record (what session.json holds). */
export function sessionExport(state: SessionState, deck: Deck) {
  const record = sessionRecord(state, deck);
  // Replacing the key keeps its place, so the keys stay in the record's order.
  return { ...record, stickers: [...record.stickers] };
}

/** The tables a facilitator can download as CSV (and the JSON holds them all). */
export const EXPORT_TABLES = ['cards', 'stickers', 'tallies', 'answers', 'polls', 'reflections', 'group-notes', 'attendance'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/**
 * What a spreadsheet may read as the start of a formula: = + - @, a tab or a carriage
 * return, and their fullwidth (＝ ＋ － ＠) and small (﹦ ﹢ ﹣ ﹫) forms, which some
 * spreadsheets fold to the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/;

/** One CSV line (RFC 4180); a cell that starts like a formula is prefixed with ' so a spreadsheet shows it as text. */
export function csvLine(row: unknown[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (FORMULA_START.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return row.map(cell).join(',');
}

/** RFC 4180 CSV, every line ended by CRLF. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map(csvLine).join('\r\n') + '\r\n';
}

/** The record either way: stickers still to be made (sessionRecord) or made (sessionExport). */
type RecordData = ReturnType<typeof sessionRecord> | ReturnType<typeof sessionExport>;

/** Each item of a list as a CSV row, made as it is read. */
function* rowsOf<T>(items: Iterable<T>, row: (item: T) => unknown[]): Iterable<unknown[]> {
  for (const item of items) yield row(item);
}

/** Each table's header and rows; the rows of the large ones (cards, stickers) are made one by one as they are written. */
const CSV_TABLES: Record<ExportTable, { header: string[]; rows: (data: RecordData) => Iterable<unknown[]> }> = {
  cards: {
    header: [
      'id',
      'wall',
      'slide',
      'text',
      'author_id',
      'author_group',
      'paper',
      'hidden',
      'withdrawn',
      'merged_into',
      'written_at',
      'revision_count',
      'revisions',
    ],
    rows: (data) =>
      rowsOf(data.cards, (c) => [
        c.id,
        c.wall,
        c.slide,
        c.text,
        c.authorId,
        c.authorGroup,
        c.paper,
        c.hidden,
        c.withdrawn,
        c.mergedInto,
        c.writtenAt,
        c.revisions.length,
        c.revisions.map((r) => `[slide ${r.slide}] ${r.text}`).join(' | '),
      ]),
  },
  stickers: {
    header: ['id', 'card_id', 'counts_for', 'wall', 'slide', 'participant_id', 'group', 'paper', 'placed_at'],
    rows: (data) => rowsOf(data.stickers, (s) => [s.id, s.cardId, s.countsFor, s.wall, s.slide, s.participantId, s.group, s.paper, s.placedAt]),
  },
  tallies: {
    header: ['wall', 'rank', 'card_id', 'text', 'stickers', 'paper_stickers', 'status', 'merged_cards'],
    rows: (data) => data.tallies.flatMap((t) => t.cards.map((c) => [t.wall, c.rank, c.id, c.text, c.stickers, c.paperStickers, c.status, c.merged.join(' ')])),
  },
  answers: {
    header: ['id', 'slide', 'text', 'author_group', 'hidden', 'at'],
    rows: (data) => data.answers.map((a) => [a.id, a.slide, a.text, a.authorGroup, a.hidden, a.at]),
  },
  polls: {
    header: ['slide', 'question', 'voters', 'choice', 'correct', 'votes'],
    rows: (data) => data.polls.flatMap((p) => p.choices.map((c) => [p.slide, p.question, p.voters, c.label, c.correct, c.votes])),
  },
  reflections: {
    header: ['id', 'slide', 'text', 'author_group', 'shown_on_screen', 'at'],
    rows: (data) => data.reflections.map((r) => [r.id, r.slide, r.text, r.authorGroup, r.shownOnScreen, r.at]),
  },
  'group-notes': {
    header: ['slide', 'group', 'members', 'notes', 'saved_at'],
    rows: (data) => data.groupNotes.map((g) => [g.slide, g.group, g.members, g.notes, g.savedAt]),
  },
  attendance: { header: ['group', 'people'], rows: (data) => data.attendance.map((a) => [a.group, a.people]) },
};

/** One table of the record as a CSV file, whole. */
export function exportCsv(data: RecordData, table: ExportTable): string {
  const { header, rows } = CSV_TABLES[table];
  return toCsv(header, [...rows(data)]);
}

/** One table of the record as CSV text in pieces of `rowsPerPiece` lines, the same bytes as exportCsv. */
export function* csvPieces(data: RecordData, table: ExportTable, rowsPerPiece: number): Generator<string> {
  const { header, rows } = CSV_TABLES[table];
  let piece = `${csvLine(header)}\r\n`;
  let count = 0;
  for (const row of rows(data)) {
    piece += `${csvLine(row)}\r\n`;
    if (++count % rowsPerPiece === 0) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}
