import './progress.css';
import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { Topic } from '../bank/types';
import { INTERVIEW_DATE_KEY, type ProgressData } from '../service/progress-data';
import { useProgressData, useProgressService } from '../service/use-progress';
import { DataTable } from '../ui/data-table';
import { LineChart } from '../ui/line-chart';
import { Loading } from '../ui/loading';
import { countOf } from '../ui/plural';
import { usePageTitle } from '../ui/use-page-title';
import { ForecastChart, Heatmap } from './charts';
import { type DashboardFigures, dashboardFigures, HEATMAP_DAYS, interviewDateProblem } from './dashboard-figures';
import { MASTERY_FORMULA, type TopicFigures } from './topic-mastery';

const pct = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x * 100)}%`);
/** Mean share of each mock question's time budget the answers took: "40% of budget", "130% (over)". */
const timeUsed = (ratio: number | undefined) =>
  ratio === undefined ? '—' : `${Math.round(ratio * 100)}% of budget${ratio > 1 ? ' (over)' : ''}`;
const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

export default function ProgressScreen() {
  usePageTitle('Progress');
  // Refreshed by every grading, mock and settings change, in this tab or another.
  const { data, error } = useProgressData();
  const figures = useMemo(() => (data ? dashboardFigures(data, Date.now()) : undefined), [data]);

  if (error && !data) {
    return (
      <section className="page narrow">
        <h1>Progress</h1>
        <p role="alert" className="alert">
          Your progress could not be read: {error.message}
        </p>
      </section>
    );
  }
  if (!data || !figures) return <Loading label="Computing your progress…" />;
  const titleOf = (id: string) => data.index.topics.find((t) => t.id === id)?.title ?? id;
  const total = data.reviews.length;
  return (
    <div className="page progress-page">
      <h1>Progress</h1>
      <SummaryRow figures={figures} />
      {total === 0 && (
        <p className="card">
          No reviews yet. Start with <Link href="/review">today’s review</Link> or a <Link href="/mock">mock</Link>
          {'; '}this page fills in as you study.
        </p>
      )}
      {total > 0 && <WeakestTopics figures={figures} titleOf={titleOf} />}
      <MasterySection topics={figures.topics} topicList={data.index.topics} />
      <InterviewDate data={data} figures={figures} titleOf={titleOf} />
      <HeatmapSection figures={figures} />
      <AccuracySection figures={figures} />
      <ForecastSection figures={figures} />
      <TopicTable topics={figures.topics} titleOf={titleOf} />
    </div>
  );
}

function SummaryRow({ figures }: { figures: DashboardFigures }) {
  const items = [
    { label: 'Due today', value: figures.dueToday === 0 ? 'Nothing due' : countOf(figures.dueToday, 'card') },
    {
      label: 'New cards available',
      value: figures.newAvailable === 0 ? 'None today' : countOf(figures.newAvailable, 'card'),
    },
    { label: 'Current streak', value: figures.streak === 0 ? 'Not started' : countOf(figures.streak, 'day') },
    {
      label: 'Last mock',
      value: figures.lastMockScore === undefined ? 'None yet' : `${figures.lastMockScore} / 100`,
    },
  ];
  return (
    <dl className="stat-row">
      {items.map((i) => (
        <div key={i.label} className="card stat">
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function WeakestTopics({
  figures,
  titleOf,
  limit = 3,
}: {
  figures: Pick<DashboardFigures, 'weakest'>;
  titleOf: (id: string) => string;
  limit?: number;
}) {
  const weakest = figures.weakest.slice(0, limit);
  if (weakest.length === 0) return null;
  const ids = weakest.map((w) => w.figures.topic).join(',');
  return (
    <section aria-labelledby="weakest-heading" className="card weakest">
      <h2 id="weakest-heading">Weakest topics</h2>
      <ol className="weak-list">
        {weakest.map((w) => (
          <li key={w.figures.topic}>
            <div>
              <strong>{titleOf(w.figures.topic)}</strong> <span className="muted">mastery {w.figures.mastery}</span>
              <p className="small">{w.reasons.join('; ')}</p>
            </div>
            <div className="weak-actions">
              <Link href={`/review?topic=${w.figures.topic}`} className="button small">
                Review<span className="visually-hidden"> {titleOf(w.figures.topic)}</span>
              </Link>
              <Link href={`/mock?topics=${w.figures.topic}`} className="button small ghost">
                Mock<span className="visually-hidden"> {titleOf(w.figures.topic)}</span>
              </Link>
            </div>
          </li>
        ))}
      </ol>
      <div className="actions">
        <Link href={`/review?topic=${ids}`} className="button primary">
          Review these
        </Link>
        <Link href={`/mock?topics=${ids}`} className="button">
          Mock these
        </Link>
      </div>
    </section>
  );
}

function InterviewDate({
  data,
  figures,
  titleOf,
}: {
  data: ProgressData;
  figures: DashboardFigures;
  titleOf: (id: string) => string;
}) {
  const openService = useProgressService();
  const id = useId();
  const [value, setValue] = useState(data.interviewDate ?? '');
  const [message, setMessage] = useState<string>();
  const plan = figures.plan;
  const save = async (next: string | undefined) => {
    const problem = next === undefined ? undefined : interviewDateProblem(next, Date.now());
    if (problem) {
      setMessage(problem);
      return;
    }
    try {
      const service = await openService();
      if (next) await service.setValue(INTERVIEW_DATE_KEY, next);
      else await service.deleteValue(INTERVIEW_DATE_KEY);
      setMessage(next ? 'Interview date saved.' : 'Interview date cleared.');
    } catch (error) {
      setMessage(`Not saved: ${(error as Error).message}`);
    }
  };
  const applyPace = async () => {
    if (!plan) return;
    try {
      await (await openService()).updateSettings({ newPerDay: plan.newPerDay });
      setMessage(`New cards per day set to ${plan.newPerDay}.`);
    } catch (error) {
      setMessage(`Not saved: ${(error as Error).message}`);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>Interview date</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(value || undefined);
        }}
      >
        <div className="field">
          <label htmlFor={id}>Date of your interview</label>
          <input id={id} type="date" value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        <button type="submit" className="button">
          Save date
        </button>
        {data.interviewDate && (
          <button
            type="button"
            className="button ghost"
            onClick={() => {
              setValue('');
              void save(undefined);
            }}
          >
            Clear
          </button>
        )}
      </form>
      {message && (
        <p role="status" className="small">
          {message}
        </p>
      )}
      {data.interviewDate && !plan && <p>That date has passed. Set your next interview’s date.</p>}
      {plan && (
        <>
          <p>
            {countOf(plan.daysLeft, 'day')} left. To see every question by then and keep up with reviews, plan on about{' '}
            <strong>{countOf(plan.reviewsPerDay, 'review')} a day</strong>, including{' '}
            <strong>{countOf(plan.newPerDay, 'new card')} a day</strong> ({countOf(plan.unseen, 'question')} not seen
            yet).
          </p>
          {plan.newPerDay !== data.settings.newPerDay && (
            <button type="button" className="button small" onClick={() => void applyPace()}>
              Set new cards per day to {plan.newPerDay}
            </button>
          )}
          <DataTable
            caption="Predicted recall on the interview day (seen questions)"
            columns={['Topic', 'Seen', 'Recall on the day']}
            rows={plan.recallOnDay.map((t) => ({
              key: t.topic,
              cells: [titleOf(t.topic), `${t.seen} of ${t.questions}`, t.seen ? pct(t.recall) : 'Not seen yet'],
            }))}
          />
        </>
      )}
    </section>
  );
}

function MasterySection({ topics, topicList }: { topics: TopicFigures[]; topicList: Topic[] }) {
  const byId = new Map(topics.map((t) => [t.topic, t]));
  return (
    <section aria-labelledby="mastery-heading">
      <h2 id="mastery-heading">Mastery by topic</h2>
      <ul className="mastery-bars">
        {topicList
          .filter((t) => byId.has(t.id))
          .map((t) => {
            const f = byId.get(t.id) as TopicFigures;
            return (
              <li key={t.id}>
                <span className="mastery-name">{t.title}</span>
                <span className="bar wide-bar" aria-hidden="true">
                  <span style={{ width: `${f.mastery}%` }} />
                </span>
                <span className="mastery-value">{f.mastery}</span>
              </li>
            );
          })}
      </ul>
      <details className="card">
        <summary>How is this computed?</summary>
        <ul>
          {MASTERY_FORMULA.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function HeatmapSection({ figures }: { figures: DashboardFigures }) {
  const days = figures.heatmap;
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  const months = new Map<string, { reviews: number; days: number }>();
  for (const d of days) {
    const key = monthName.format(d.day);
    const m = months.get(key) ?? { reviews: 0, days: 0 };
    m.reviews += d.count;
    if (d.count > 0) m.days++;
    months.set(key, m);
  }
  const streak = figures.streak === 0 ? 'no current streak' : `current streak ${countOf(figures.streak, 'day')}`;
  const summary =
    total === 0
      ? `No reviews in the last ${HEATMAP_DAYS} days yet; each day you review will fill a square.`
      : `${countOf(total, 'review')} on ${active} of the last ${HEATMAP_DAYS} days; ${streak}.`;
  return (
    <section aria-labelledby="heatmap-heading">
      <h2 id="heatmap-heading">Reviews in the last year</h2>
      <p>{summary}</p>
      <Heatmap days={days} label={summary} />
      <details>
        <summary>Reviews per month (table)</summary>
        <DataTable
          columns={['Month', 'Reviews', 'Days with a review']}
          rows={[...months].map(([month, m]) => ({ key: month, cells: [month, m.reviews, m.days] }))}
        />
      </details>
    </section>
  );
}

function AccuracySection({ figures }: { figures: DashboardFigures }) {
  const weeks = figures.weeklyAccuracy;
  const points = weeks.map((w) => ({
    key: String(w.weekStart),
    label: `Week of ${shortDate.format(w.weekStart)}`,
    tick: shortDate.format(w.weekStart),
    value: w.accuracy === undefined ? undefined : Math.round(w.accuracy * 100),
    reviews: w.reviews,
  }));
  const withData = points.filter((p) => p.value !== undefined);
  const only = withData.length === 1 ? withData[0] : undefined;
  const title =
    withData.length === 0
      ? 'No reviews in these weeks'
      : `Weekly accuracy: ${withData.map((p) => `${p.label} ${p.value}%`).join(', ')}`;
  return (
    <section aria-labelledby="accuracy-heading">
      <h2 id="accuracy-heading">Weekly accuracy</h2>
      <p className="muted small">
        Share of reviews graded Good or Easy, per week, over the last {weeks.length} weeks. A week without reviews
        leaves a gap.
      </p>
      {withData.length === 0 ? (
        <p>No reviews in the last {weeks.length} weeks yet; each week you review adds a point here.</p>
      ) : (
        <>
          {only && (
            <p>
              One week so far: in the {only.label.replace('Week', 'week')}, {only.value}% of your{' '}
              {countOf(only.reviews, 'review')} {only.reviews === 1 ? 'was' : 'were'} graded Good or Easy. The line
              starts with your second week.
            </p>
          )}
          <LineChart points={points} title={title} yTitle="Good or Easy" xTitle="Week starting" labelEvery={2} />
        </>
      )}
      <details>
        <summary>Weekly accuracy (table)</summary>
        <DataTable
          columns={['Week of', 'Reviews', 'Graded Good or Easy']}
          rows={weeks.map((w) => ({
            key: w.weekStart,
            cells: [shortDate.format(w.weekStart), w.reviews, w.reviews === 0 ? 'No reviews' : pct(w.accuracy)],
          }))}
        />
      </details>
    </section>
  );
}

function ForecastSection({ figures }: { figures: DashboardFigures }) {
  const total = figures.forecast.reduce((sum, d) => sum + d.count, 0);
  const today = figures.forecast[0]?.count ?? 0;
  const days = figures.forecast.length;
  const heldBack =
    figures.heldBackToday > 0
      ? ` The daily review limit moves ${countOf(figures.heldBackToday, 'review')} to tomorrow.`
      : '';
  const later = total - today;
  const laterText =
    later === 0
      ? `nothing else in the next ${days - 1} days`
      : `${countOf(later, 'more review', 'more reviews')} in the next ${days - 1} days`;
  const summary =
    total === 0
      ? `Nothing falls due in the next ${days} days. Cards you grade will be scheduled here.`
      : `${today === 0 ? 'Nothing' : countOf(today, 'review')} due today (overdue included), ${laterText}.${heldBack}`;
  return (
    <section aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Reviews due in the next {days} days</h2>
      <p>{summary}</p>
      {total > 0 && <ForecastChart bars={figures.forecast} label={summary} />}
      <details>
        <summary>Reviews due per day (table)</summary>
        <DataTable
          columns={['Day', 'Reviews due']}
          rows={figures.forecast.map((d, i) => ({
            key: d.day,
            cells: [i === 0 ? `Today (${shortDate.format(d.day)})` : shortDate.format(d.day), d.count],
          }))}
        />
      </details>
    </section>
  );
}

function TopicTable({ topics, titleOf }: { topics: TopicFigures[]; titleOf: (id: string) => string }) {
  return (
    <section aria-labelledby="topic-table-heading">
      <h2 id="topic-table-heading">Every topic’s figures</h2>
      <DataTable
        label="Every topic’s figures"
        columns={[
          'Topic',
          'Mastery',
          'Questions seen',
          'Predicted recall now',
          'Graded Good or Easy (30 days)',
          'Lapses',
          'Rubric points covered in mocks',
          'Drill submits that passed',
          'Time used in mocks, of the time budget',
        ]}
        rows={topics.map((t) => ({
          key: t.topic,
          cells: [
            titleOf(t.topic),
            t.mastery,
            `${t.seen} of ${t.questions}`,
            t.seen ? pct(t.recall) : '—',
            pct(t.recentAccuracy),
            `${t.lapses}${t.lapsesThisWeek > 0 ? ` (${t.lapsesThisWeek} this week)` : ''}`,
            pct(t.mockCoverage),
            pct(t.drillPassRate),
            timeUsed(t.timeRatio),
          ],
        }))}
      />
    </section>
  );
}
