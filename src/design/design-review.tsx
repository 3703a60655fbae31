/**
 * A design answer in the self-assessment: the drawing and the recording beside the model answer,
 * then time and rubric coverage per phase and the follow-ups with their answers.
 */
import './design.css';
import type { Question } from '../bank/types';
import { RecordingPlayer } from './answer-aloud';
import type { DesignRound } from './design-round';
import { FollowUpAnswers } from './follow-up-round-view';
import { planPhases } from './phase-plan';
import { PhaseSummary } from './phase-summary';
import { StoredDrawingImage } from './stored-drawing-image';

/** What the user drew and said, for the "Your answer" column (nothing when neither exists). */
export function AnswerMedia({ scope }: { scope: string }) {
  return (
    <div className="design-review-media">
      <StoredDrawingImage scope={scope} label="Your whiteboard" />
      <RecordingPlayer scope={scope} />
    </div>
  );
}

export function DesignRoundSummary({
  question,
  round,
  budgetSeconds,
  usedMs,
  covered,
}: {
  question: Question;
  round?: DesignRound;
  budgetSeconds: number;
  /** Time used on the question (the main answer ends where the follow-ups began). */
  usedMs: number;
  covered: readonly boolean[];
}) {
  if (!round) return null;
  return (
    <div className="design-review">
      <PhaseSummary
        plan={planPhases(budgetSeconds)}
        marks={round.marks}
        usedMs={round.endedAtMs ?? usedMs}
        rubricPhases={question.rubricPhases}
        covered={covered}
      />
      <FollowUpAnswers followUps={question.followUps} round={round} />
    </div>
  );
}
