/** The drill page's drafts, kept in the page's progress service (IndexedDB behind it). */
import { progressService } from '../service/service-connection';
import { createDraftStore, type DraftRescue, type DraftValues } from './drafts';
import type { CodeStore } from './drill-work';
import type { EditorLanguage as DrillLanguage } from './editor-language';

/** localStorage: written synchronously, so it survives the page going away mid-write. */
const localRescue: DraftRescue = {
  keep: (key, code) => {
    try {
      localStorage.setItem(`drillbook-rescue:${key}`, code);
    } catch {
      // Full or private: the database write started alongside is all there is.
    }
  },
  take: (key) => {
    try {
      const code = localStorage.getItem(`drillbook-rescue:${key}`);
      localStorage.removeItem(`drillbook-rescue:${key}`);
      return code ?? undefined;
    } catch {
      return undefined;
    }
  },
  drop: (key) => {
    try {
      localStorage.removeItem(`drillbook-rescue:${key}`);
    } catch {
      // Nothing kept.
    }
  },
};

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
  return createDraftStore<L>({ id, values, onSaveResult, rescue: localRescue });
}
