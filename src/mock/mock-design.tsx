/**
 * A design question inside a mock: the phased clock over the question's budget, the whiteboard,
 * answering aloud, then the interviewer's follow-ups. The round is part of the mock item, so it
 * is saved with every change and survives a reload or a crash like the typed answer.
 */
import { type ReactNode, useMemo } from 'react';
import type { Question } from '../bank/types';
import { AnswerAloud } from '../design/answer-aloud';
import {
  answerFollowUp,
  type DesignRound,
  endMainAnswer,
  followUpRoundOver,
  NEW_DESIGN_ROUND,
  nextFollowUp,
  nextPhase,
} from '../design/design-round';
import { mockDrawingScope } from '../design/drawing-repository';
import { followUpSeconds } from '../design/follow-up-round';
import { FollowUpRoundView } from '../design/follow-up-round-view';
import { planPhases } from '../design/phase-plan';
import { PhasedClock } from '../design/phased-clock';
import { Whiteboard } from '../design/whiteboard';
import '../design/design.css';
import { isLocked, itemUsedMs } from './mock-session';
import { useMock, useMockStoreApi } from './mock-store-context';
import type { MockItem, MockSession } from './mock-types';

/** Applies a change to one item's design round; a locked (timed-out strict) item takes none. */
export function changeDesignRound(
  session: MockSession,
  index: number,
  fn: (round: DesignRound) => DesignRound,
): MockSession {
  const item = session.items[index];
  if (!item || isLocked(item) || session.status !== 'running') return session;
  const before = item.design ?? NEW_DESIGN_ROUND;
  const after = fn(before);
  if (after === before) return session;
  const items = session.items.slice();
  items[index] = { ...item, design: after };
  return { ...session, items };
}

export function MockDesignRound({
  sessionId,
  index,
  item,
  question,
  strict,
  answer,
}: {
  sessionId: string;
  index: number;
  item: MockItem;
  question: Question;
  strict: boolean;
  /** The typed answer's box, beside the whiteboard. */
  answer: ReactNode;
}) {
  const api = useMockStoreApi();
  const change = useMock((s) => s.change);
  const plan = useMemo(() => planPhases(item.budgetSeconds), [item.budgetSeconds]);
  const round = item.design ?? NEW_DESIGN_ROUND;
  const locked = isLocked(item);
  const ended = round.endedAtMs !== undefined;
  const scope = mockDrawingScope(sessionId, index);
  // The clock reads the freshest item, so it ticks on its own without the screen re-rendering.
  const usedMsAt = (now: number) => {
    const fresh = api.getState().session?.items[index] ?? item;
    return fresh.design?.endedAtMs ?? itemUsedMs(fresh, now);
  };
  const update = (fn: (round: DesignRound) => DesignRound) => change((s) => changeDesignRound(s, index, fn));

  return (
    <div className="design-round">
      <PhasedClock
        plan={plan}
        marks={round.marks}
        usedMsAt={usedMsAt}
        running={!ended && !locked}
        onNext={() => update((r) => nextPhase(r, usedMsAt(Date.now())))}
      />
      {!ended && (
        <div className="design-work">
          <Whiteboard
            scope={scope}
            fileName={`${question.id}-design`}
            readOnly={locked}
            onElementCount={(count) => update((r) => (r.drawnElements === count ? r : { ...r, drawnElements: count }))}
          />
          <div className="design-side">
            {answer}
            <AnswerAloud scope={scope} disabled={locked} />
            {!locked && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  update((r) => endMainAnswer(r, usedMsAt(Date.now()), Date.now(), question.followUps, plan))
                }
              >
                End my answer: the interviewer’s follow-ups
              </button>
            )}
          </div>
        </div>
      )}
      {ended && followUpRoundOver(round) && answer}
      {ended && !followUpRoundOver(round) && (
        <FollowUpRoundView
          followUps={question.followUps}
          round={round}
          seconds={followUpSeconds(item.budgetSeconds || 45 * 60)}
          strict={strict}
          onAnswer={(text) => update((r) => answerFollowUp(r, text))}
          onNext={() => update((r) => nextFollowUp(r, Date.now()))}
        />
      )}
      {ended && followUpRoundOver(round) && (
        <p className="muted">
          Follow-ups done. Your drawing, recording and answers are compared with the model answer in the assessment.
        </p>
      )}
    </div>
  );
}
