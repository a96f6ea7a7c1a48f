import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { bodyOf, type SessionApi, type SuccessBody } from './live/api-client.js';

/** The inventory's words in one language with the district's terms: the reply of GET …/inventory/words. */
export type InventoryWords = SuccessBody<Awaited<ReturnType<SessionApi['inventory']['words']['$get']>>>;
export type InventoryStrategyWords = InventoryWords['strategies'][number];

/** Where the words come from: the session, the language wanted and the words' version (bumped when the terms change). */
export interface WordsSource {
  api: SessionApi;
  code: string;
  lang: string;
  version: number;
}

/**
 * The inventory's words for an element: fetched once per session, language and version
 * of the district's terms (the live view says when they changed), so a phone moving
 * between strategies or a mark coming in fetches nothing.
 */
export class InventoryWordsController {
  private readonly task: Task<readonly [string, string, number], InventoryWords | null>;
  private source: WordsSource | null = null;

  constructor(host: ReactiveControllerHost, source: () => WordsSource | null) {
    this.task = new Task(host, {
      task: async ([code, lang], { signal }) => {
        const api = this.source?.api;
        if (!code || !api) return null;
        return bodyOf(api.inventory.words.$get({ param: { code }, query: { lang } }, { init: { signal } }));
      },
      args: () => {
        this.source = source();
        return [this.source?.code ?? '', this.source?.lang ?? '', this.source?.version ?? 0] as const;
      },
    });
  }

  /** The words once loaded (the last loaded while a newer version is fetched), or null. */
  get value(): InventoryWords | null {
    return this.task.value ?? null;
  }
}

/** The deck activity's text by id, across strategies. */
export function activityTexts(words: InventoryWords): Map<string, string> {
  return new Map(words.strategies.flatMap((s) => s.activities.map((a) => [a.id, a.text] as const)));
}
