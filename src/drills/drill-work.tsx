/**
 * The coding workspace shared by the drill page and the mock interview, laid out like LeetCode:
 * the brief on the left, the editor top right, the results (Tests and Custom tabs) bottom right,
 * always in view; on a phone, tabs Brief / Code / Results that switch to Results after a run.
 * Where the code is kept is up to the caller (drafts or the mock).
 */
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTheme } from '../app/use-theme';
import type { DrillLanguage, DrillTest, Question } from '../bank/types';
import { Loading } from '../ui/loading';
import { useMediaQuery } from '../ui/use-media-query';
import type { TypeProblem } from './code-editor';
import { codeRunner, type RunHandle } from './code-runner';
import { initialCustomText } from './custom-args';
import { type CustomRun, CustomTests } from './custom-tests';
import { LANGUAGE_LABELS, rememberLanguage, storedLanguage } from './editor-language';
import { useVimEnabled } from './editor-preferences';
import { evaluateRun } from './evaluate-run';
import { PythonStatusChip } from './python-status-chip';
import { type Outcome, type RunMode, RunReport } from './run-report';
import { markPythonUsed } from './warm-python';

const loadEditor = () => import('./code-editor');
const CodeEditor = lazy(loadEditor);

/** Starts fetching Monaco at once, in parallel with the question and the draft, instead of after them. */
export function preloadEditor(): void {
  void loadEditor();
}

const LANGUAGES: DrillLanguage[] = ['python', 'typescript'];
const RUN_BUTTONS = [
  { mode: 'run', label: 'Run', className: 'button', shortcut: 'Ctrl/Cmd+Enter' },
  { mode: 'submit', label: 'Submit', className: 'button primary', shortcut: 'Ctrl/Cmd+Shift+Enter' },
] as const;
const PHONE_QUERY = '(max-width: 760px)';
/** The results panel's share of the column's height: default, and the splitter's limits. */
const RESULTS_SHARE = { initial: 0.42, min: 0.15, max: 0.7 };

