/**
 * The Python / TypeScript workspace shared by the drill page and the mock interview (laid out by
 * WorkspaceLayout): language, editor, Run and Submit, the Tests and Custom tabs. Where the code is
 * kept is up to the caller (drafts or the mock).
 */
import { useFlushOnLeave } from './use-flush-on-leave';
import './workspace.css';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { DRILL_LANGUAGES, type DrillLanguage, type DrillTest, type Question } from '../bank/types';
import { Loading } from '../ui/loading';
import { usePageTheme } from '../ui/use-page-theme';
import type { TypeProblem } from './code-editor';
import { codeRunner, type RunHandle } from './code-runner';
import { initialCustomText } from './custom-args';
import { type CustomRun, CustomTests } from './custom-tests';
import { type EditorLanguage, LANGUAGE_LABELS, rememberLanguage, storedLanguage } from './editor-language';
import { useVimEnabled } from './editor-preferences';
import { evaluateRun } from './evaluate-run';
import { PythonStatusChip, usePythonStatus } from './python-status-chip';
import { type Outcome, type RunMode, RunReport } from './run-report';
import { markPythonUsed } from './warm-python';
import { WorkspaceLayout } from './workspace-layout';

const loadEditor = () => import('./code-editor');
const CodeEditor = lazy(loadEditor);

/** Starts fetching Monaco at once, in parallel with the question and the draft, instead of after them. */
export function preloadEditor(): void {
  void loadEditor();
}

export type Drill = NonNullable<Question['drill']>;

/** Where the user's code lives between visits. */
export interface CodeStore<L extends EditorLanguage = DrillLanguage> {
  load: (language: L) => Promise<string | undefined>;
  save: (language: L, code: string) => void;
  clear: (language: L) => Promise<void>;
  /** Writes a save still waiting for typing to pause; `leaving` when the page itself is going away. */
  flush?: (leaving?: boolean) => void;
  /** The language to open with (else the last one the user chose). */
  language?: L;
  onLanguageChange?: (language: L) => void;
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
  /** Called after a Submit; the text it returns is shown with that run's results (e.g. how it was recorded). */
  onSubmitted?: (result: SubmitResult) => Promise<string | undefined> | string | undefined;
  /** A problem to show above the editor (e.g. the draft could not be saved). */
  alert?: string;
  readOnly?: boolean;
  label?: string;
  /** The drill's brief, shown beside the editor (or as the Brief tab on a phone). */
  brief?: ReactNode;
  /** Revealing a hidden test's note is a hint. */
  onHintUsed?: () => void;
}

interface Loaded {
  language: DrillLanguage;
  text: string;
  /** Changes whenever the editor must be remounted with `text` (load, reset, language switch). */
  version: number;
}

