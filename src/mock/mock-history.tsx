import { Link } from 'wouter';
import { DataTable } from '../ui/data-table';
import { LineChart } from '../ui/line-chart';
import type { MockSession } from './mock-types';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const tickFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const STATUS_TEXT = { running: 'in progress', assessing: 'to assess', done: 'done' } as const;

/** Past mocks, newest first, with the scores over time as a chart and a table. */
export function MockHistory({ mocks }: { mocks: MockSession[] | undefined }) {
  if (!mocks) return null;
  const scored = mocks.filter((m) => m.score !== undefined).reverse();
  return (
    <section aria-labelledby="history-heading" className="mock-history">
      <h2 id="history-heading">Past mocks</h2>
      <p>
        <Link href="/peer-review">Review a friend’s mock</Link>{' '}
        <span className="muted small">(open a mock file a friend exported, grade it, send the grades back)</span>
      </p>
      {mocks.length === 0 ? (
        <p className="muted">No mocks yet. Your scores will show here over time.</p>
      ) : (
        <>
          {scored.length > 1 && (
            <LineChart
              title={`Mock scores over time, from ${scored[0].score} to ${scored.at(-1)?.score}; the table below lists each`}
              points={scored.map((m) => ({
                key: m.id,
                label: dateFormat.format(m.createdAt),
                tick: tickFormat.format(m.createdAt),
                value: m.score ?? 0,
              }))}
              yTitle="Score / 100"
              xTitle="Mock date, oldest first"
              unit=""
              labelEvery={Math.ceil(scored.length / 6)}
            />
          )}
          <DataTable
            columns={['Date', 'Mock', 'Questions', 'Score']}
            rows={mocks.map((m) => ({
              key: m.id,
              cells: [
                dateFormat.format(m.createdAt),
                <Link key="link" href={`/mock/${m.id}`}>
                  {m.config.title || 'Mock'}
                </Link>,
                m.items.length,
                m.score !== undefined ? `${m.score} / 100` : STATUS_TEXT[m.status],
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}
