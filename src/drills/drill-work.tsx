/**
 * The coding workspace shared by the drill page and the mock interview: language, editor, Run and
 * Submit, and the test report. Where the code is kept is up to the caller (drafts or the mock).
 */
import { lazy, Suspense, useCallback, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTheme } from '../app/use-theme';
import type { DrillLanguage, Question } from '../bank/types';
import { Loading } from '../ui/loading';
import { codeRunner, type RunHandle, type RunResult } from './code-runner';
import { formatValue } from './compare';
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

export type Drill = NonNullable<Question['drill']>;
type Outcome =
  | { mode: 'run' | 'submit'; result: Exclude<RunResult, { kind: 'done' }> }
  | { mode: 'run' | 'submit'; result: Extract<RunResult, { kind: 'done' }>; summary: RunSummary };

/** Where the user's code lives between visits. */
export interface CodeStore {
  load: (language: DrillLanguage) => Promise<string | undefined>;
  save: (language: DrillLanguage, code: string) => void;
  clear: (language: DrillLanguage) => Promise<void>;
  /** The language to open with (else the last one the user chose). */
  language?: DrillLanguage;
  onLanguageChange?: (language: DrillLanguage) => void;
}

/** What a submit reports back: a timeout or crash counts as every test failing. */
export interface SubmitResult {
  passed: number;
  total: number;
  allPassed: boolean;
}

interface DrillWorkProps {
  drill: Drill;
  store: CodeStore;
  onSubmitted?: (result: SubmitResult) => void | Promise<void>;
  /** Shown under the results after a submit (e.g. how it was recorded). */
  notice?: string;
  /** A problem to show above the editor (e.g. the draft could not be saved). */
  alert?: string;
  readOnly?: boolean;
  label?: string;
}

function usePythonStatus() {
  return useSyncExternalStore(
    (listener) => codeRunner.subscribe(listener),
    () => codeRunner.pythonStatus,
  );
}

export function DrillWork({
  drill,
  store,
  onSubmitted,
  notice,
  alert: problem,
  readOnly = false,
  label = 'Your solution',
}: DrillWorkProps) {
  const theme = useTheme();
  const ids = { lang: useId() };
  const [language, setLanguage] = useState<DrillLanguage>(
    () => store.language ?? (localStorage.getItem(LANGUAGE_KEY) as DrillLanguage | null) ?? 'python',
  );
  const [code, setCode] = useState<string | undefined>();
  const [running, setRunning] = useState<{ handle: RunHandle; mode: 'run' | 'submit' } | undefined>();
  const [outcome, setOutcome] = useState<Outcome>();
  const pythonStatus = usePythonStatus();
  const spec = drill[language];
  const { load } = store;

  // Load the saved code for this language, or the starter code.
  useEffect(() => {
    let cancelled = false;
    setCode(undefined);
    setOutcome(undefined);
    load(language)
      .catch(() => undefined)
      .then((saved) => !cancelled && setCode(saved ?? drill[language].starter));
    if (language === 'python') codeRunner.warmPython().catch(() => {});
    else codeRunner.warmJs();
    return () => {
      cancelled = true;
    };
  }, [load, language, drill]);

  const onCodeChange = (next: string) => {
    if (readOnly) return;
    setCode(next);
    store.save(language, next);
  };

  const start = useCallback(
    (mode: 'run' | 'submit') => {
      if (running || code === undefined || (readOnly && mode === 'submit')) return;
      const tests = mode === 'run' ? drill.tests.filter((t) => !t.hidden) : drill.tests;
      const handle = codeRunner.run(language, code, spec.function, tests, drill.timeLimitMs);
      setRunning({ handle, mode });
      setOutcome(undefined);
      handle.result.then(async (result) => {
        setRunning(undefined);
        const summary = result.kind === 'done' ? evaluateRun(tests, result.outcomes) : undefined;
        setOutcome(summary && result.kind === 'done' ? { mode, result, summary } : ({ mode, result } as Outcome));
        if (mode !== 'submit' || result.kind === 'stopped') return;
        const passed = summary ? summary.verdicts.filter((v) => v.passed).length : 0;
        await onSubmitted?.({ passed, total: tests.length, allPassed: summary?.allPassed ?? false });
      });
    },
    [running, code, drill, language, spec.function, onSubmitted, readOnly],
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
    if (!window.confirm('Reset the editor to the starter code? Your code in this language will be lost.')) return;
    await store.clear(language).catch(() => {});
    setCode(spec.starter);
    setOutcome(undefined);
  };

  const firstError =
    outcome && 'summary' in outcome
      ? outcome.summary.verdicts.find((v) => v.outcome.error?.line)?.outcome.error?.line
      : undefined;

  return (
    <section className="drill-work" aria-label={label}>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={ids.lang}>Language</label>
          <select
            id={ids.lang}
            value={language}
            onChange={(e) => {
              const next = e.target.value as DrillLanguage;
              localStorage.setItem(LANGUAGE_KEY, next);
              store.onLanguageChange?.(next);
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
            RUN_BUTTONS.filter((b) => !readOnly || b.mode === 'run').map(({ mode, label, className, shortcut }) => (
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
          {!readOnly && (
            <button type="button" className="button ghost" onClick={() => void reset()} disabled={!!running}>
              Reset
            </button>
          )}
        </div>
      </div>
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
      <div className="editor-frame">
        {code === undefined ? (
          <Loading label="Loading your code…" />
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
              readOnly={readOnly}
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
        {notice && (
          <p role="status" className="success">
            {notice}
          </p>
        )}
      </div>
    </section>
  );
}

/** Both languages' signatures, so the brief does not depend on the editor's language. */
export function DrillSignatures({ drill }: { drill: Drill }) {
  return (
    <p className="signature">
      <code>{drill.python.signature}</code>
      <br />
      <code>{drill.typescript.signature}</code>
    </p>
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
