/** The Custom tab: the user's own arguments, run against their code and, on request, the reference. */
import { useId, useState } from 'react';
import { formatValue, resultsMatch } from './compare';
import { parseCustomCases } from './custom-args';
import type { CallOutcome } from './run-types';

export interface CustomRun {
  cases: unknown[][];
  mine: CallOutcome[];
  reference?: CallOutcome[];
  problem?: string;
}

interface CustomTestsProps {
  initialText: string;
  arity: number;
  tolerance: number;
  busy: boolean;
  run?: CustomRun;
  onRun: (cases: unknown[][], withReference: boolean) => void;
}

export function CustomTests({ initialText, arity, tolerance, busy, run, onRun }: CustomTestsProps) {
  const ids = { input: useId(), help: useId() };
  const [text, setText] = useState(initialText);
  const [withReference, setWithReference] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = () => {
    const parsed = parseCustomCases(text, arity);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(undefined);
    onRun(parsed.cases, withReference);
  };
  return (
    <div className="custom-tests">
      <label htmlFor={ids.input}>Your test cases</label>
      <p id={ids.help} className="muted small">
        One case per line: a JSON list of the {arity} argument{arity === 1 ? '' : 's'}.
      </p>
      <textarea
        id={ids.input}
        aria-describedby={ids.help}
        className="custom-input"
        rows={4}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="custom-actions">
        <label className="check">
          <input type="checkbox" checked={withReference} onChange={(e) => setWithReference(e.target.checked)} /> Also
          run the reference solution to show the expected value
        </label>
        <button type="button" className="button" onClick={submit} disabled={busy}>
          Run custom cases
        </button>
      </div>
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
      {run?.problem && (
        <p role="alert" className="alert">
          {run.problem}
        </p>
      )}
      {run && !run.problem && (
        <ol className="test-list" aria-label="Custom results">
          {run.cases.map((args, i) => {
            const mine = run.mine[i];
            const reference = run.reference?.[i];
            const matches =
              reference && !reference.error && mine && !mine.error
                ? resultsMatch(mine.actual, reference.actual, tolerance)
                : undefined;
            const tone = matches === undefined ? '' : matches ? ' pass' : ' fail';
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: cases are positional and replaced together
              <li key={i} className={`test${tone}`}>
                <div className="test-head">
                  <strong>Case {i + 1}</strong>
                  {matches !== undefined && <span className="verdict"> {matches ? 'Matches' : 'Differs'}</span>}
                </div>
                <dl>
                  <dt>Arguments</dt>
                  <dd>
                    <code>{args.map(formatValue).join(', ')}</code>
                  </dd>
                  <dt>Yours</dt>
                  <dd className={mine?.error ? 'error-text' : undefined}>
                    {mine?.error ? mine.error.message : <code>{formatValue(mine?.actual)}</code>}
                  </dd>
                  {reference && (
                    <>
                      <dt>Expected</dt>
                      <dd>
                        {reference.error ? reference.error.message : <code>{formatValue(reference.actual)}</code>}
                      </dd>
                    </>
                  )}
                  {mine?.stdout && (
                    <>
                      <dt>Printed</dt>
                      <dd>
                        <pre className="stdout">{mine.stdout}</pre>
                      </dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
