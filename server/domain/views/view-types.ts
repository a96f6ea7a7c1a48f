/**
 * A view is a record of named parts (their types: server/contract/parts.ts). The stream
 * sends every part on (re)connect and afterwards only the parts whose content changed, so
 * a phone's messages stay small.
 */
export type ViewParts = object;
