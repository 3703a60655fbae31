/** The page's one progress service, over the one storage connection (IndexedDB, or memory when that fails). */
import { progressRepository } from '../storage/progress-connection';
import { ProgressService } from './progress-service';

let opening: Promise<ProgressService> | undefined;

export function progressService(): Promise<ProgressService> {
  opening ??= progressRepository().then(
    (store) => new ProgressService(store),
    (error: unknown) => {
      // Blocked by another tab's upgrade: the next call tries again.
      opening = undefined;
      throw error;
    },
  );
  return opening;
}
