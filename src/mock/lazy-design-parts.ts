/**
 * The design round's parts a mock's assessment and report show (a drawing, a recording, time and
 * coverage per phase), loaded only when a question has them so the mock screen stays light.
 */
import { lazy } from 'react';

export const AnswerMedia = lazy(() => import('../design/design-review').then((m) => ({ default: m.AnswerMedia })));
export const DesignRoundSummary = lazy(() =>
  import('../design/design-review').then((m) => ({ default: m.DesignRoundSummary })),
);
