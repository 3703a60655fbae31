import 'katex/dist/katex.min.css';
import { lazy, Suspense, use, useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import { useTheme } from '../app/use-theme';
import { loadQuestion } from '../bank/bank-data';
import type { DrillLanguage, Question } from '../bank/types';
import { RATING_NAMES } from '../srs/types';
import { progressRepository } from '../storage/progress-connection';
import { ConflictError } from '../storage/progress-repository';
import { announceChange } from '../storage/sync-channel';
import { Badge } from '../ui/badge';
import { Loading } from '../ui/loading';
import { RichHtml } from '../ui/rich-html';
import { usePageTitle } from '../ui/use-page-title';
import { codeRunner, type RunHandle, type RunResult } from './code-runner';
import { formatValue } from './compare';
import { deleteDraft, loadDraft, saveDraft } from './drafts';
import { DRILL_GRADE_RULE, drillRating } from './drill-grade';
import { evaluateRun, type RunSummary } from './evaluate-run';

const CodeEditor = lazy(() => import('./code-editor'));

const LANGUAGES: { id: DrillLanguage; label: string }[] = [
  { id: 'python', label: 'Python' },
  { id: 'typescript', label: 'TypeScript' },
];
const RUN_BUTTONS = [
  { mode: 'run', label: 'Run', className: 'button', shortcut: 'Ctrl/Cmd+Enter' },
  { mode: 'submit', label: 'Submit', className: 'button primary', shortcut: 'Ctrl/Cmd+Shift+Enter' },
] as const;
const LANGUAGE_KEY = 'drillbook-drill-language';
const DRAFT_SAVE_DELAY_MS = 250;

type Drill = NonNullable<Question['drill']>;
type Outcome =
  | { mode: 'run' | 'submit'; result: Exclude<RunResult, { kind: 'done' }> }
  | { mode: 'run' | 'submit'; result: Extract<RunResult, { kind: 'done' }>; summary: RunSummary };

export default function DrillScreen({ id }: { id: string }) {
  const question = use(loadQuestion(id));
  usePageTitle(question ? `Drill: ${question.promptText.slice(0, 40)}` : 'Drill not found');
  if (!question?.drill) {
    return (
      <section className="page narrow">
        <h1>Drill not found</h1>
        <p>
          There is no coding drill with the id <code>{id}</code>.
        </p>
        <Link href="/drills" className="button">
          All drills
        </Link>
      </section>
    );
  }
  return <DrillWorkspace key={question.id} question={question} drill={question.drill} />;
}

function useElapsed(startedAt: number): string {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function usePythonStatus() {
  return useSyncExternalStore(
    (listener) => codeRunner.subscribe(listener),
    () => codeRunner.pythonStatus,
  );
}

function DrillWorkspace({ question, drill }: { question: Question; drill: Drill }) {
  const theme = useTheme();
  const ids = { lang: useId() };
  const [language, setLanguage] = useState<DrillLanguage>(
    () => (localStorage.getItem(LANGUAGE_KEY) as DrillLanguage | null) ?? 'python',
  );
  const [code, setCode] = useState<string | undefined>();
  const [running, setRunning] = useState<{ handle: RunHandle; mode: 'run' | 'submit' } | undefined>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [hintsShown, setHintsShown] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const [recorded, setRecorded] = useState<string>();
  const [startedAt] = useState(() => Date.now());
  const elapsed = useElapsed(startedAt);
  const pythonStatus = usePythonStatus();
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const spec = drill[language];

  // Load the draft for this drill and language, or the starter code.
  useEffect(() => {
    let cancelled = false;
    setCode(undefined);
    setOutcome(undefined);
    loadDraft(question.id, language)
      .catch(() => undefined)
      .then((draft) => !cancelled && setCode(draft ?? drill[language].starter));
    if (language === 'python') codeRunner.warmPython().catch(() => {});
    else codeRunner.warmJs();
    return () => {
      cancelled = true;
    };
  }, [question.id, language, drill]);

  const onCodeChange = (next: string) => {
    setCode(next);
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(
      () => void saveDraft(question.id, language, next).catch(() => {}),
      DRAFT_SAVE_DELAY_MS,
    );
  };

  const recordReview = useCallback(
    async (allPassed: boolean) => {
      const rating = drillRating(allPassed, hintsShown, solutionShown);
      const repo = await progressRepository();
      const settings = await repo.getSettings();
      const attempt = async () => {
        const card = (await repo.loadCards()).get(question.id);
        return repo.grade(
          {
            questionId: question.id,
            rating,
            source: 'drill',
            durationMs: Date.now() - startedAt,
            now: Date.now(),
            expectedLastReviewId: card?.lastReviewId,
          },
          settings.desiredRetention,
        );
      };
      // A conflict only means another tab graded this card a moment ago: grade on top of it.
      await attempt().catch((error) => (error instanceof ConflictError ? attempt() : Promise.reject(error)));
      announceChange([question.id]);
      setRecorded(`Recorded in your review schedule as ${RATING_NAMES[rating]}.`);
    },
    [hintsShown, solutionShown, question.id, startedAt],
  );

  const start = useCallback(
    (mode: 'run' | 'submit') => {
      if (running || code === undefined) return;
      const tests = mode === 'run' ? drill.tests.filter((t) => !t.hidden) : drill.tests;
      const handle = codeRunner.run(language, code, spec.function, tests, drill.timeLimitMs);
      setRunning({ handle, mode });
      setOutcome(undefined);
      setRecorded(undefined);
      handle.result.then(async (result) => {
        setRunning(undefined);
        if (result.kind === 'done') {
          const summary = evaluateRun(tests, result.outcomes);
          setOutcome({ mode, result, summary });
          if (mode === 'submit')
            await recordReview(summary.allPassed).catch((e: Error) => setRecorded(`Not recorded: ${e.message}`));
        } else {
          setOutcome({ mode, result });
          if (mode === 'submit' && result.kind === 'timeout') await recordReview(false).catch(() => {});
        }
      });
    },
    [running, code, drill, language, spec.function, recordReview],
  );

  // Ctrl/Cmd+Enter runs and Ctrl/Cmd+Shift+Enter submits from anywhere on the page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      if ((event.target as HTMLElement | null)?.closest('.monaco-editor')) return; // the editor's own action handles it
      event.preventDefault();
      start(event.shiftKey ? 'submit' : 'run');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [start]);

  const reset = async () => {
    if (!window.confirm('Reset the editor to the starter code? Your draft for this language will be lost.')) return;
    clearTimeout(saveTimer.current);
    await deleteDraft(question.id, language).catch(() => {});
    setCode(spec.starter);
    setOutcome(undefined);
  };

  const firstError =
    outcome && 'summary' in outcome
      ? outcome.summary.verdicts.find((v) => v.outcome.error?.line)?.outcome.error?.line
      : undefined;

  return (
    <div className="drill-page">
      <section className="drill-brief" aria-labelledby="drill-title">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link href="/drills">Coding drills</Link>
        </nav>
        <h1 id="drill-title" className="drill-title">
          <code>{spec.function}</code>
        </h1>
        <div className="question-meta">
          <Badge tone={question.difficulty}>{question.difficulty}</Badge>
          <span className="muted">Budget {Math.round(question.time / 60)} min</span>
          <span className="timer" role="timer" aria-label="Time spent on this drill">
            Time {elapsed}
          </span>
        </div>
        <RichHtml html={question.promptHtml} className="drill-prompt" />
        <p className="signature">
          <code>{spec.signature}</code>
        </p>
        <div className="hints">
          {question.hints.slice(0, hintsShown).map((hint, i) => (
            <div key={hint} className="hint">
              <strong>Hint {i + 1}.</strong> <RichHtml as="span" html={hint} />
            </div>
          ))}
          {hintsShown < question.hints.length && (
            <button type="button" className="button ghost small" onClick={() => setHintsShown(hintsShown + 1)}>
              Show hint {hintsShown + 1} of {question.hints.length}
            </button>
          )}
          {!solutionShown ? (
            <button type="button" className="button ghost small" onClick={() => setSolutionShown(true)}>
              Show solution (counts as a hint)
            </button>
          ) : (
            <section aria-label="Reference solution" className="solution">
              <h2>Reference solution</h2>
              <RichHtml html={spec.solutionHtml} />
              <RichHtml html={question.answerHtml} />
            </section>
          )}
        </div>
        <p className="muted small">{DRILL_GRADE_RULE}</p>
      </section>

      <section className="drill-work" aria-label="Your solution">
        <div className="toolbar">
          <div className="field inline">
            <label htmlFor={ids.lang}>Language</label>
            <select
              id={ids.lang}
              value={language}
              onChange={(e) => {
                const next = e.target.value as DrillLanguage;
                localStorage.setItem(LANGUAGE_KEY, next);
                setLanguage(next);
              }}
              disabled={!!running}
            >
              {LANGUAGES.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
          <div className="toolbar-actions">
            {running ? (
              <button type="button" className="button danger" onClick={() => running.handle.stop()}>
                Stop
              </button>
            ) : (
              RUN_BUTTONS.map(({ mode, label, className, shortcut }) => (
                <button
                  key={mode}
                  type="button"
                  className={className}
                  onClick={() => start(mode)}
                  disabled={code === undefined}
                  title={shortcut}
                >
                  {label}
                </button>
              ))
            )}
            <button type="button" className="button ghost" onClick={() => void reset()} disabled={!!running}>
              Reset
            </button>
          </div>
        </div>
        <div className="editor-frame">
          {code === undefined ? (
            <Loading label="Loading your draft…" />
          ) : (
            <Suspense fallback={<Loading label="Loading the editor…" />}>
              <CodeEditor
                language={language}
                value={code}
                onChange={onCodeChange}
                dark={theme === 'dark'}
                onRun={() => start('run')}
                onSubmit={() => start('submit')}
                errorLine={firstError}
              />
            </Suspense>
          )}
        </div>
        <p className="muted small">
          Ctrl/Cmd+Enter runs the visible tests, Ctrl/Cmd+Shift+Enter submits. In the editor, Ctrl+M lets Tab move focus
          out.
        </p>
        <div className="results" aria-live="polite">
          {running && (
            <p role="status" className="running">
              {language === 'python' && pythonStatus !== 'warm'
                ? 'Starting Python (the first run takes a few seconds)…'
                : running.mode === 'run'
                  ? 'Running the visible tests…'
                  : 'Running all tests…'}
            </p>
          )}
          {outcome && <RunReport outcome={outcome} />}
          {recorded && (
            <p role="status" className="success">
              {recorded}
            </p>
          )}
        </div>
      </section>
    </div>
  );
}

function RunReport({ outcome }: { outcome: Outcome }) {
  const { result } = outcome;
  if (result.kind === 'timeout') {
    return (
      <p role="alert" className="alert">
        Time limit exceeded: your code ran longer than {result.limitMs / 1000} s and was stopped. Look for an infinite
        loop.
      </p>
    );
  }
  if (result.kind === 'stopped') return <p role="status">Run stopped.</p>;
  if (result.kind === 'failed') {
    return (
      <p role="alert" className="alert">
        {result.message}
      </p>
    );
  }
  if (!('summary' in outcome)) return null;
  const { summary } = outcome;
  const visible = summary.verdicts.filter((v) => !v.hidden);
  const visiblePassed = visible.filter((v) => v.passed).length;
  return (
    <div className="run-report">
      <p role="status" className={summary.allPassed ? 'success' : 'fail-text'}>
        {summary.allPassed
          ? outcome.mode === 'submit'
            ? `All ${summary.verdicts.length} tests passed.`
            : `All ${visible.length} visible tests passed.`
          : `${summary.failed} of ${summary.verdicts.length} tests failed.`}{' '}
        <span className="muted">({Math.round(result.ms)} ms)</span>
      </p>
      <ol className="test-list">
        {visible.map((v) => (
          <li key={v.index} className={v.passed ? 'test pass' : 'test fail'}>
            <div className="test-head">
              <strong>Test {v.index + 1}</strong> <span className="verdict">{v.passed ? 'Passed' : 'Failed'}</span>
              {v.test.note && !v.passed && <span className="muted"> — {v.test.note}</span>}
            </div>
            <dl>
              <dt>Arguments</dt>
              <dd>
                <code>{v.test.args.map(formatValue).join(', ')}</code>
              </dd>
              <dt>Expected</dt>
              <dd>
                <code>{formatValue(v.test.expected)}</code>
              </dd>
              {v.outcome.error ? (
                <>
                  <dt>Error</dt>
                  <dd className="error-text">
                    {v.outcome.error.message}
                    {v.outcome.error.line !== undefined && ` (line ${v.outcome.error.line})`}
                  </dd>
                </>
              ) : (
                <>
                  <dt>Actual</dt>
                  <dd>
                    <code>{formatValue(v.outcome.actual)}</code>
                  </dd>
                </>
              )}
              {v.outcome.stdout && (
                <>
                  <dt>Printed</dt>
                  <dd>
                    <pre className="stdout">{v.outcome.stdout}</pre>
                  </dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
      {summary.hiddenTotal > 0 && (
        <p className="hidden-summary">
          Hidden tests: {summary.hiddenPassed} of {summary.hiddenTotal} passed.
        </p>
      )}
      {outcome.mode === 'run' && visiblePassed === visible.length && (
        <p className="muted">Visible tests pass. Submit to run the hidden tests too.</p>
      )}
    </div>
  );
}
