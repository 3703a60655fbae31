/**
 * Home: a first-time visitor gets the introduction and a short, skippable set-up around the
 * interview date; everyone else gets Today — days left, a checklist that fills as they work,
 * and their weakest topics.
 */
import { useMemo } from 'react';
import { Link } from 'wouter';
import { loadBankIndex } from '../bank/bank-data';
import { dashboardFigures } from '../progress/dashboard-figures';
import { PlanForm } from '../progress/plan-form';
import { applyPlan, type OnboardingRecord, onboardingQuery, skipOnboarding } from '../progress/plan-store';
import { WeakestTopics } from '../progress/progress-screen';
import { type TodayItem, todayPlan } from '../progress/today-plan';
import type { ProgressData } from '../service/progress-data';
import { useProgressData, useProgressQuery, useProgressService } from '../service/use-progress';
import { Loading } from '../ui/loading';
import { countOf } from '../ui/plural';
import { Hero } from './home-screen';

export default function HomeToday() {
  const progress = useProgressData();
  const setUp = useProgressQuery(onboardingQuery);
  const error = progress.error ?? setUp.error;
  if (error) {
    return (
      <p role="alert" className="alert">
        Your progress could not be read: {error.message}
      </p>
    );
  }
  // The set-up record may be undefined once loaded (never set up): wait until its first load settles.
  if (!progress.data || (setUp.loading && setUp.data === undefined)) return <Loading />;
  const data = progress.data;
  const onboarding = setUp.data;
  const reload = async () => {
    await Promise.all([progress.reload(), setUp.reload()]);
  };
  const firstVisit = !onboarding && data.reviews.length === 0 && data.mocks.length === 0;
  if (firstVisit) return <FirstVisit onDone={reload} />;
  return <Today data={data} onboarding={onboarding} />;
}

function FirstVisit({ onDone }: { onDone: () => Promise<void> }) {
  const openService = useProgressService();
  return (
    <>
      <Hero />
      <section className="card onboarding" aria-labelledby="plan-heading">
        <h2 id="plan-heading">Your plan in three questions</h2>
        <p className="muted">
          Drillbook sets how many new cards you see a day and how hard it schedules reviews from your answers, and tells
          you what it chose and why. You can change it any time in Settings.
        </p>
        <PlanForm
          submitLabel="Build my plan"
          onSubmit={async (choices) => {
            const [{ questions }, service] = await Promise.all([loadBankIndex(), openService()]);
            await applyPlan(service, choices, questions, Date.now());
            await onDone();
          }}
          onSkip={() => void openService().then((service) => skipOnboarding(service, Date.now()).then(onDone))}
        />
      </section>
    </>
  );
}

function Today({ data, onboarding }: { data: ProgressData; onboarding?: OnboardingRecord }) {
  // Read the clock with each load of the data, so a learning card's step that has come is counted.
  const now = useMemo(() => (data ? Date.now() : 0), [data]);
  const titleOf = (id: string) => data.index.topics.find((t) => t.id === id)?.title ?? id;
  const plan = todayPlan(data, now, titleOf);
  const figures = dashboardFigures(data, now);
  const done = plan.items.filter((i) => i.done).length;
  return (
    <section aria-labelledby="today-heading" className="today">
      <div className="today-head">
        <h1 id="today-heading">Today</h1>
        <p className="lead">
          {plan.daysLeft !== undefined ? (
            <>
              <strong>
                {plan.daysLeft} day{plan.daysLeft === 1 ? '' : 's'}
              </strong>{' '}
              to your interview.
            </>
          ) : (
            <>
              No interview date yet. <Link href="/settings#plan">Set one</Link> and the plan paces itself to it.
            </>
          )}{' '}
          {done} of {plan.items.length} done today.
        </p>
      </div>
      <ol className="today-list" aria-label="Today's plan">
        {plan.items.map((item) => (
          <TodayRow key={item.id} item={item} />
        ))}
      </ol>
      {onboarding && !onboarding.skipped && (
        <details className="card plan-reasons">
          <summary>What your plan is based on</summary>
          <ul>
            {onboarding.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p className="small">
            <Link href="/settings#plan">Change the date, minutes or role</Link>
          </p>
        </details>
      )}
      {onboarding?.skipped && (
        <p className="muted small">
          You skipped the set-up. <Link href="/settings#plan">Plan around your interview date</Link>
        </p>
      )}
      {data.reviews.length > 0 && <WeakestTopics figures={figures} titleOf={titleOf} />}
      <p className="muted small">
        {figures.streak === 0 ? 'No streak yet' : `Current streak ${countOf(figures.streak, 'day')}`} ·{' '}
        {figures.lastMockScore === undefined ? 'no mock yet' : `last mock ${figures.lastMockScore} / 100`} ·{' '}
        <Link href="/progress">All progress</Link>
      </p>
    </section>
  );
}

function TodayRow({ item }: { item: TodayItem }) {
  const share = item.progress && item.progress.total > 0 ? item.progress.done / item.progress.total : item.done ? 1 : 0;
  return (
    <li className={`today-item${item.done ? ' done' : ''}`}>
      <span className="today-check" aria-hidden="true">
        {item.done ? '✓' : ''}
      </span>
      <div className="today-body">
        <Link href={item.href} className="today-link">
          {item.label}
        </Link>
        <span className="muted small">
          {item.done && <span className="visually-hidden">Done. </span>}
          {item.detail}
        </span>
        {item.progress && item.progress.total > 0 && (
          <progress
            className="today-progress"
            value={item.progress.done}
            max={item.progress.total}
            aria-label={`${item.label}: ${item.progress.done} of ${item.progress.total}`}
          >
            {Math.round(share * 100)}%
          </progress>
        )}
      </div>
    </li>
  );
}