export type Drill = NonNullable<Question['drill']>;
type PhoneTab = 'brief' | 'code' | 'results';

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
  const theme = useTheme();
  const vim = useVimEnabled();
  const phone = useMediaQuery(PHONE_QUERY);
  const ids = { lang: useId(), tabs: useId(), results: useId() };
  const [language, setLanguage] = useState<DrillLanguage>(() => store.language ?? storedLanguage() ?? 'python');
  const [loaded, setLoaded] = useState<Loaded>();
  const code = useRef<string | undefined>(undefined);
  const typeProblems = useRef<TypeProblem[]>([]);
  const [running, setRunning] = useState<{ handle: RunHandle; mode: RunMode | 'custom' }>();
  const [outcome, setOutcome] = useState<Outcome & { typeProblems: TypeProblem[] }>();
  const [customRun, setCustomRun] = useState<CustomRun>();
  const [resultsTab, setResultsTab] = useState<'tests' | 'custom'>('tests');
  const [phoneTab, setPhoneTab] = useState<PhoneTab>(brief ? 'brief' : 'code');
  const [resultsShare, setResultsShare] = useState(RESULTS_SHARE.initial);
  const runId = useRef(0);
  const mainRef = useRef<HTMLDivElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const spec = drill[language];
  const { load } = store;

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

  const showResults = useCallback(() => {
    if (phone) setPhoneTab('results');
    // In a mock the workspace sits in a longer page: bring the results into view.
    requestAnimationFrame(() => resultsRef.current?.scrollIntoView({ block: 'nearest' }));
  }, [phone]);

  const execute = useCallback(
    (mode: RunMode, tests: readonly DrillTest[]) => {
      const source = code.current;
      if (running || source === undefined || (readOnly && mode !== 'run')) return;
      if (language === 'python') markPythonUsed();
      const id = ++runId.current;
      const handle = codeRunner.run(language, source, spec.function, tests, drill.timeLimitMs);
      setRunning({ handle, mode });
      setOutcome(undefined);
      setResultsTab('tests');
      showResults();
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
        if (notice && runId.current === id) setOutcome({ ...shown, notice });
      });
    },
    [running, readOnly, language, spec.function, drill.timeLimitMs, onSubmitted, showResults],
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
    ++runId.current;
    const asTests = cases.map((args) => ({ args }));
    const mine = codeRunner.run(language, source, spec.function, asTests, drill.timeLimitMs);
    setRunning({ handle: mine, mode: 'custom' });
    setResultsTab('custom');
    showResults();
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

  const clampShare = (share: number) => Math.min(Math.max(share, RESULTS_SHARE.min), RESULTS_SHARE.max);
  const onSeparatorPointer = (event: React.PointerEvent<HTMLDivElement>) => {
    const startY = event.clientY;
    const startShare = resultsShare;
    const total = mainRef.current?.clientHeight || 600;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => setResultsShare(clampShare(startShare + (startY - e.clientY) / total));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const phoneTabs: { id: PhoneTab; label: string }[] = [
    ...(brief ? [{ id: 'brief' as const, label: 'Brief' }] : []),
    { id: 'code', label: 'Code' },
    { id: 'results', label: 'Results' },
  ];
  const panelHidden = (tab: PhoneTab) => phone && phoneTab !== tab;
  /** On a phone each part is a tab panel; on a desk they are named regions side by side. */
  const panelProps = (tab: PhoneTab, name: string) =>
    phone
      ? {
          role: 'tabpanel',
          id: `${ids.tabs}-${tab}-panel`,
          'aria-labelledby': `${ids.tabs}-${tab}`,
          hidden: panelHidden(tab),
        }
      : { role: 'region', id: `${ids.tabs}-${tab}-panel`, 'aria-label': name };

  return (
    <section className={`workspace${brief ? ' has-brief' : ''}${phone ? ' phone' : ''}`} aria-label={label}>
      {phone && (
        <div role="tablist" aria-label="Workspace" className="workspace-tabs">
          {phoneTabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`${ids.tabs}-${tab.id}`}
              aria-selected={phoneTab === tab.id}
              aria-controls={`${ids.tabs}-${tab.id}-panel`}
              className="workspace-tab"
              onClick={() => setPhoneTab(tab.id)}
            >
              {tab.label}
            </button>
          ))}
        </div>
      )}
      {brief && (
        <div className="workspace-brief" {...panelProps('brief', 'Brief')}>
          {brief}
        </div>
      )}
      <div className="workspace-main" ref={mainRef}>
        <div className="toolbar">
          <div className="field inline">
            <label htmlFor={ids.lang}>Language</label>
            <select
              id={ids.lang}
              value={language}
              onChange={(e) => switchLanguage(e.target.value as DrillLanguage)}
              disabled={!!running}
            >
              {LANGUAGES.map((id) => (
                <option key={id} value={id}>
                  {LANGUAGE_LABELS[id]}
                </option>
              ))}
            </select>
          </div>
          {language === 'python' && <PythonStatusChip />}
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
                  disabled={loaded === undefined}
                  title={shortcut}
                  aria-keyshortcuts={mode === 'run' ? 'Control+Enter' : 'Control+Shift+Enter'}
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
        <div className="editor-frame" {...panelProps('code', 'Code')}>
          {loaded === undefined || loaded.language !== language ? (
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
          )}
        </div>
        {!phone && (
          // biome-ignore lint/a11y/useSemanticElements: a focusable splitter; <hr> cannot take focus or keys
          <div
            role="separator"
            aria-orientation="horizontal"
            aria-label="Resize the results panel"
            aria-controls={`${ids.tabs}-results-panel`}
            aria-valuemin={RESULTS_SHARE.min * 100}
            aria-valuemax={RESULTS_SHARE.max * 100}
            aria-valuenow={Math.round(resultsShare * 100)}
            aria-valuetext={`Results take ${Math.round(resultsShare * 100)}% of the height`}
            tabIndex={0}
            className="splitter"
            onPointerDown={onSeparatorPointer}
            onKeyDown={(event) => {
              if (event.key === 'ArrowUp') setResultsShare(clampShare(resultsShare + 0.05));
              else if (event.key === 'ArrowDown') setResultsShare(clampShare(resultsShare - 0.05));
              else return;
              event.preventDefault();
            }}
          />
        )}
        <div
          className="results-panel"
          ref={resultsRef}
          {...panelProps('results', 'Results')}
          style={phone ? undefined : { flexBasis: `${resultsShare * 100}%` }}
        >
          <div role="tablist" aria-label="Results" className="results-tabs">
            {(['tests', 'custom'] as const).map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`${ids.results}-${tab}`}
                aria-selected={resultsTab === tab}
                aria-controls={`${ids.results}-${tab}-panel`}
                className="results-tab"
                onClick={() => setResultsTab(tab)}
              >
                {tab === 'tests' ? 'Tests' : 'Custom'}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`${ids.results}-tests-panel`}
            aria-labelledby={`${ids.results}-tests`}
            hidden={resultsTab !== 'tests'}
            className="results-body"
            aria-live="polite"
          >
            {running && running.mode !== 'custom' && (
              <p role="status" className="running">
                <span className="spinner" aria-hidden="true" />
                {language === 'python' && codeRunner.pythonStatus.phase !== 'running'
                  ? 'Waiting for Python to start…'
                  : running.mode === 'run'
                    ? 'Running the visible tests…'
                    : running.mode === 'rerun'
                      ? 'Running the failed tests again…'
                      : 'Running all tests…'}
              </p>
            )}
            {outcome && (
              <RunReport
                outcome={outcome}
                typeProblems={outcome.typeProblems}
                onRerunFailed={readOnly ? undefined : rerunFailed}
                onHiddenNoteShown={onHintUsed}
              />
            )}
            {!running && !outcome && (
              <p className="muted">Run (Ctrl/Cmd+Enter) checks the visible tests; Submit adds the hidden ones.</p>
            )}
          </div>
          <div
            role="tabpanel"
            id={`${ids.results}-custom-panel`}
            aria-labelledby={`${ids.results}-custom`}
            hidden={resultsTab !== 'custom'}
            className="results-body"
          >
            {running?.mode === 'custom' && (
              <p role="status" className="running">
                <span className="spinner" aria-hidden="true" />
                Running your cases…
              </p>
            )}
            <CustomTests
              initialText={initialCustomText(visibleArgs.slice(0, 3))}
              arity={visibleArgs[0]?.length ?? drill.tests[0]?.args.length ?? 1}
              tolerance={defaultTolerance}
              busy={!!running}
              run={customRun}
              onRun={(cases, withReference) => void runCustom(cases, withReference)}
            />
          </div>
        </div>
      </div>
    </section>
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
