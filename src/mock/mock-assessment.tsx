/** After the mock: each answer beside the model answer, the rubric as a checklist, a proposed grade. */
import { Suspense, use, useEffect, useState } from 'react';
import { loadQuestion } from '../bank/bank-data';
import type { Question } from '../bank/types';
import { mockDrawingScope } from '../design/drawing-repository';
import { RATING_NAMES, RATINGS, type Rating } from '../srs/types';
import { Badge } from '../ui/badge';
import { RichHtml } from '../ui/rich-html';
import { GRADE_RULE, isAnswered, proposeForItem } from './grade-proposal';
import { AnswerMedia, DesignRoundSummary } from './lazy-design-parts';
import { formatClock } from './mock-clock';
import { itemUsedMs } from './mock-session';
import { useMock } from './mock-store-context';
import { CONFIDENCES, type Confidence, type MockItem, type MockSession } from './mock-types';

const CONFIDENCE_LABELS: Record<Confidence, string> = { low: 'Low', medium: 'Medium', high: 'High' };
const END_TEXT = {
  finished: 'You finished the mock.',
  'time-up': 'Time is up: the mock has ended.',
  'ended-early': 'You ended the mock early.',
} as const;

export function AssessmentView({ session }: { session: MockSession }) {
  const recordGrades = useMock((s) => s.recordGrades);
  const grading = useMock((s) => s.grading);
  const error = useMock((s) => s.error);
  const saveError = useMock((s) => s.saveError);
  return (
    <div className="page mock-assessment">
      <h1>Assess your answers</h1>
      <p className="lead">
        {END_TEXT[session.endReason ?? 'finished']} Compare each answer with the model answer, tick the rubric points
        you covered, and check the grade.
      </p>
      <details className="card rule">
        <summary>How the grade is proposed</summary>
        <ul>
          {GRADE_RULE.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="muted small">Each grade goes into your review schedule, so what you missed comes back soon.</p>
      </details>
      {session.items.map((item, index) => (
        <AssessItem key={item.questionId} session={session} item={item} index={index} />
      ))}
      {(error || saveError) && (
        <p role="alert" className="alert">
          {error ?? saveError}
        </p>
      )}
      <button type="button" className="button primary wide" disabled={grading} onClick={() => void recordGrades()}>
        {grading ? 'Recording…' : 'Record grades and see the report'}
      </button>
    </div>
  );
}

function AssessItem({ session, item, index }: { session: MockSession; item: MockItem; index: number }) {
  const question = use(loadQuestion(item.questionId));
  const assess = useMock((s) => s.assess);
  const rubricSize = question?.rubric.length ?? 0;
  // The checklist has one box per rubric point; it is sized once the question is loaded.
  useEffect(() => {
    if (question && item.assessment.covered.length !== rubricSize)
      assess(index, { covered: Array.from({ length: rubricSize }, () => false) });
  }, [question, item.assessment.covered.length, rubricSize, assess, index]);
  if (!question) return null;
  const usedMs = itemUsedMs(item, session.endedAt ?? Date.now());
  const budgetMs = item.budgetSeconds * 1000;
  const proposed = proposeForItem(item, usedMs);
  const locked = item.assessment.reviewId !== undefined;
  const grade = <GradeChoice item={item} index={index} proposed={proposed} locked={locked} />;

  // Nothing to compare: one line, opened only if the user wants the model answer.
  if (!isAnswered(item)) {
    return (
      <details className="card assess-item skipped">
        <summary>
          <span className="visually-hidden">Question {index + 1}: </span>
          Not answered: {question.title}
          <span className="muted small"> · graded {RATING_NAMES[item.assessment.rating ?? proposed]}</span>
        </summary>
        <RichHtml html={question.promptHtml} className="prompt" />
        <h3>Model answer</h3>
        <ModelAnswer question={question} />
        {grade}
      </details>
    );
  }

  const headingId = `assess-${index}`;
  return (
    <section className="card assess-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="assess-heading">
        Question {index + 1}
        <Badge>{item.kind}</Badge>
        <Badge tone={item.difficulty}>{item.difficulty}</Badge>
      </h2>
      <p className={budgetMs > 0 && usedMs > budgetMs ? 'fail-text small' : 'muted small'}>
        Time used {formatClock(usedMs)}
        {budgetMs > 0 &&
          ` of ${formatClock(budgetMs)}${usedMs > budgetMs ? `, over by ${formatClock(usedMs - budgetMs)}` : ''}`}
      </p>
      <RichHtml html={question.promptHtml} className="prompt" />
      <div className="answer-compare">
        <div>
          <h3>Your answer</h3>
          {item.kind === 'coding' ? (
            <CodeAnswer item={item} index={index} question={question} />
          ) : (
            <pre className="typed-answer">{item.answer.trim()}</pre>
          )}
          <Suspense fallback={null}>
            <AnswerMedia scope={mockDrawingScope(session.id, index)} />
          </Suspense>
        </div>
        <div>
          <h3>Model answer</h3>
          <ModelAnswer question={question} />
        </div>
      </div>
      <fieldset disabled={locked}>
        <legend>Rubric: tick what your answer covered</legend>
        {question.rubric.map((point, i) => (
          <label key={point} className="check rubric-point">
            <input
              type="checkbox"
              checked={item.assessment.covered[i] ?? false}
              onChange={(e) => {
                const covered = question.rubric.map((_, j) => item.assessment.covered[j] ?? false);
                covered[i] = e.target.checked;
                assess(index, { covered });
              }}
            />
            <RichHtml as="span" html={point} />
          </label>
        ))}
      </fieldset>
      {item.kind === 'design' && (
        <Suspense fallback={null}>
          <DesignRoundSummary
            question={question}
            round={item.design}
            budgetSeconds={item.budgetSeconds}
            usedMs={usedMs}
            covered={item.assessment.covered}
          />
        </Suspense>
      )}
      <fieldset disabled={locked} className="inline-fieldset">
        <legend>Confidence</legend>
        {CONFIDENCES.map((confidence) => (
          <label key={confidence} className="check">
            <input
              type="radio"
              name={`confidence-${index}`}
              checked={item.assessment.confidence === confidence}
              onChange={() => assess(index, { confidence })}
            />
            {CONFIDENCE_LABELS[confidence]}
          </label>
        ))}
      </fieldset>
      {grade}
    </section>
  );
}

function ModelAnswer({ question }: { question: Question }) {
  return (
    <>
      {question.drill && <RichHtml html={question.drill.python.solutionHtml} />}
      <RichHtml html={question.answerHtml} />
    </>
  );
}

function GradeChoice({
  item,
  index,
  proposed,
  locked,
}: {
  item: MockItem;
  index: number;
  proposed: Rating;
  locked: boolean;
}) {
  const assess = useMock((s) => s.assess);
  const chosen = item.assessment.rating ?? proposed;
  return (
    <>
      <fieldset disabled={locked} className="inline-fieldset">
        <legend>
          Grade (proposed: <strong>{RATING_NAMES[proposed]}</strong>
          {!isAnswered(item) && ', no answer'})
        </legend>
        {RATINGS.map((r) => (
          <label key={r} className="check">
            <input
              type="radio"
              name={`grade-${index}`}
              checked={chosen === r}
              onChange={() => assess(index, { rating: r === proposed ? undefined : r })}
            />
            {RATING_NAMES[r]}
          </label>
        ))}
      </fieldset>
      {item.assessment.rating !== undefined && !locked && (
        <p className="muted small">You changed the proposed grade.</p>
      )}
      {locked && <p className="success small">Recorded as {RATING_NAMES[chosen]}.</p>}
    </>
  );
}

function CodeAnswer({ item, index, question }: { item: MockItem; index: number; question: Question }) {
  const setDrillResult = useMock((s) => s.setDrillResult);
  const [running, setRunning] = useState(false);
  const language = item.code?.language ?? (question.sqlDrill ? 'sql' : 'python');
  const source = item.code?.sources[language];
  const runAll = async () => {
    if (source === undefined) return;
    setRunning(true);
    // The runners load only when the user asks for a run here.
    const { runAllTests } = await import('../drills/run-all-tests');
    const result = await runAllTests(question, language, source);
    setRunning(false);
    setDrillResult(index, result);
  };
  return (
    <>
      <pre className="typed-answer code">{source ?? '(no code written)'}</pre>
      <p role="status" className={item.drill?.allPassed ? 'success small' : 'small'}>
        {item.drill
          ? `Tests: ${item.drill.passed} of ${item.drill.total} passed.`
          : source === undefined
            ? 'No code submitted.'
            : 'Not submitted yet.'}
      </p>
      {source !== undefined && !item.drill && !item.assessment.reviewId && (
        <button type="button" className="button small" disabled={running} onClick={() => void runAll()}>
          {running ? 'Running all tests…' : 'Run all tests on your final code'}
        </button>
      )}
    </>
  );
}
