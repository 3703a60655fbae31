/** The drill page's drafts, kept in the app's progress store (IndexedDB). */
import { progressRepository } from '../storage/progress-connection';
import { createDraftStore, type DraftValues } from './drafts';
import type { CodeStore } from './drill-work';
import type { EditorLanguage as DrillLanguage } from './editor-language';

const appDraftValues: DraftValues = {
  getValue: async (key) => (await progressRepository()).getValue<unknown>(key),
  setValue: async (key, value) => (await progressRepository()).setValue(key, value),
  deleteValue: async (key) => (await progressRepository()).deleteValue(key),
};

export function draftStore<L extends DrillLanguage>(
  id: string,
  onSaveResult?: (error: Error | undefined) => void,
): CodeStore<L> {
  return createDraftStore<L>({ id, values: appDraftValues, onSaveResult });
}
