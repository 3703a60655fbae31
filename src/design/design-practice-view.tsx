/**
 * A design question practised as the interview round: phased clock, whiteboard, notes, answer
 * aloud, the interviewer's follow-ups, then a self-assessment with the drawing, the recording
 * and per-phase time and coverage. Every change is saved, so a reload continues the round.
 */
import './design.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Question } from '../bank/types';
import { LatestWriter } from '../storage/latest-writer';
import { RichHtml } from '../ui/rich-html';
import { AnswerAloud } from './answer-aloud';
import { AnswerMedia, DesignRoundSummary } from './design-review';
import {
  answerFollowUp,
  type DesignRound,
  endMainAnswer,
  followUpRoundOver,
  nextFollowUp,
  nextPhase,
} from './design-round';
import { deleteDrawing, questionDrawingScope } from './drawing-repository';
import { followUpSeconds } from './follow-up-round';
import { FollowUpRoundView } from './follow-up-round-view';
import { planPhases } from './phase-plan';
import { PhasedClock } from './phased-clock';
import { clearPractice, type DesignPractice, loadPractice, newPractice, savePractice } from './practice-repository';
import { deleteRecording } from './recording-repository';
import { Whiteboard } from './whiteboard';

export function DesignPracticeView({ question, onFinished }: { question: Question; onFinished: () => void }) {
  const [practice, setPractice] = useState<DesignPractice | null>();
  const [saveError, setSaveError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const plan = useMemo(() => planPhases(question.time), [question.time]);
  const scope = questionDrawingScope(question.id);
  const writer = useMemo(
    () =>
      new LatestWriter<DesignPractice>(
        (value) => savePractice(question.id, value),
        (error) => {
          setSaveError(error ? `Not saved: ${error.message} It stays on this page.` : undefined);
          setSaved(!error);
        },
      ),
    [question.id],
  );
  const finishedOnce = useRef(false);

  useEffect(() => {
    let live = true;
    loadPractice(question.id)
      .then((stored) => live && setPractice(stored ?? null))
      .catch(() => live && setPractice(null));
    return () => {
      live = false;
    };
  }, [question.id]);

  const over = practice ? followUpRoundOver(practice.round) : false;
  useEffect(() => {
    if (over && !finishedOnce.current) {
      finishedOnce.current = true;
      onFinished();
    }
  }, [over, onFinished]);

  if (practice === undefined) return <p className="muted">Loading your round…</p>;

  const update = (next: DesignPractice) => {
    setPractice(next);
    setSaved(false);
    writer.push(next);
  };
  const usedMsAt = (now: number) =>
    practice?.round.endedAtMs !== undefined
      ? practice.round.endedAtMs
      : Math.max(0, now - (practice?.startedAt ?? now));
  const changeRound = (fn: (round: DesignRound) => DesignRound) =>
    practice && update({ ...practice, round: fn(practice.round) });

  const startOver = async () => {
    await Promise.all([clearPractice(question.id), deleteDrawing(scope), deleteRecording(scope)]);
    finishedOnce.current = false;
    update(newPractice(Date.now(), question.rubric.length));
  };

  if (practice === null) {
    return (
      <section className="card design-start" aria-labelledby="design-round-h">
        <h2 id="design-round-h">Practise it as the interview round</h2>
        <p>
          A phased clock over the {Math.round(question.time / 60)}-minute budget (clarify, estimate, design, deep dive,
          evaluation, trade-offs), a whiteboard, answering aloud if you like, then the interviewer’s follow-ups.
        </p>
        <button
          type="button"
          className="button primary"
          onClick={() => update(newPractice(Date.now(), question.rubric.length))}
        >
          Start the design round
        </button>
      </section>
    );
  }

  const ended = practice.round.endedAtMs !== undefined;
  return (
    <section className="design-round" aria-labelledby="design-round-h">
      <div className="design-round-head">
        <h2 id="design-round-h">Design round</h2>
        <span className="whiteboard-saved" role="status">
          {saved ? 'Round saved' : ''}
        </span>
        <button type="button" className="button ghost" onClick={() => void startOver()}>
          Start over
        </button>
      </div>
      {saveError && <p role="alert">{saveError}</p>}
      <PhasedClock
        plan={plan}
        marks={practice.round.marks}
        usedMsAt={usedMsAt}
        running={!ended}
        onNext={() => changeRound((round) => nextPhase(round, usedMsAt(Date.now())))}
      />
      {!ended && (
        <div className="design-work">
          <Whiteboard scope={scope} fileName={`${question.id}-design`} />
          <div className="design-side">
            <label className="field">
              <span>Your notes</span>
              <textarea
                rows={10}
                value={practice.notes}
                onChange={(event) => update({ ...practice, notes: event.target.value })}
              />
            </label>
            <AnswerAloud scope={scope} />
            <button
              type="button"
              className="button primary"
              onClick={() =>
                changeRound((round) => endMainAnswer(round, usedMsAt(Date.now()), Date.now(), question.followUps, plan))
              }
            >
              End my answer
            </button>
          </div>
        </div>
      )}
      {ended && !over && (
        <FollowUpRoundView
          followUps={question.followUps}
          round={practice.round}
          seconds={followUpSeconds(question.time)}
          strict={false}
          onAnswer={(text) => changeRound((round) => answerFollowUp(round, text))}
          onNext={() => changeRound((round) => nextFollowUp(round, Date.now()))}
        />
      )}
      {over && (
        <div className="design-review">
          <h3>Your round</h3>
          <AnswerMedia scope={scope} />
          {practice.notes.trim() && (
            <div className="your-notes">
              <h4>Your notes</h4>
              <p>{practice.notes}</p>
            </div>
          )}
          <fieldset className="rubric-check">
            <legend>Tick what your answer covered</legend>
            {question.rubric.map((point, index) => (
              <label key={point} className="check">
                <input
                  type="checkbox"
                  checked={practice.covered[index] ?? false}
                  onChange={(event) => {
                    const covered = practice.covered.slice();
                    covered[index] = event.target.checked;
                    update({ ...practice, covered });
                  }}
                />
                <RichHtml as="span" html={point} />
              </label>
            ))}
          </fieldset>
          <DesignRoundSummary
            question={question}
            round={practice.round}
            budgetSeconds={question.time}
            usedMs={practice.round.endedAtMs ?? 0}
            covered={practice.covered}
          />
        </div>
      )}
    </section>
  );
}
