/** Taking a mock: one question at a time under its own countdown and the mock's. */
import { lazy, type ReactNode, Suspense, use, useId, useMemo, useRef, useState } from 'react';
import { loadQuestion } from '../bank/bank-data';
import type { CodeLanguage, DrillLanguage } from '../bank/types';
import { mockDrawingScope } from '../design/drawing-repository';
import type { CodeStore, SubmitResult } from '../drills/drill-work';
import { Badge } from '../ui/badge';
import { Loading } from '../ui/loading';
import { RichHtml } from '../ui/rich-html';
import { isAnswered } from './grade-proposal';
import { MockClockBar } from './mock-clock';
import {
  endMock,
  goNext,
  goTo,
  isLocked,
  nextOpenIndex,
  pause,
  recordDrillAttempt,
  resume,
  setAnswer,
  setCode,
  toggleFlag,
} from './mock-session';
import { useMock, useMockStoreApi } from './mock-store-context';
import type { MockItem, MockSession } from './mock-types';

export function TakingView({ session }: { session: MockSession }) {
  const change = useMock((s) => s.change);
  const saveError = useMock((s) => s.saveError);
  const retrySave = useMock((s) => s.retrySave);
  const endDialog = useRef<HTMLDialogElement>(null);
  // Finish on the last question finishes; End mock elsewhere ends early. The dialog confirms either.
  const [ending, setEnding] = useState<'finished' | 'ended-early'>('ended-early');
  const askToEnd = (reason: 'finished' | 'ended-early') => {
    setEnding(reason);
    endDialog.current?.showModal();
  };
  const index = session.current;
  const item = session.items[index];
  const paused = session.pausedAt !== undefined;
  const strict = session.config.mode === 'strict';
  const unanswered = session.items.filter((it) => !isAnswered(it)).length;
  // On the last question in order (or the last one open) the way on is Finish, not a wrap to question 1.
  const next = nextOpenIndex(session, index);
  const isLast = next === undefined || next < index;

  return (
    <div className="page mock-taking">
      <MockClockBar session={session} />
      {saveError && (
        <div role="alert" className="alert">
          <p>{saveError}</p>
          <button type="button" className="button small" onClick={retrySave}>
            Retry saving
          </button>
        </div>
      )}

      <nav aria-label="Questions" className="mock-nav">
        <ol>
          {session.items.map((it, i) => (
            <li key={it.questionId}>
              <button
                type="button"
                className={`button mock-nav-item${i === index ? ' current' : ''}${isAnswered(it) ? ' answered' : ''}${it.flagged ? ' flagged' : ''}${isLocked(it) ? ' locked' : ''}`}
                aria-current={i === index ? 'step' : undefined}
                disabled={isLocked(it) || paused}
                aria-label={`Question ${i + 1}${isAnswered(it) ? ', answered' : ''}${it.flagged ? ', flagged' : ''}${isLocked(it) ? ', time up' : ''}`}
                onClick={() => change((s, t) => goTo(s, i, t))}
              >
                {i + 1}
                {it.flagged && <span aria-hidden="true">⚑</span>}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {paused ? (
        <section className="card paused" aria-label="Paused">
          <h2>Paused</h2>
          <p>The clock is stopped and the question is hidden until you resume.</p>
          <button type="button" className="button primary" onClick={() => change(resume)}>
            Resume
          </button>
        </section>
      ) : (
        <QuestionPane key={item.questionId} index={index} item={item} total={session.items.length} />
      )}

      <div className="mock-actions">
        <button
          type="button"
          className="button ghost"
          aria-pressed={item.flagged}
          onClick={() => change((s) => toggleFlag(s, index))}
        >
          {item.flagged ? 'Unflag' : 'Flag for later'}
        </button>
        {!strict && !paused && (
          <button type="button" className="button ghost" onClick={() => change(pause)}>
            Pause
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="button" onClick={() => askToEnd('ended-early')}>
          End mock
        </button>
        {isLast ? (
          <button type="button" className="button primary" onClick={() => askToEnd('finished')}>
            Finish
          </button>
        ) : (
          <button type="button" className="button primary" onClick={() => change(goNext)} disabled={paused}>
            {isAnswered(item) ? 'Next question' : 'Skip'}
          </button>
        )}
      </div>

      <dialog ref={endDialog} className="dialog" aria-labelledby="end-title">
        <h2 id="end-title">End the mock now?</h2>
        <p>
          {unanswered > 0
            ? `${unanswered} of ${session.items.length} questions have no answer yet; they will be graded Again.`
            : 'Every question has an answer.'}{' '}
          Next you compare your answers with the model answers and grade them.
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={() => endDialog.current?.close()}>
            Keep going
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              endDialog.current?.close();
              change((s, t) => endMock(s, t, ending));
            }}
          >
            End and assess
          </button>
        </div>
      </dialog>
    </div>
  );
}

function QuestionPane({ index, item, total }: { index: number; item: MockItem; total: number }) {
  const question = use(loadQuestion(item.questionId));
  const change = useMock((s) => s.change);
  const answerId = useId();
  const sessionId = useMock((s) => s.session?.id);
  const strict = useMock((s) => s.session?.config.mode === 'strict');
  if (!question) return <p className="alert">This question is no longer in the bank.</p>;
  const answerBox = (
    <div className="field">
      <label htmlFor={answerId}>Your answer (plain text or Markdown; saved as you type)</label>
      <textarea
        id={answerId}
        className="answer-input"
        rows={item.kind === 'design' ? 14 : 8}
        value={item.answer}
        // biome-ignore lint/a11y/noAutofocus: the answer box is the one thing to do on this screen
        autoFocus
        onChange={(e) => {
          const text = e.target.value;
          change((s, t) => setAnswer(s, index, text, t));
        }}
      />
    </div>
  );
  return (
    <section className="card mock-question" aria-labelledby="mock-q-heading">
      <div className="question-meta">
        <h2 id="mock-q-heading" className="mock-q-heading">
          Question {index + 1} of {total}
        </h2>
        <Badge>{item.kind}</Badge>
        <Badge tone={item.difficulty}>{item.difficulty}</Badge>
      </div>
      {question.drill || question.sqlDrill ? (
        // The prompt goes beside the editor (a Brief tab on a phone), so the editor's top is in view
        // when the question opens instead of below a long prompt.
        <MockDrill
          index={index}
          item={item}
          brief={
            <>
              <RichHtml html={question.promptHtml} className="prompt" />
              {question.drill && (
                <Suspense fallback={null}>
                  <DrillSignatures drill={question.drill} />
                </Suspense>
              )}
              {question.sqlDrill && (
                <Suspense fallback={null}>
                  <SqlTables drill={question.sqlDrill} />
                </Suspense>
              )}
            </>
          }
        />
      ) : (
        <>
          <RichHtml html={question.promptHtml} className="prompt" />
          {item.kind === 'design' && sessionId ? (
            <Suspense fallback={<Loading label="Loading the design round…" />}>
              <MockDesignRound
                sessionId={sessionId}
                index={index}
                item={item}
                question={question}
                strict={strict}
                answer={answerBox}
              />
            </Suspense>
          ) : (
            <>
              {answerBox}
              {sessionId && (
                <Suspense fallback={null}>
                  <SpeakToggle scope={mockDrawingScope(sessionId, index)} disabled={isLocked(item)} />
                </Suspense>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

// The workspaces load only when a coding question comes up, so a concept-only mock stays light;
// the design round (phased clock, whiteboard, recorder) only with a design question.
const MockDesignRound = lazy(() => import('./mock-design').then((m) => ({ default: m.MockDesignRound })));
const SpeakToggle = lazy(() => import('../design/answer-aloud').then((m) => ({ default: m.SpeakToggle })));
const DrillWork = lazy(() => import('../drills/drill-work').then((m) => ({ default: m.DrillWork })));
const DrillSignatures = lazy(() => import('../drills/drill-work').then((m) => ({ default: m.DrillSignatures })));
const SqlWork = lazy(() => import('../drills/sql-work').then((m) => ({ default: m.SqlWork })));
const SqlTables = lazy(() => import('../drills/sql-work').then((m) => ({ default: m.SqlTables })));

function MockDrill({ index, item, brief }: { index: number; item: MockItem; brief: ReactNode }) {
  const api = useMockStoreApi();
  const change = useMock((s) => s.change);
  const question = use(loadQuestion(item.questionId));
  // Read the freshest stored code at load time, not the render's, so the store stays stable.
  const store = useMemo(() => {
    const current = () => api.getState().session?.items[index];
    const writeCode = (language: CodeLanguage, source: string | undefined) =>
      change((s, t) => {
        const sources = { ...s.items[index]?.code?.sources };
        if (source === undefined) delete sources[language];
        else sources[language] = source;
        return setCode(s, index, { language, sources }, t);
      });
    const stored = current()?.code?.language;
    return {
      language: stored === 'sql' ? undefined : stored,
      load: async (language: CodeLanguage) => current()?.code?.sources[language],
      save: (language: CodeLanguage, source: string) => writeCode(language, source),
      clear: async (language: CodeLanguage) => writeCode(language, undefined),
      onLanguageChange: (language: CodeLanguage) => writeCode(language, current()?.code?.sources[language]),
    } satisfies CodeStore<CodeLanguage>;
  }, [index, change, api]);
  const onSubmitted = (result: SubmitResult) => {
    change((s, t) => recordDrillAttempt(s, index, result, t));
    return `Submitted: ${result.passed} of ${result.total} tests passed. This counts in your self-assessment.`;
  };
  if (question?.sqlDrill) {
    return (
      <Suspense fallback={<Loading label="Loading the SQL workspace…" />}>
        <SqlWork
          drill={question.sqlDrill}
          store={store as CodeStore<'sql'>}
          label="Your query"
          brief={brief}
          onSubmitted={onSubmitted}
        />
      </Suspense>
    );
  }
  if (!question?.drill) return null;
  return (
    <Suspense fallback={<Loading label="Loading the code workspace…" />}>
      <DrillWork
        drill={question.drill}
        store={store as CodeStore<DrillLanguage>}
        label="Your code"
        brief={brief}
        onSubmitted={onSubmitted}
      />
    </Suspense>
  );
}
