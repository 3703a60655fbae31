/** A drill's hints, one at a time, and its reference solution on request (both count as help). */
import './workspace.css';
import type { Question } from '../bank/types';
import { RichHtml } from '../ui/rich-html';

export function HintsAndSolution({
  question,
  hintsShown,
  onShowHint,
  solutionShown,
  onShowSolution,
  solutionHeading: Heading = 'h2',
}: {
  question: Question;
  hintsShown: number;
  onShowHint: () => void;
  solutionShown: boolean;
  onShowSolution: () => void;
  /** The solution's heading level where the brief sits (h3 inside a review card). */
  solutionHeading?: 'h2' | 'h3';
}) {
  const { drill, sqlDrill } = question;
  return (
    <div className="hints">
      {question.hints.slice(0, hintsShown).map((hint, i) => (
        <div key={hint} className="hint">
          <strong>Hint {i + 1}.</strong> <RichHtml as="span" html={hint} />
        </div>
      ))}
      {hintsShown < question.hints.length && (
        <button type="button" className="button ghost small" onClick={onShowHint}>
          Show hint {hintsShown + 1} of {question.hints.length}
        </button>
      )}
      {!solutionShown ? (
        <button type="button" className="button ghost small" onClick={onShowSolution}>
          Show solution (counts as a hint)
        </button>
      ) : (
        <section aria-label="Reference solution" className="solution">
          <Heading>Reference solution</Heading>
          {drill && <RichHtml html={drill.python.solutionHtml} />}
          {drill && <RichHtml html={drill.typescript.solutionHtml} />}
          {sqlDrill && <RichHtml html={sqlDrill.solutionHtml} />}
          <RichHtml html={question.answerHtml} />
        </section>
      )}
    </div>
  );
}
