/** Loads every drill's status from the progress store, refreshed when progress changes here or in another tab. */
import { useEffect, useState } from 'react';
import { studyDayEnd } from '../srs/study-day';
import { progressRepository } from '../storage/progress-connection';
import { onProgressChange } from '../storage/sync-channel';
import { type DrillProgress, drillProgressById } from './drill-status';

export type DrillProgressState =
  | { state: 'loading' }
  | { state: 'ready'; progress: Map<string, DrillProgress> }
  | { state: 'failed'; message: string };

export function useDrillProgress(drillIds: readonly string[]): DrillProgressState {
  const [result, setResult] = useState<DrillProgressState>({ state: 'loading' });
  const key = drillIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids' contents
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const repo = await progressRepository();
        // One drill (its own page) reads only its gradings; the list reads the whole log once.
        const reviews = drillIds.length === 1 ? repo.reviewsOf(drillIds[0]) : repo.allReviews();
        const [log, cards, settings] = await Promise.all([reviews, repo.loadCards(), repo.getSettings()]);
        const now = Date.now();
        const dayEnd = studyDayEnd(now, settings.dayStartHour);
        if (!cancelled) setResult({ state: 'ready', progress: drillProgressById(drillIds, log, cards, now, dayEnd) });
      } catch (error) {
        if (!cancelled) setResult({ state: 'failed', message: (error as Error).message });
      }
    };
    void load();
    const stop = onProgressChange(() => void load());
    return () => {
      cancelled = true;
      stop();
    };
  }, [key]);
  return result;
}
