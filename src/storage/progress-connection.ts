/** One shared connection to the progress store per page, opened on first use. */
import { ProgressRepository } from './progress-repository';

let opening: Promise<ProgressRepository> | undefined;

export function progressRepository(): Promise<ProgressRepository> {
  opening ??= ProgressRepository.open().catch((error) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
