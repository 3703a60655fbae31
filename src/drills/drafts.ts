/** Drafts per drill and language, kept in the progress store's key-value records. */
import type { DrillLanguage } from '../bank/types';
import { progressRepository } from '../storage/progress-connection';

const key = (id: string, language: DrillLanguage) => `draft:${id}:${language}`;

export async function loadDraft(id: string, language: DrillLanguage): Promise<string | undefined> {
  return (await progressRepository()).getValue<string>(key(id, language));
}

export async function saveDraft(id: string, language: DrillLanguage, code: string): Promise<void> {
  await (await progressRepository()).setValue(key(id, language), code);
}

export async function deleteDraft(id: string, language: DrillLanguage): Promise<void> {
  await (await progressRepository()).deleteValue(key(id, language));
}
