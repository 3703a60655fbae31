/** The drill page's drafts, kept in the page's progress service (IndexedDB behind it). */
import { progressService } from '../service/service-connection';
import { createDraftStore, type DraftValues } from './drafts';
import type { CodeStore } from './drill-work';
import type { EditorLanguage as DrillLanguage } from './editor-language';

export function draftStore<L extends DrillLanguage>(
  id: string,
  onSaveResult?: (error: Error | undefined) => void,
  /** The progress service (the page's one unless a test provides its own). */
  openService: () => Promise<DraftValues> = progressService,
): CodeStore<L> {
  const values: DraftValues = {
    getValue: async (key) => (await openService()).getValue(key),
    setValue: async (key, value) => (await openService()).setValue(key, value),
    deleteValue: async (key) => (await openService()).deleteValue(key),
  };
  return createDraftStore<L>({ id, values, onSaveResult });
}
