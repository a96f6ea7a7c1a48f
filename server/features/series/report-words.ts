import type english from '../../../locales/report/en.json';
import { serverMessages } from '../../i18n/server-words.js';

type ReportKey = Exclude<keyof typeof english, '$language'>;

/**
 * Every word the feedback-loop report prints that is not the deck's or the room's own, from
 * `locales/report/<lang>.json`: its texts, the stakeholder groups' names (`group-<id>`) and
 * the co-facilitators' roles (`role-<role>`). A language without a catalog reads English.
 */
export type ReportWords = Record<Exclude<ReportKey, `group-${string}` | `role-${string}`>, string> & {
  groups: Record<string, string>;
  roles: Record<string, string>;
};

export function reportWords(lang: string): ReportWords {
  const { messages } = serverMessages('report', lang);
  const prefixed = (prefix: string) =>
    Object.fromEntries(
      Object.entries(messages)
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, text]) => [key.slice(prefix.length), text]),
    );
  const texts = Object.fromEntries(Object.entries(messages).filter(([key]) => !key.startsWith('group-') && !key.startsWith('role-')));
  return { ...(texts as Omit<ReportWords, 'groups' | 'roles'>), groups: prefixed('group-'), roles: prefixed('role-') };
}

/** Fills `{name}` in a catalog string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
