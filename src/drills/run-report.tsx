/** The Tests tab: one card per test with arguments, expected, actual and printed output. */
import { useState } from 'react';
import type { TypeProblem } from './code-editor';
import type { RunResult } from './code-runner';
import { formatValue, hasFloats } from './compare';
import type { RunSummary, TestVerdict } from './evaluate-run';

export type RunMode = 'run' | 'submit' | 'rerun';

export type Outcome =
  | { mode: RunMode; result: Exclude<RunResult, { kind: 'done' }>; notice?: string }
  | { mode: RunMode; result: Extract<RunResult, { kind: 'done' }>; summary: RunSummary; notice?: string };

interface RunReportProps {
  outcome: Outcome;
  typeProblems: readonly TypeProblem[];
  onRerunFailed?: () => void;
  /** A hidden test's note is a hint: the caller counts it. */
  onHiddenNoteShown?: () => void;
}

/** A run that gave no results: stopped, over the time limit, or the runner failed. */
export function RunEnded({
  result,
  what,
  hint,
}: {
  result: { kind: 'timeout'; limitMs: number } | { kind: 'stopped' } | { kind: 'failed'; message: string };
  what: string;
  hint: string;
}) {
  if (result.kind === 'stopped') return <p role="status">Run stopped.</p>;
  return (
    <p role="alert" className="alert">
      {result.kind === 'timeout'
        ? `Time limit exceeded: your ${what} ran longer than ${result.limitMs / 1000} s and was stopped. ${hint}`
        : result.message}
    </p>
  );
}

/** One error shared by every failing test (a syntax error, a missing function) is shown once. */
export function sharedError(summary: RunSummary): TestVerdict['outcome']['error'] | undefined {
  const errors = summary.verdicts.map((v) => v.outcome.error);
  const first = errors[0];
  if (!first || summary.verdicts.length < 2) return undefined;
  return errors.every((e) => e?.message === first.message && e?.line === first.line) ? first : undefined;
}

export function RunReport({ outcome, typeProblems, onRerunFailed, onHiddenNoteShown }: RunReportProps) {
  const { result } = outcome;
  if (result.kind !== 'done') return <RunEnded result={result} what="code" hint="Look for an infinite loop." />;
  if (!('summary' in outcome)) return null;
  const { summary } = outcome;
  const visible = summary.verdicts.filter((v) => !v.hidden);
  const common = sharedError(summary);
  const headline = summary.allPassed
    ? outcome.mode === 'run'
      ? `All ${visible.length} visible tests passed.`
      : `All ${summary.verdicts.length} tests passed.`
    : `${summary.failed} of ${summary.verdicts.length} tests failed.`;
  return (
    <div className="run-report">
      <p role="status" className={summary.allPassed ? 'success' : 'fail-text'}>
        {headline} <span className="muted">({Math.round(result.ms)} ms)</span>
      </p>
      {outcome.notice && <p className="success">{outcome.notice}</p>}
      {common && (
        <div role="alert" className="alert">
          Every test stopped with the same error
          {common.line !== undefined && <> on line {common.line}</>}: <code>{common.message}</code>
        </div>
      )}
      {typeProblems.length > 0 && (
        <details className="type-warnings">
          <summary>
            {typeProblems.length} TypeScript type warning{typeProblems.length === 1 ? '' : 's'} (the code ran anyway)
          </summary>
          <ul>
            {typeProblems.map((p) => (
              <li key={`${p.line}:${p.message}`}>
                Line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {onRerunFailed && !summary.allPassed && outcome.mode !== 'run' && (
        <button type="button" className="button small" onClick={onRerunFailed}>
          Run failed tests again
        </button>
      )}
      <ol className="test-list">
        {visible.map((v) => (
          <TestCard key={v.index} verdict={v} hideError={common !== undefined} />
        ))}
      </ol>
      <HiddenTestsSummary
        verdicts={summary.verdicts}
        passed={summary.hiddenPassed}
        total={summary.hiddenTotal}
        onNoteShown={onHiddenNoteShown}
      />
      {outcome.mode === 'run' && visible.every((v) => v.passed) && (
        <p className="muted">Visible tests pass. Submit to run the hidden tests too.</p>
      )}
    </div>
  );
}

function TestCard({ verdict: v, hideError }: { verdict: TestVerdict; hideError: boolean }) {
  const tolerance = hasFloats(v.test.expected) ? ` (within ${v.test.tol})` : '';
  return (
    <li className={v.passed ? 'test pass' : 'test fail'}>
      <div className="test-head">
        <span aria-hidden="true">{v.passed ? '✓' : '✗'}</span> <strong>Test {v.index + 1}</strong>{' '}
        <span className="verdict">{v.passed ? 'Passed' : 'Failed'}</span>
        {v.test.note && <span className="muted"> — {v.test.note}</span>}
      </div>
      <dl>
        <dt>Arguments</dt>
        <dd>
          <code>{v.test.args.map(formatValue).join(', ')}</code>
        </dd>
        <dt>Expected</dt>
        <dd>
          <code>{formatValue(v.test.expected)}</code>
          {tolerance && <span className="muted">{tolerance}</span>}
        </dd>
        {v.outcome.error ? (
          !hideError && (
            <>
              <dt>Error</dt>
              <dd className="error-text">
                {v.outcome.error.message}
                {v.outcome.error.line !== undefined && ` (line ${v.outcome.error.line})`}
              </dd>
            </>
          )
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
  );
}

/**
 * How the hidden tests went. Their data stays hidden; a failed one's note (what it checks) can be
 * shown on request, which counts as a hint.
 */
export function HiddenTestsSummary({
  verdicts,
  passed,
  total,
  onNoteShown,
}: {
  verdicts: readonly { index: number; hidden: boolean; passed: boolean; test: { note?: string } }[];
  passed: number;
  total: number;
  onNoteShown?: () => void;
}) {
  const [notesShown, setNotesShown] = useState<ReadonlySet<number>>(new Set());
  if (total === 0) return null;
  const failed = verdicts.filter((v) => v.hidden && !v.passed);
  return (
    <div className="hidden-summary">
      <p>
        Hidden tests: {passed} of {total} passed.
      </p>
      {failed.length > 0 && (
        <ul className="hidden-failures">
          {failed.map((v) => (
            <li key={v.index}>
              Hidden test {v.index + 1} failed.{' '}
              {v.test.note &&
                (notesShown.has(v.index) ? (
                  <span>What it checks: {v.test.note}</span>
                ) : (
                  <button
                    type="button"
                    className="button ghost small"
                    onClick={() => {
                      setNotesShown(new Set([...notesShown, v.index]));
                      onNoteShown?.();
                    }}
                  >
                    What does it check? (counts as a hint)
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
