/**
 * Drafts per drill and language (SQL included), kept as text under `draft:<id>:<language>` in a
 * key-value store. Built by a factory over that store and the save delay, so unit tests run it
 * against an in-memory map with fake timers; the app's wiring is in app-drafts.ts.
 */
import type { CodeStore } from './drill-work';
import type { EditorLanguage as DrillLanguage } from './editor-language';

/** The part of the progress store drafts use. */
export interface DraftValues {
  getValue: (key: string) => Promise<unknown>;
  setValue: (key: string, value: string) => Promise<void>;
  deleteValue: (key: string) => Promise<void>;
}

/**
 * A synchronous place for the code waiting to be saved when the page goes away: a database write
 * started while a page unloads may never finish, so that code is also kept here and taken back
 * on the next load. A later successful save drops it.
 */
export interface DraftRescue {
  keep: (key: string, code: string) => void;
  take: (key: string) => string | undefined;
  drop: (key: string) => void;
}

export interface DraftStoreOptions {
  /** The drill's question id. */
  id: string;
  values: DraftValues;
  /** How long after the last keystroke the draft is written. */
  delayMs?: number;
  /** Hears of a failed write (storage full) and of the next one that succeeds. */
  onSaveResult?: (error: Error | undefined) => void;
  rescue?: DraftRescue;
}

const DRAFT_SAVE_DELAY_MS = 250;

const draftKey = (id: string, language: DrillLanguage) => `draft:${id}:${language}`;

/** The drill page's code store: drafts per language, written once typing pauses. */
export function createDraftStore<L extends DrillLanguage>({
  id,
  values,
  delayMs = DRAFT_SAVE_DELAY_MS,
  onSaveResult = () => {},
  rescue,
}: DraftStoreOptions): CodeStore<L> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { key: string; code: string } | undefined;
  const write = (key: string, code: string) => {
    pending = undefined;
    void values.setValue(key, code).then(
      () => {
        rescue?.drop(key);
        onSaveResult(undefined);
      },
      (error: Error) => onSaveResult(error),
    );
  };
  return {
    load: async (language) => {
      const key = draftKey(id, language);
      const rescued = rescue?.take(key);
      if (rescued !== undefined) {
        write(key, rescued);
        return rescued;
      }
      // A draft is text; anything else (a damaged or foreign record) reads as no draft.
      const value = await values.getValue(key);
      return typeof value === 'string' ? value : undefined;
    },
    save: (language, code) => {
      clearTimeout(timer);
      pending = { key: draftKey(id, language), code };
      timer = setTimeout(() => pending && write(pending.key, pending.code), delayMs);
    },
    flush: (leaving = false) => {
      clearTimeout(timer);
      if (!pending) return;
      if (leaving) rescue?.keep(pending.key, pending.code);
      write(pending.key, pending.code);
    },
    clear: (language) => {
      clearTimeout(timer);
      pending = undefined;
      return values.deleteValue(draftKey(id, language));
    },
  };
}
