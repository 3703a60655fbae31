/**
 * Access to the compiled bank. The index (summaries) and each question are separate chunks, so
 * the home page loads neither and a question page loads only its own question.
 */
import type { BankIndex, Question } from './types';

type IndexModule = typeof import('virtual:bank-index');

let indexModule: Promise<IndexModule> | undefined;
let indexPromise: Promise<BankIndex> | undefined;
const questionCache = new Map<string, Promise<Question | undefined>>();

// Failed loads are forgotten, so a Retry (or the next visit to the screen) loads again.
function loadIndexModule(): Promise<IndexModule> {
  if (!indexModule) {
    indexModule = import('virtual:bank-index');
    indexModule.catch(() => {
      indexModule = undefined;
      indexPromise = undefined;
    });
  }
  return indexModule;
}

/** Cached, so the same promise can be passed to React's `use` on every render. */
export function loadBankIndex(): Promise<BankIndex> {
  indexPromise ??= loadIndexModule().then((m) => m.index);
  return indexPromise;
}

let searchPromise: Promise<Record<string, string>> | undefined;

/** Every prompt's text, for full-text search: its own chunk, loaded the first time the user searches. */
export function loadPromptTexts(): Promise<Record<string, string>> {
  if (!searchPromise) {
    searchPromise = import('virtual:bank-search').then((m) => m.prompts);
    searchPromise.catch(() => {
      searchPromise = undefined;
    });
  }
  return searchPromise;
}

/** Resolves to undefined for an unknown id. Cached, so the same promise can be passed to `use`. */
export function loadQuestion(id: string): Promise<Question | undefined> {
  let pending = questionCache.get(id);
  if (!pending) {
    pending = loadIndexModule().then(async (m) => {
      const loader = Object.hasOwn(m.loaders, id) ? m.loaders[id] : undefined;
      return loader ? (await loader()).default : undefined;
    });
    questionCache.set(id, pending);
    pending.catch(() => questionCache.delete(id));
  }
  return pending;
}
