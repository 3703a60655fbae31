/** Drafts per drill and language, kept in the progress store's key-value records. */

import { progressRepository } from '../storage/progress-connection';
import type { CodeStore } from './drill-work';
import type { EditorLanguage as DrillLanguage } from './editor-language';

// Drafts are kept per drill and per language, SQL included.

const key = (id: string, language: DrillLanguage) => `draft:${id}:${language}`;

export async function loadDraft(id: string, language: DrillLanguage): Promise<string | undefined> {
  // Read through the draft kind (src/storage/record-kinds.ts): anything but text reads as undefined.
  return (await progressRepository()).getValue<string>(key(id, language));
}

export async function saveDraft(id: string, language: DrillLanguage, code: string): Promise<void> {
  await (await progressRepository()).setValue(key(id, language), code);
}

export async function deleteDraft(id: string, language: DrillLanguage): Promise<void> {
  await (await progressRepository()).deleteValue(key(id, language));
}

const DRAFT_SAVE_DELAY_MS = 250;

/**
 * The drill page's code store: drafts per language, written shortly after typing stops.
 * `onSaveResult` hears of a failed write (storage full) and of the next one that succeeds.
 */
export function draftStore<L extends DrillLanguage>(
  id: string,
  onSaveResult: (error: Error | undefined) => void = () => {},
): CodeStore<L> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    load: (language) => loadDraft(id, language),
    save: (language, code) => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          void saveDraft(id, language, code).then(
            () => onSaveResult(undefined),
            (error: Error) => onSaveResult(error),
          ),
        DRAFT_SAVE_DELAY_MS,
      );
    },
    clear: (language) => {
      clearTimeout(timer);
      return deleteDraft(id, language);
    },
  };
}
