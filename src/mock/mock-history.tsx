import { Link } from 'wouter';
import { LineChart } from '../ui/line-chart';
import type { MockSession } from './mock-types';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const STATUS_TEXT = { running: 'in progress', assessing: 'to assess', done: 'done' } as const;

/** Past mocks, newest first, with the scores over time as a chart and a table. */
export function MockHistory({ mocks }: { mocks: MockSession[] | undefined }) {
  if (!mocks) return null;
  const scored = mocks.filter((m) => m.score !== undefined).reverse();
  return (
    <section aria-labelledby="history-heading" className="mock-history">
      <h2 id="history-heading">Past mocks</h2>
      {mocks.length === 0 ? (
        <p className="muted">No mocks yet. Your scores will show here over time.</p>
      ) : (
        <>
          {scored.length > 1 && (
            <LineChart
              title={`Mock scores over time, from ${scored[0].score} to ${scored.at(-1)?.score}; the table below lists each`}
              points={scored.map((m) => ({ key: m.id, label: dateFormat.format(m.createdAt), value: m.score ?? 0 }))}
            />
          )}
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Mock</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {mocks.map((m) => (
                  <tr key={m.id}>
                    <td>{dateFormat.format(m.createdAt)}</td>
                    <td>
                      <Link href={`/mock/${m.id}`}>{m.config.title || 'Mock'}</Link>
                    </td>
                    <td>{m.items.length}</td>
                    <td>{m.score !== undefined ? `${m.score} / 100` : STATUS_TEXT[m.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
