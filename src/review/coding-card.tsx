/**
 * A coding card in review: the drill's real workspace (Monaco, Run and Submit, Python /
 * TypeScript or SQL) inside the review screen. Submit's tests propose a grade; the grade buttons
 * then appear under the workspace with that grade marked, and the user picks it or another.
 * The code starts from the starter (not the drill page's draft) and is kept until the card is graded.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { CodeLanguage, DrillLanguage, Question } from '../bank/types';
import { type CodeStore, DrillSignatures, DrillWork, preloadEditor, type SubmitResult } from '../drills/drill-work';
import { HintsAndSolution } from '../drills/hints-and-solution';
import { SqlTables, SqlWork } from '../drills/sql-work';
import { RATING_NAMES } from '../srs/types';
import { Badge } from '../ui/badge';
import { RichHtml } from '../ui/rich-html';
import { CODING_GRADE_RULE } from './coding-grade';
import { GradeButtons } from './grade-buttons';
import { useReview, useReviewStoreApi } from './review-store-context';

preloadEditor();

const SAVE_DELAY_MS = 250;

/** The workspace's code store over the review store's per-card code, written shortly after typing stops. */
function useReviewCodeStore<L extends CodeLanguage>(
  questionId: string,
  onSaveResult: (error: Error | undefined) => void,
): CodeStore<L> {
  const api = useReviewStoreApi();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // A save still waiting when the card leaves (graded) must not write the code back.
  useEffect(() => () => clearTimeout(timer.current), []);
  return useMemo(() => {
    const { reviewCode } = api.getState();
    return {
      load: (language) => reviewCode.load(questionId, language),
      save: (language, code) => {
        clearTimeout(timer.current);
        timer.current = setTimeout(
          () =>
            void reviewCode.save(questionId, language, code).then(
              () => onSaveResult(undefined),
              (error: Error) => onSaveResult(error),
            ),
          SAVE_DELAY_MS,
        );
      },
      clear: (language) => {
        clearTimeout(timer.current);
        return reviewCode.clear(questionId, language);
      },
    };
  }, [api, questionId, onSaveResult]);
}

function formatTime(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export default function CodingCard({ question, phase }: { question: Question; phase: string }) {
  const api = useReviewStoreApi();
  const proposal = useReview((s) => (s.proposal?.questionId === question.id ? s.proposal : undefined));
  const [hintsShown, setHintsShown] = useState(0);
  const [hiddenNotesShown, setHiddenNotesShown] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const [draftError, setDraftError] = useState<string>();
  const onDraftSaved = useCallback(
    (error: Error | undefined) =>
      setDraftError(error ? `Your code is not saved: ${error.message} Your code stays in the editor.` : undefined),
    [],
  );
  const store = useReviewCodeStore<DrillLanguage>(question.id, onDraftSaved);
  const sqlStore = useReviewCodeStore<'sql'>(question.id, onDraftSaved);

  const onSubmitted = useCallback(
    ({ passed, total, allPassed }: SubmitResult) => {
      const proposed = api.getState().submitCode({
        passed,
        total,
        allPassed,
        hintsUsed: hintsShown + hiddenNotesShown,
        solutionShown,
      });
      if (!proposed) return undefined;
      return `The tests propose ${RATING_NAMES[proposed.rating]}: pick it or another grade below the workspace.`;
    },
    [api, hintsShown, hiddenNotesShown, solutionShown],
  );
  // The grade bar sits under the workspace: bring it (and the results above it) into view when it appears.
  const gradeBar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!proposal) return;
    const frame = requestAnimationFrame(() => gradeBar.current?.scrollIntoView?.({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [proposal]);
  const onHintUsed = () => setHiddenNotesShown((n) => n + 1);
  const { drill, sqlDrill } = question;

  const brief = (
    <section className="drill-brief" aria-labelledby="review-drill-title">
      <h2 id="review-drill-title" className="drill-title">
        {question.title}
      </h2>
      <div className="question-meta">
        <Badge tone={phase === 'new' ? 'new' : 'neutral'}>{phase}</Badge>
        <Badge tone={question.difficulty}>{question.difficulty}</Badge>
        <Badge>coding</Badge>
        <span className="muted">Budget {Math.round(question.time / 60)} min</span>
      </div>
      <RichHtml html={question.promptHtml} className="drill-prompt prompt" />
      {drill && <DrillSignatures drill={drill} />}
      {sqlDrill && <SqlTables drill={sqlDrill} />}
      <HintsAndSolution
        question={question}
        hintsShown={hintsShown}
        onShowHint={() => setHintsShown(hintsShown + 1)}
        solutionShown={solutionShown}
        onShowSolution={() => setSolutionShown(true)}
        solutionHeading="h3"
      />
      <p className="muted small">{CODING_GRADE_RULE}</p>
      <p className="muted small">
        <Link href={`/drills/${question.id}`}>Open as a drill page</Link> (leaves the review queue)
      </p>
    </section>
  );

  return (
    <article className="review-card coding-card" aria-label="Card">
      {drill && (
        <DrillWork
          drill={drill}
          store={store}
          label="Your solution"
          onSubmitted={onSubmitted}
          alert={draftError}
          brief={brief}
          onHintUsed={onHintUsed}
        />
      )}
      {sqlDrill && (
        <SqlWork
          drill={sqlDrill}
          store={sqlStore}
          onSubmitted={onSubmitted}
          alert={draftError}
          brief={brief}
          onHintUsed={onHintUsed}
        />
      )}
      <div className="coding-grade" ref={gradeBar}>
        {proposal ? (
          <>
            <p className="coding-verdict">
              <strong>
                {proposal.passed} of {proposal.total} tests passed
              </strong>{' '}
              in {formatTime(proposal.durationMs)}: the tests propose <strong>{RATING_NAMES[proposal.rating]}</strong>.
            </p>
            <GradeButtons legend="Grade this card" proposed={proposal.rating} />
          </>
        ) : (
          <p className="muted small coding-waiting">
            Submit your code: its tests propose a grade, then the next card comes.
          </p>
        )}
      </div>
    </article>
  );
}
