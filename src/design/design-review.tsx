/**
 * A design answer in the self-assessment: the drawing beside the model answer, the recording,
 * time and rubric coverage per phase, and the follow-ups with their answers.
 */
import './design.css';
import type { Question } from '../bank/types';
import { RecordingPlayer } from './answer-aloud';
import type { DesignRound } from './design-round';
import { FollowUpAnswers } from './follow-up-round-view';
import { planPhases } from './phase-plan';
import { PhaseSummary } from './phase-summary';
import { StoredDrawingImage } from './stored-drawing-image';

export function DesignReview({
  question,
  round,
  budgetSeconds,
  usedMs,
  scope,
  covered,
}: {
  question: Question;
  round?: DesignRound;
  budgetSeconds: number;
  /** Time used on the question (the main answer ends where the follow-ups began). */
  usedMs: number;
  /** Where the drawing and recording are stored. */
  scope: string;
  covered: readonly boolean[];
}) {
  const plan = planPhases(budgetSeconds);
  return (
    <div className="design-review">
      <div className="design-review-media">
        <StoredDrawingImage scope={scope} label="Your whiteboard" />
        <RecordingPlayer scope={scope} />
      </div>
      {round && (
        <PhaseSummary
          plan={plan}
          marks={round.marks}
          usedMs={round.endedAtMs ?? usedMs}
          rubricPhases={question.rubricPhases}
          covered={covered}
        />
      )}
      <FollowUpAnswers followUps={question.followUps} round={round} />
    </div>
  );
}