export function DrillWork({
  drill,
  store,
  onSubmitted,
  alert: problem,
  readOnly = false,
  label = 'Your solution',
  brief,
  onHintUsed,
}: DrillWorkProps) {
  const theme = usePageTheme();
  const vim = useVimEnabled();
  const ids = { lang: useId() };
  // Subscribed, so "Waiting for Python to start…" gives way to "Running…" as soon as Python runs.
  const pythonPhase = usePythonStatus().phase;
  const [language, setLanguage] = useState<DrillLanguage>(() => store.language ?? storedLanguage() ?? 'python');
  const [loaded, setLoaded] = useState<Loaded>();
  const code = useRef<string | undefined>(undefined);
  const typeProblems = useRef<TypeProblem[]>([]);
  const [running, setRunning] = useState<{ handle: RunHandle; mode: RunMode | 'custom' }>();
  const [outcome, setOutcome] = useState<Outcome & { typeProblems: TypeProblem[] }>();
  const [customRun, setCustomRun] = useState<CustomRun>();
  const [resultsTab, setResultsTab] = useState<'tests' | 'custom'>('tests');
  // Counts runs: a notice belongs to its own run, and a new run brings the results into view.
  const [runId, setRunId] = useState(0);
  const latestRun = useRef(0);
  const spec = drill[language];
  const { load } = store;
  useFlushOnLeave(store.flush);

  // Load the saved code for this language, or the starter code; Python starts in the background meanwhile.
  useEffect(() => {
    let cancelled = false;
    setLoaded(undefined);
    setOutcome(undefined);
    setCustomRun(undefined);
    code.current = undefined;
    load(language)
      .catch(() => undefined)
      .then((saved) => {
        if (cancelled) return;
        const text = saved ?? drill[language].starter;
        code.current = text;
        setLoaded((previous) => ({ language, text, version: (previous?.version ?? 0) + 1 }));
      });
    codeRunner.warmPython().catch(() => {});
    if (language === 'typescript') codeRunner.warmJs();
    return () => {
      cancelled = true;
    };
  }, [load, language, drill]);

  const onCodeChange = useCallback(
    (next: string) => {
      if (readOnly) return;
      code.current = next;
      store.save(language, next);
    },
    [readOnly, store, language],
  );

  /** A new run: its number, so a late notice can tell it is stale; the layout shows the results. */
  const nextRun = useCallback(() => {
    latestRun.current += 1;
    setRunId(latestRun.current);
    return latestRun.current;
  }, []);

  const execute = useCallback(
    (mode: RunMode, tests: readonly DrillTest[]) => {
      const source = code.current;
      if (running || source === undefined || (readOnly && mode !== 'run')) return;
      if (language === 'python') markPythonUsed();
      const id = nextRun();
      const handle = codeRunner.run(language, source, spec.function, tests, drill.timeLimitMs);
      setRunning({ handle, mode });
      setOutcome(undefined);
      setResultsTab('tests');
      void handle.result.then(async (result) => {
        setRunning(undefined);
        const problems = language === 'typescript' ? typeProblems.current : [];
        const summary = result.kind === 'done' ? evaluateRun(tests, result.outcomes) : undefined;
        const shown =
          summary && result.kind === 'done'
            ? { mode, result, summary, typeProblems: problems }
            : ({ mode, result, typeProblems: problems } as Outcome & { typeProblems: TypeProblem[] });
        setOutcome(shown);
        if (mode !== 'submit' || result.kind === 'stopped') return;
        const passed = summary ? summary.passed : 0;
        const notice = await onSubmitted?.({ passed, total: tests.length, allPassed: summary?.allPassed ?? false });
        // The notice belongs to this run only: a newer run has already cleared the panel.
        if (notice && latestRun.current === id) setOutcome({ ...shown, notice });
      });
    },
    [running, readOnly, language, spec.function, drill.timeLimitMs, onSubmitted, nextRun],
  );

  const start = useCallback(
    (mode: 'run' | 'submit') => execute(mode, mode === 'run' ? drill.tests.filter((t) => !t.hidden) : drill.tests),
    [execute, drill.tests],
  );

  const rerunFailed = () => {
    if (!outcome || !('summary' in outcome)) return;
    execute(
      'rerun',
      outcome.summary.verdicts.filter((v) => !v.passed).map((v) => v.test),
    );
  };

  const runCustom = async (cases: unknown[][], withReference: boolean) => {
    const source = code.current;
    if (running || source === undefined) return;
    nextRun();
    const asTests = cases.map((args) => ({ args }));
    const mine = codeRunner.run(language, source, spec.function, asTests, drill.timeLimitMs);
    setRunning({ handle: mine, mode: 'custom' });
    setResultsTab('custom');
    const result = await mine.result;
    let run: CustomRun;
    if (result.kind !== 'done') {
      run = { cases, mine: [], problem: describeFailure(result) };
    } else if (!withReference) {
      run = { cases, mine: result.outcomes };
    } else {
      const reference = codeRunner.run(language, spec.solution, spec.function, asTests, drill.timeLimitMs);
      setRunning({ handle: reference, mode: 'custom' });
      const expected = await reference.result;
      run = { cases, mine: result.outcomes, reference: expected.kind === 'done' ? expected.outcomes : undefined };
    }
    setRunning(undefined);
    setCustomRun(run);
  };

  useRunShortcuts(start);

  const reset = async () => {
    if (!window.confirm('Reset the editor to the starter code? Your code in this language will be lost.')) return;
    await store.clear(language).catch(() => {});
    code.current = spec.starter;
    setLoaded((previous) => ({ language, text: spec.starter, version: (previous?.version ?? 0) + 1 }));
    setOutcome(undefined);
  };

  const switchLanguage = (next: DrillLanguage) => {
    rememberLanguage(next);
    store.onLanguageChange?.(next);
    setLanguage(next);
  };

  const firstErrorLine =
    outcome && 'summary' in outcome
      ? outcome.summary.verdicts.find((v) => v.outcome.error?.line)?.outcome.error?.line
      : undefined;
  const visibleArgs = useMemo(() => drill.tests.filter((t) => !t.hidden).map((t) => t.args), [drill.tests]);
  const defaultTolerance = drill.tests[0]?.tol ?? 1e-6;

  const toolbar = (
    <>
      <div className="field inline">
        <label htmlFor={ids.lang}>Language</label>
        <select
          id={ids.lang}
          value={language}
          onChange={(e) => switchLanguage(e.target.value as DrillLanguage)}
          disabled={!!running}
        >
          {DRILL_LANGUAGES.map((id) => (
            <option key={id} value={id}>
              {LANGUAGE_LABELS[id]}
            </option>
          ))}
        </select>
      </div>
      {language === 'python' && <PythonStatusChip />}
      <RunButtons
        running={!!running}
        disabled={loaded === undefined}
        readOnly={readOnly}
        onStart={start}
        onStop={() => running?.handle.stop()}
        onReset={() => void reset()}
      />
    </>
  );

  const editor =
    loaded === undefined || loaded.language !== language ? (
      <Loading label="Loading your code…" />
    ) : (
      <Suspense fallback={<Loading label="Loading the editor…" />}>
        <CodeEditor
          key={`${loaded.language}:${loaded.version}`}
          language={language}
          initialValue={loaded.text}
          onChange={onCodeChange}
          dark={theme === 'dark'}
          onRun={() => start('run')}
          onSubmit={() => start('submit')}
          errorLine={firstErrorLine}
          readOnly={readOnly}
          vim={vim}
          onTypeProblems={(problems) => {
            typeProblems.current = problems;
          }}
        />
      </Suspense>
    );

  const testsTab = (
    <>
      {running && running.mode !== 'custom' && (
        <Running
          label={
            language === 'python' && pythonPhase !== 'running'
              ? 'Waiting for Python to start…'
              : RUNNING_LABELS[running.mode]
          }
        />
      )}
      {outcome && (
        <RunReport
          outcome={outcome}
          typeProblems={outcome.typeProblems}
          onRerunFailed={readOnly ? undefined : rerunFailed}
          onHiddenNoteShown={onHintUsed}
        />
      )}
      {!running && !outcome && <IdleHint />}
    </>
  );

  const customTab = (
    <>
      {running?.mode === 'custom' && <Running label="Running your cases…" />}
      <CustomTests
        initialText={initialCustomText(visibleArgs.slice(0, 3))}
        arity={visibleArgs[0]?.length ?? drill.tests[0]?.args.length ?? 1}
        tolerance={defaultTolerance}
        busy={!!running}
        run={customRun}
        onRun={(cases, withReference) => void runCustom(cases, withReference)}
      />
    </>
  );

  return (
    <WorkspaceLayout
      label={label}
      brief={brief}
      toolbar={toolbar}
      alert={problem}
      editor={editor}
      tabs={[
        { id: 'tests', label: 'Tests', content: testsTab, live: true },
        { id: 'custom', label: 'Custom', content: customTab },
      ]}
      activeTab={resultsTab}
      onTab={(id) => setResultsTab(id as 'tests' | 'custom')}
      resultsSignal={runId}
    />
  );
}

