import type { SeriesPart } from '../../contract/series-parts.js';
import type { SessionState } from '../../domain/session-state.js';

/** The session's place in its series and what the previous session handed over (null when stand-alone). */
export function seriesPart(state: SessionState): { series: SeriesPart | null } {
  const link = state.series;
  if (!link) return { series: null };
  return {
    series: {
      programId: link.programId,
      seriesId: link.seriesId,
      number: link.number,
      sessions: link.sessions,
      title: link.title,
      topic: link.topic,
      model: link.model,
      carriedOver: state.carriedOver,
    },
  };
}
