/**
 * A view is a record of named parts. The stream sends every part on (re)connect and
 * afterwards only the parts whose content changed, so a phone's messages stay small.
 */
export type ViewParts = Record<string, unknown>;