/** Ctrl/Cmd+Enter runs and Ctrl/Cmd+Shift+Enter submits from anywhere on the page. */
export function useRunShortcuts(start: (mode: 'run' | 'submit') => void) {
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
}

const RUNNING_LABELS: Record<RunMode, string> = {
  run: 'Running the visible tests…',
  submit: 'Running all tests…',
  rerun: 'Running the failed tests again…',
};

export function Running({ label }: { label: string }) {
  return (
    <p role="status" className="running">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function IdleHint() {
  return <p className="muted">Run (Ctrl/Cmd+Enter) checks the visible tests; Submit adds the hidden ones.</p>;
}

const RUN_BUTTONS = [
  { mode: 'run', label: 'Run', className: 'button', shortcut: 'Ctrl/Cmd+Enter', keys: 'Control+Enter' },
  {
    mode: 'submit',
    label: 'Submit',
    className: 'button primary',
    shortcut: 'Ctrl/Cmd+Shift+Enter',
    keys: 'Control+Shift+Enter',
  },
] as const;

/** Run and Submit (Stop while running) and Reset: the same for every language. */
export function RunButtons({
  running,
  disabled,
  readOnly,
  onStart,
  onStop,
  onReset,
}: {
  running: boolean;
  disabled: boolean;
  readOnly: boolean;
  onStart: (mode: 'run' | 'submit') => void;
  onStop: () => void;
  onReset: () => void;
}) {
  return (
    <div className="toolbar-actions">
      {running ? (
        <button type="button" className="button danger" onClick={onStop}>
          Stop
        </button>
      ) : (
        RUN_BUTTONS.filter((b) => !readOnly || b.mode === 'run').map(({ mode, label, className, shortcut, keys }) => (
          <button
            key={mode}
            type="button"
            className={className}
            onClick={() => onStart(mode)}
            disabled={disabled}
            title={shortcut}
            aria-keyshortcuts={keys}
          >
            {label}
          </button>
        ))
      )}
      {!readOnly && (
        <button type="button" className="button ghost" onClick={onReset} disabled={running}>
          Reset
        </button>
      )}
    </div>
  );
}

function describeFailure(
  result: { kind: 'timeout'; limitMs: number } | { kind: 'stopped' } | { kind: 'failed'; message: string },
) {
  if (result.kind === 'timeout') return `Time limit exceeded: your code ran longer than ${result.limitMs / 1000} s.`;
  if (result.kind === 'stopped') return 'Run stopped.';
  return result.message;
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
