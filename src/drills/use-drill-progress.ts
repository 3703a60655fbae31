/** Every drill's status, read through the progress service and refreshed when progress changes here or in another tab. */
import { useMemo } from 'react';
import type { ProgressQuery } from '../service/progress-query';
import { useProgressQuery } from '../service/use-progress';
import { studyDayEnd } from '../srs/study-day';
import { type DrillProgress, drillProgressById } from './drill-status';

export type DrillProgressState =
  | { state: 'loading' }
  | { state: 'ready'; progress: Map<string, DrillProgress> }
  | { state: 'failed'; message: string };

function drillProgressQuery(drillIds: readonly string[]): ProgressQuery<Map<string, DrillProgress>> {
  return {
    name: `drill-progress:${drillIds.join(',')}`,
    load: async (service) => {
      // One drill (its own page) reads only its gradings; the list reads the whole log once.
      const reviews = drillIds.length === 1 ? service.reviewsOf(drillIds[0]) : service.allReviews();
      const [log, cards, settings] = await Promise.all([reviews, service.loadCards(), service.getSettings()]);
      const now = Date.now();
      return drillProgressById(drillIds, log, cards, now, studyDayEnd(now, settings.dayStartHour));
    },
    staleAfter: (change) => change.kinds.includes('reviews') || change.kinds.includes('settings'),
  };
}

export function useDrillProgress(drillIds: readonly string[]): DrillProgressState {
  const key = drillIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids' contents
  const query = useMemo(() => drillProgressQuery(drillIds), [key]);
  const { data, error } = useProgressQuery(query);
  if (data) return { state: 'ready', progress: data };
  if (error) return { state: 'failed', message: error.message };
  return { state: 'loading' };
}
