/**
 * The SQL workspace: the same layout, Run / Submit / Stop / Reset and drafts as the other
 * languages, with Postgres (PGlite) in a worker. Each test's data is loaded fresh; the report
 * shows the user's result set as a grid beside the expected one, with the differing rows marked.
 */
import { useFlushOnLeave } from './use-flush-on-leave';
import './workspace.css';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { SqlDrill, SqlDrillTest } from '../bank/types';
import { Loading } from '../ui/loading';
import { RichHtml } from '../ui/rich-html';
import { usePageTheme } from '../ui/use-page-theme';
import { formatValue } from './compare';
import type { CodeStore, SubmitResult } from './drill-work';
import { IdleHint, RunButtons, Running, useRunShortcuts } from './drill-work';
import { useVimEnabled } from './editor-preferences';
import { HiddenTestsSummary, RunEnded, type RunMode } from './run-report';
import { evaluateSqlRun, type SqlOutcome, SqlRunner, type SqlRunResult, type SqlRunSummary } from './sql';
import { WorkspaceLayout } from './workspace-layout';

const CodeEditor = lazy(() => import('./code-editor'));

/** One Postgres per page, kept warm across SQL drills. */
export const sqlRunner = new SqlRunner();
/** Rows shown per result grid; the count says how many there were. */
export const SQL_ROWS_SHOWN = 50;

type SqlOutcomeShown =
  | { mode: RunMode; result: Exclude<SqlRunResult, { kind: 'done' }>; notice?: string }
  | {
      mode: RunMode;
      result: Extract<SqlRunResult, { kind: 'done' }>;
      summary: SqlRunSummary<SqlDrillTest>;
      notice?: string;
    };

function useSqlPhase() {
  return useSyncExternalStore(
    (listener) => sqlRunner.subscribe(listener),
    () => sqlRunner.phase,
  );
}

const PHASE_TEXT = {
  cold: 'Postgres starting…',
  starting: 'Postgres starting…',
  ready: 'Postgres ready',
  running: 'Postgres running',
  restarting: 'Postgres restarting…',
  failed: 'Postgres could not start',
} as const;

interface SqlWorkProps {
  drill: SqlDrill;
  store: CodeStore<'sql'>;
  onSubmitted?: (result: SubmitResult) => Promise<string | undefined> | string | undefined;
  alert?: string;
  label?: string;
  brief?: React.ReactNode;
  onHintUsed?: () => void;
}

