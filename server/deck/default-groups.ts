import type { SourceGroup } from './deck-schema.js';
import { LocalizedText } from './localized-text.js';

/**
 * The stakeholder groups of a deck whose header names none: Module 1's six, in the words
 * Module 1 declares for them (slides/module-1.md), so a deck written before groups were
 * deck data keeps the join form it had. A deck for another audience declares its own
 * (`groups:` in its header; the district inventory does).
 */
const MODULE_1_GROUPS: { id: string; name: Record<string, string>; plural: Record<string, string>; inSentence: Record<string, string> }[] = [
  {
    id: 'parent',
    name: { en: 'Parent or family', es: 'Madre, padre o familia' },
    plural: { en: 'Parents & families', es: 'Madres, padres y familias' },
    inSentence: { en: 'parents and families', es: 'madres, padres y familias' },
  },
  {
    id: 'teacher',
    name: { en: 'Teacher', es: 'Maestro o maestra' },
    plural: { en: 'Teachers', es: 'Maestros' },
    inSentence: { en: 'teachers', es: 'maestros' },
  },
  {
    id: 'classified',
    name: { en: 'Classified staff', es: 'Personal clasificado' },
    plural: { en: 'Classified staff', es: 'Personal clasificado' },
    inSentence: { en: 'classified staff', es: 'personal clasificado' },
  },
  {
    id: 'administrator',
    name: { en: 'Administrator', es: 'Administrador' },
    plural: { en: 'Administrators', es: 'Administradores' },
    inSentence: { en: 'administrators', es: 'administradores' },
  },
  {
    id: 'community',
    name: { en: 'Community partner', es: 'Socio de la comunidad' },
    plural: { en: 'Community partners', es: 'Socios de la comunidad' },
    inSentence: { en: 'community partners', es: 'socios de la comunidad' },
  },
  {
    id: 'student',
    name: { en: 'Student', es: 'Estudiante' },
    plural: { en: 'Students', es: 'Estudiantes' },
    inSentence: { en: 'students', es: 'estudiantes' },
  },
];

const defaults = new WeakSet<readonly SourceGroup[]>();

/** Module 1's groups with their words in the deck's languages (English where a language has none, as the first language's stand-in). */
export function defaultGroups(languages: readonly string[]): SourceGroup[] {
  const words = (byLanguage: Record<string, string>) =>
    new LocalizedText(Object.fromEntries(languages.map((lang, i) => [lang, byLanguage[lang] ?? (i === 0 ? byLanguage.en : undefined)]).filter(([, text]) => text !== undefined)));
  const groups = MODULE_1_GROUPS.map((g) => ({ id: g.id, name: words(g.name), plural: words(g.plural), inSentence: words(g.inSentence) }));
  defaults.add(groups);
  return groups;
}

/** Whether a deck's groups are these defaults rather than its own (its author wrote no words to translate). */
export function isDefaultGroups(groups: readonly SourceGroup[]): boolean {
  return defaults.has(groups);
}
