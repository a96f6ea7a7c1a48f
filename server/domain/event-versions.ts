/**
 * Events carry the version of their data's shape, so a data folder written by an older
 * Partnerdeck still replays after an upgrade.
 *
 * Every event this code writes carries EVENT_VERSION (the store writes it as a constant:
 * nothing is computed per event on the write path). When an event's data changes shape
 * (a field renamed, split or made required), raise EVENT_VERSION and register an upcaster
 * for that type from the version before: a function that takes the old data and returns
 * it in the next version's shape. On replay, the store passes each older event through its
 * type's upcasters, one version step at a time, before the reducers see it; so reducers,
 * commands and views only ever know the current shapes. A type with no upcaster for a step
 * did not change in it and passes through as it is.
 *
 * Upcasters are pure, and stay as long as data folders with such events may exist: never
 * remove one that has shipped.
 */
export const EVENT_VERSION = 1;

/** Takes an event's data in one version's shape and returns it in the next version's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an upcaster takes data of a shape no current type describes.
export type Upcaster = (data: any) => unknown;

/** By event type, then by the version each function upgrades from. */
export type UpcasterRegistry = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

/** None yet: every event type is still in its first shape. */
export const UPCASTERS: UpcasterRegistry = {};

export interface EventVersions {
  /** The version written on new events and expected by the reducers. */
  current: number;
  upcasters: UpcasterRegistry;
}

export const EVENT_VERSIONS: EventVersions = { current: EVENT_VERSION, upcasters: UPCASTERS };

/** Thrown for an event from a newer version than `current`: it cannot be read correctly. */
export class EventTooNew extends Error {
  constructor(version: number, current: number) {
    super(`was written by a newer version of Partnerdeck (event version ${version}; this version knows up to ${current})`);
    this.name = 'EventTooNew';
  }
}

/** An event's data brought from `version` to the current shape. */
export function upcast(type: string, version: number, data: unknown, versions: EventVersions = EVENT_VERSIONS): unknown {
  if (version > versions.current) throw new EventTooNew(version, versions.current);
  let shaped = data;
  for (let from = version; from < versions.current; from++) {
    const step = versions.upcasters[type]?.[from];
    if (step) shaped = step(shaped);
  }
  return shaped;
}
