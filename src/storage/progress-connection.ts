/**
 * One shared connection to the progress store per page, opened on first use. When IndexedDB
 * cannot be opened, the app falls back to an in-memory store for this tab and records why, so
 * a banner can say that progress will not be kept (and offer to export what can be read).
 */
import { create } from 'zustand';
import { type OpenFailure, StorageOpenError } from './db';
import { MemoryProgressRepository } from './memory-progress-repository';
import { ProgressRepository, type ProgressStore } from './progress-repository';

export interface StorageProblem {
  reason: OpenFailure;
  message: string;
}

export const useStorageStatus = create<{ problem?: StorageProblem }>(() => ({}));

let opening: Promise<ProgressStore> | undefined;

export function progressRepository(): Promise<ProgressStore> {
  opening ??= ProgressRepository.open().catch((error: unknown) => {
    if (error instanceof StorageOpenError && error.reason !== 'blocked') {
      useStorageStatus.setState({ problem: { reason: error.reason, message: error.message } });
      return new MemoryProgressRepository();
    }
    opening = undefined;
    throw error;
  });
  return opening;
}
