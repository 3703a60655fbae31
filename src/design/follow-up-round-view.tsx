/** The interviewer's follow-ups, one at a time, each with its own short clock. */
import type { FollowUp } from '../bank/types';
import { formatElapsed } from '../ui/format-duration';
import { RichHtml } from '../ui/rich-html';
import { useNow } from '../ui/use-now';
import type { DesignRound } from './design-round';

export function FollowUpRoundView({
  followUps,
  round,
  seconds,
  strict,
  onAnswer,
  onNext,
}: {
  followUps: readonly FollowUp[];
  round: DesignRound;
  /** Each follow-up's own time. */
  seconds: number;
  /** Strict mocks lock the answer when its time is up; practice only says so. */
  strict: boolean;
  onAnswer: (text: string) => void;
  onNext: () => void;
}) {
  const f = round.followUps;
  const now = useNow(1000, f !== undefined && f.current < f.picked.length);
  if (!f || f.current >= f.picked.length) return null;
  const followUp = followUps[f.picked[f.current]];
  const remaining = seconds * 1000 - (now - (f.startedAt[f.current] ?? now));
  const timeUp = remaining <= 0;
  const last = f.current === f.picked.length - 1;
  return (
    <section className="card follow-up-round" aria-labelledby="follow-up-round-h">
      <h2 id="follow-up-round-h">
        The interviewer asks ({f.current + 1} of {f.picked.length})
      </h2>
      <RichHtml html={followUp?.questionHtml ?? ''} className="follow-up-question" />
      <p className={timeUp ? 'follow-up-clock over' : 'follow-up-clock'} role="timer" aria-live="off">
        {timeUp ? 'Time is up for this follow-up.' : `${formatElapsed(remaining)} left for this follow-up`}
      </p>
      <label className="field">
        <span>Your answer to the follow-up</span>
        <textarea
          rows={5}
          value={f.answers[f.current] ?? ''}
          readOnly={strict && timeUp}
          onChange={(event) => onAnswer(event.target.value)}
        />
      </label>
      <button type="button" className="button primary" onClick={onNext}>
        {last ? 'Finish the follow-ups' : 'Next follow-up'}
      </button>
    </section>
  );
}

/** After the round: what was asked, what the user said, how long it took, and the model answer. */
export function FollowUpAnswers({ followUps, round }: { followUps: readonly FollowUp[]; round?: DesignRound }) {
  const f = round?.followUps;
  if (!f || f.picked.length === 0) return null;
  return (
    <section aria-label="The interviewer's follow-ups" className="follow-up-answers">
      <h3>The interviewer’s follow-ups</h3>
      <ol>
        {f.picked.map((index, i) => {
          const followUp = followUps[index];
          const spent = f.endedAt[i] !== undefined ? f.endedAt[i] - f.startedAt[i] : undefined;
          return (
            <li key={index}>
              <RichHtml html={followUp?.questionHtml ?? ''} />
              <p className="your-follow-up">
                <strong>You said{spent !== undefined ? ` (${formatElapsed(spent)})` : ''}:</strong>{' '}
                {f.answers[i]?.trim() ? f.answers[i] : <em>nothing</em>}
              </p>
              {followUp?.answerHtml && (
                <div className="follow-up-model">
                  <strong>A strong answer:</strong> <RichHtml as="span" html={followUp.answerHtml} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
