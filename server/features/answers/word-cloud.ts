import type { CloudEntry } from '../../contract/parts.js';
import type { Answer } from './answer-state.js';

const LEADING_FILLER = /^(a|an|the|my|our|your|any|some)\s+/i;

/**
 * Answers to "Who might this be?" are short phrases ("a bus driver", "Grandma"), so the
 * cloud counts whole phrases, not single words: "bus driver" stays one idea. Phrases that
 * differ only in case, punctuation or a leading article count together.
 */
export function wordCloud(answers: Iterable<Answer>): CloudEntry[] {
  const entries = new Map<string, CloudEntry>();
  for (const answer of answers) {
    const key = answer.text
      .toLocaleLowerCase()
      .replace(/[\p{P}\p{S}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(LEADING_FILLER, '');
    if (!key) continue;
    const entry = entries.get(key);
    if (entry) entry.count++;
    else entries.set(key, { text: answer.text.replace(LEADING_FILLER, '').trim(), count: 1 });
  }
  return [...entries.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}