export function SqlWork({
  drill,
  store,
  onSubmitted,
  alert: problem,
  label = 'Your query',
  brief,
  onHintUsed,
}: SqlWorkProps) {
  const theme = usePageTheme();
  const vim = useVimEnabled();
  const phase = useSqlPhase();
  const [loaded, setLoaded] = useState<{ text: string; version: number }>();
  const code = useRef<string | undefined>(undefined);
  const [running, setRunning] = useState<{ stop: () => void; mode: RunMode }>();
  const [outcome, setOutcome] = useState<SqlOutcomeShown>();
  const [runId, setRunId] = useState(0);
  const latestRun = useRef(0);
  const { load } = store;
  useFlushOnLeave(store.flush);

  useEffect(() => {
    let cancelled = false;
    load('sql')
      .catch(() => undefined)
      .then((saved) => {
        if (cancelled) return;
        code.current = saved ?? drill.starter;
        setLoaded((previous) => ({ text: code.current ?? '', version: (previous?.version ?? 0) + 1 }));
      });
    sqlRunner.warm().catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [load, drill]);

  const execute = useCallback(
    (mode: RunMode, tests: readonly SqlDrillTest[]) => {
      const query = code.current;
      if (running || query === undefined) return;
      latestRun.current += 1;
      const id = latestRun.current;
      setRunId(id);
      const handle = sqlRunner.run({
        query,
        schema: drill.schema,
        tests: tests.map((t) => ({ data: t.data, expected: t.expected, ordered: t.ordered, tol: t.tol })),
        timeLimitMs: drill.timeLimitMs,
        maxRows: SQL_ROWS_SHOWN,
      });
      setRunning({ stop: handle.stop, mode });
      setOutcome(undefined);
      void handle.result.then(async (result) => {
        setRunning(undefined);
        const shown: SqlOutcomeShown =
          result.kind === 'done' ? { mode, result, summary: evaluateSqlRun(tests, result.outcomes) } : { mode, result };
        setOutcome(shown);
        if (mode !== 'submit' || result.kind === 'stopped') return;
        const summary = 'summary' in shown ? shown.summary : undefined;
        const notice = await onSubmitted?.({
          passed: summary?.passed ?? 0,
          total: tests.length,
          allPassed: summary?.allPassed ?? false,
        });
        if (notice && latestRun.current === id) setOutcome({ ...shown, notice });
      });
    },
    [running, drill, onSubmitted],
  );

  const start = useCallback(
    (mode: 'run' | 'submit') => execute(mode, mode === 'run' ? drill.tests.filter((t) => !t.hidden) : drill.tests),
    [execute, drill.tests],
  );

  useRunShortcuts(start);

  const reset = async () => {
    if (!window.confirm('Reset the editor to the starter query? Your query will be lost.')) return;
    await store.clear('sql').catch(() => {});
    code.current = drill.starter;
    setLoaded((previous) => ({ text: drill.starter, version: (previous?.version ?? 0) + 1 }));
    setOutcome(undefined);
  };

  const toolbar = (
    <>
      <span className="field inline">
        <strong>SQL</strong> <span className="muted small">(PostgreSQL)</span>
      </span>
      <span className={`status-chip ${phase === 'ready' ? 'ok' : phase === 'failed' ? 'bad' : 'busy'}`} role="status">
        {phase !== 'ready' && phase !== 'failed' && <span className="spinner" aria-hidden="true" />}
        {PHASE_TEXT[phase]}
      </span>
      <RunButtons
        running={!!running}
        disabled={loaded === undefined}
        readOnly={false}
        onStart={start}
        onStop={() => running?.stop()}
        onReset={() => void reset()}
      />
    </>
  );

  const editor =
    loaded === undefined ? (
      <Loading label="Loading your query…" />
    ) : (
      <Suspense fallback={<Loading label="Loading the editor…" />}>
        <CodeEditor
          key={loaded.version}
          language="sql"
          initialValue={loaded.text}
          onChange={(next) => {
            code.current = next;
            store.save('sql', next);
          }}
          dark={theme === 'dark'}
          onRun={() => start('run')}
          onSubmit={() => start('submit')}
          vim={vim}
        />
      </Suspense>
    );

  const testsTab = (
    <>
      {running && (
        <Running
          label={phase === 'running' ? 'Running your query on each test’s data…' : 'Waiting for Postgres to start…'}
        />
      )}
      {outcome && <SqlReport outcome={outcome} onHiddenNoteShown={onHintUsed} />}
      {!running && !outcome && <IdleHint />}
    </>
  );

  return (
    <WorkspaceLayout
      label={label}
      brief={brief}
      toolbar={toolbar}
      alert={problem}
      editor={editor}
      tabs={[{ id: 'tests', label: 'Tests', content: testsTab, live: true }]}
      activeTab="tests"
      onTab={() => {}}
      resultsSignal={runId}
    />
  );
}

function SqlReport({ outcome, onHiddenNoteShown }: { outcome: SqlOutcomeShown; onHiddenNoteShown?: () => void }) {
  const { result } = outcome;
  if (result.kind !== 'done') {
    return (
      <RunEnded
        result={result}
        what="query"
        hint="Look for a recursive query that never ends or a join that multiplies rows."
      />
    );
  }
  if (!('summary' in outcome)) return null;
  const { summary } = outcome;
  const visible = summary.verdicts.filter((v) => !v.hidden);
  const firstError = summary.verdicts.find((v) => v.outcome.error)?.outcome.error;
  const sameErrorEverywhere =
    firstError && summary.verdicts.every((v) => v.outcome.error?.message === firstError.message);
  return (
    <div className="run-report">
      <p role="status" className={summary.allPassed ? 'success' : 'fail-text'}>
        {summary.allPassed
          ? outcome.mode === 'run'
            ? `All ${visible.length} visible tests passed.`
            : `All ${summary.verdicts.length} tests passed.`
          : `${summary.failed} of ${summary.verdicts.length} tests failed.`}{' '}
        <span className="muted">({Math.round(result.ms)} ms)</span>
      </p>
      {outcome.notice && <p className="success">{outcome.notice}</p>}
      {sameErrorEverywhere && firstError && (
        <div role="alert" className="alert">
          {firstError.kind === 'refused' ? 'Not run: ' : 'Postgres says: '}
          <code>{firstError.message}</code>
          {firstError.line !== undefined && ` (line ${firstError.line}, column ${firstError.column})`}
        </div>
      )}
      <ol className="test-list">
        {visible.map((v) => (
          <li key={v.index} className={v.passed ? 'test pass' : 'test fail'}>
            <div className="test-head">
              <span aria-hidden="true">{v.passed ? '✓' : '✗'}</span> <strong>Test {v.index + 1}</strong>{' '}
              <span className="verdict">{v.passed ? 'Passed' : 'Failed'}</span>
              {v.test.note && <span className="muted"> — {v.test.note}</span>}
            </div>
            {v.outcome.error && !sameErrorEverywhere ? (
              <p className="error-text">
                {v.outcome.error.message}
                {v.outcome.error.line !== undefined &&
                  ` (line ${v.outcome.error.line}, column ${v.outcome.error.column})`}
              </p>
            ) : (
              !v.outcome.error && (
                <>
                  {v.outcome.comparison && !v.outcome.comparison.passed && (
                    <p className="small">{v.outcome.comparison.message}</p>
                  )}
                  <div className="sql-grids">
                    <ResultGrid
                      caption="Your result"
                      columns={v.outcome.columns.map((c) => `${c.name} (${c.type})`)}
                      rows={v.outcome.rows}
                      total={v.outcome.rowCount}
                      marked={new Set(v.outcome.comparison?.unexpected ?? [])}
                      markLabel="not expected"
                    />
                    <ResultGrid
                      caption="Expected"
                      columns={v.test.expected.columns}
                      rows={v.test.expected.rows.slice(0, SQL_ROWS_SHOWN)}
                      total={v.test.expected.rows.length}
                      marked={new Set(v.outcome.comparison?.missing ?? [])}
                      markLabel="missing from yours"
                    />
                  </div>
                </>
              )
            )}
          </li>
        ))}
      </ol>
      <HiddenTestsSummary
        verdicts={summary.verdicts}
        passed={summary.hiddenPassed}
        total={summary.hiddenTotal}
        onNoteShown={onHiddenNoteShown}
      />
    </div>
  );
}

/** The tables a SQL drill queries: columns, types and keys, and the first rows of the sample data. */
export function SqlTables({ drill }: { drill: SqlDrill }) {
  const sample = drill.tests.find((t) => !t.hidden)?.data ?? {};
  if (drill.tables.length === 0) return <RichHtml html={drill.schemaHtml} />;
  return (
    <section className="sql-schema" aria-label="Tables">
      {drill.dataset && <p className="muted small">{drill.dataset.description}</p>}
      {drill.tables.map((table) => {
        const rows = sample[table.name];
        return (
          <div key={table.name} className="sql-table">
            <h2 className="sql-table-name">
              <code>{table.name}</code>
            </h2>
            <ul className="sql-columns">
              {table.columns.map((c) => (
                <li key={c.name}>
                  <code>{c.name}</code> <span className="muted">{c.type}</span>
                  {c.key && <span className="badge"> {c.key}</span>}
                  {c.notNull && <span className="muted small"> not null</span>}
                  {c.note && <span className="muted small"> — {c.note}</span>}
                </li>
              ))}
            </ul>
            {rows && rows.rows.length > 0 && (
              <ResultGrid
                caption="Sample rows"
                columns={rows.columns}
                rows={rows.rows.slice(0, 5)}
                total={rows.rows.length}
              />
            )}
          </div>
        );
      })}
    </section>
  );
}

/** A result set as a small table; marked rows differ from the other side. */
export function ResultGrid({
  caption,
  columns,
  rows,
  total,
  marked = new Set(),
  markLabel = '',
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly unknown[][];
  total: number;
  marked?: ReadonlySet<number>;
  markLabel?: string;
}) {
  return (
    <div className="sql-grid">
      <table>
        <caption>
          {caption}: {total} row{total === 1 ? '' : 's'}
          {rows.length < total && ` (first ${rows.length} shown)`}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <tr key={i} className={marked.has(i) ? 'row-differs' : undefined}>
              {row.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={j}>{cell === null ? <span className="muted">NULL</span> : formatCell(cell)}</td>
              ))}
              {marked.has(i) && <td className="row-flag">{markLabel}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function formatCell(value: unknown): string {
  return typeof value === 'string' ? value : formatValue(value);
}

export type { SqlOutcome };
