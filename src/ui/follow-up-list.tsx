import type { FollowUp } from '../bank/types';
import { RichHtml } from './rich-html';

/** The interviewer's next questions; each answer stays folded until the user asks to check it. */
export function FollowUpList({ followUps }: { followUps: readonly FollowUp[] }) {
  return (
    <ul className="follow-ups">
      {followUps.map((f) => (
        <li key={f.questionHtml}>
          <RichHtml html={f.questionHtml} />
          {f.answerHtml !== undefined && (
            <details className="follow-up-answer">
              <summary>Check your answer</summary>
              <RichHtml html={f.answerHtml} />
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
