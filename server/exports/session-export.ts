import type { Deck } from '../deck/deck-schema.js';
import type { SessionState } from '../domain/session-state.js';
import { agreementDraft } from '../features/agreement/agreement-model.js';
import { feedbackResponses, feedbackSummary } from '../features/feedback/feedback-summary.js';
import { deckGallery, rootCardId } from '../features/gallery-walk/gallery-model.js';
import { tallyWalls } from '../features/gallery-walk/tally.js';
import { pacingSummary } from '../features/pacing/pacing.js';

/**
 * A session's record for the facilitator: every card (with its revisions, wall, the card
 * it was merged into, hidden, withdrawn, paper), every sticker and the tallies, whether or
 * not they were revealed. People appear by id and stakeholder group only, never by name.
 */
export function sessionExport(state: SessionState, deck: Deck) {
  const groupOf = (participantId: string | null) => (participantId ? (state.participants.get(participantId)?.group ?? null) : null);
  const gallery = deckGallery(state, deck);
  return {
    session: { code: state.code, schoolName: state.schoolName, deckId: deck.id, deckTitle: deck.title, startedAt: new Date(state.startedAt).toISOString(), participants: state.participants.size },
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
      mergedInto: state.gallery.mergedInto.get(c.id) ?? null,
      writtenAt: new Date(c.at).toISOString(),
      revisions: c.revisions.map((r) => ({ text: r.text, slide: r.slide, at: new Date(r.at).toISOString() })),
    })),
    stickers: [...state.gallery.stickers.values()].map((s) => ({
      id: s.id,
      cardId: s.cardId,
      countsFor: rootCardId(state, s.cardId),
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
      .map((r) => ({ id: r.id, slide: r.slide, text: r.text, authorGroup: groupOf(r.authorId), shownOnScreen: r.approved && !r.hidden, at: new Date(r.at).toISOString() })),
    // What each small group's recorder noted.
    groupNotes: [...state.roundRobins].flatMap(([slide, robin]) =>
      [...robin.groups].map(([i, g]) => ({ slide, group: i + 1, members: state.lineup?.groups?.[i]?.length ?? 0, notes: g.notes, savedAt: g.notesAt ? new Date(g.notesAt).toISOString() : null })),
    ),
  };
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

/** RFC 4180 CSV; a cell that starts like a formula is prefixed with ' so a spreadsheet shows it as text. */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (FORMULA_START.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function exportCsv(data: ReturnType<typeof sessionExport>, table: ExportTable): string {
  if (table === 'answers') return toCsv(['id', 'slide', 'text', 'author_group', 'hidden', 'at'], data.answers.map((a) => [a.id, a.slide, a.text, a.authorGroup, a.hidden, a.at]));
  if (table === 'polls') {
    return toCsv(['slide', 'question', 'voters', 'choice', 'correct', 'votes'], data.polls.flatMap((p) => p.choices.map((c) => [p.slide, p.question, p.voters, c.label, c.correct, c.votes])));
  }
  if (table === 'reflections') {
    return toCsv(['id', 'slide', 'text', 'author_group', 'shown_on_screen', 'at'], data.reflections.map((r) => [r.id, r.slide, r.text, r.authorGroup, r.shownOnScreen, r.at]));
  }
  if (table === 'group-notes') return toCsv(['slide', 'group', 'members', 'notes', 'saved_at'], data.groupNotes.map((g) => [g.slide, g.group, g.members, g.notes, g.savedAt]));
  if (table === 'attendance') return toCsv(['group', 'people'], data.attendance.map((a) => [a.group, a.people]));
  if (table === 'cards') {
    return toCsv(
      ['id', 'wall', 'slide', 'text', 'author_id', 'author_group', 'paper', 'hidden', 'withdrawn', 'merged_into', 'written_at', 'revision_count', 'revisions'],
      data.cards.map((c) => [c.id, c.wall, c.slide, c.text, c.authorId, c.authorGroup, c.paper, c.hidden, c.withdrawn, c.mergedInto, c.writtenAt, c.revisions.length, c.revisions.map((r) => `[slide ${r.slide}] ${r.text}`).join(' | ')]),
    );
  }
  if (table === 'stickers') {
    return toCsv(
      ['id', 'card_id', 'counts_for', 'wall', 'slide', 'participant_id', 'group', 'paper', 'placed_at'],
      data.stickers.map((s) => [s.id, s.cardId, s.countsFor, s.wall, s.slide, s.participantId, s.group, s.paper, s.placedAt]),
    );
  }
  return toCsv(
    ['wall', 'rank', 'card_id', 'text', 'stickers', 'paper_stickers', 'status', 'merged_cards'],
    data.tallies.flatMap((t) => t.cards.map((c) => [t.wall, c.rank, c.id, c.text, c.stickers, c.paperStickers, c.status, c.merged.join(' ')])),
  );
}
