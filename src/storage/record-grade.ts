/** Records one grading from outside the review screen (a drill submit, a mock's self-assessment). */
import type { Rating, ReviewRecord, ReviewSource } from '../srs/types';
import { progressRepository } from './progress-connection';
import { ConflictError } from './progress-repository';
import { announceChange } from './sync-channel';

export async function recordGrade(
  questionId: string,
  rating: Rating,
  source: ReviewSource,
  durationMs: number,
): Promise<ReviewRecord> {
  const repo = await progressRepository();
  const settings = await repo.getSettings();
  const attempt = async () => {
    const card = (await repo.loadCards()).get(questionId);
    const now = Date.now();
    return repo.grade(
      { questionId, rating, source, durationMs, now, expectedLastReviewId: card?.lastReviewId },
      settings.desiredRetention,
    );
  };
  // A conflict only means another tab graded this card a moment ago: grade on top of it.
  const { record } = await attempt().catch((error) =>
    error instanceof ConflictError ? attempt() : Promise.reject(error),
  );
  announceChange([questionId]);
  return record;
}
