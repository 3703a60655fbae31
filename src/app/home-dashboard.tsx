/** The short dashboard on the home screen: loaded after the page shows, so the home page stays light. */
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { type DashboardFigures, dashboardFigures } from '../progress/dashboard-figures';
import { loadProgressData } from '../progress/progress-data';
import { WeakestTopics } from '../progress/progress-screen';

export default function HomeDashboard() {
  const [state, setState] = useState<{ figures: DashboardFigures; titleOf: (id: string) => string; reviews: number }>();
  useEffect(() => {
    loadProgressData()
      .then((data) =>
        setState({
          figures: dashboardFigures(data, Date.now()),
          titleOf: (id) => data.index.topics.find((t) => t.id === id)?.title ?? id,
          reviews: data.reviews.length,
        }),
      )
      .catch(() => {});
  }, []);
  if (!state || state.reviews === 0) return null;
  const { figures, titleOf } = state;
  return (
    <section aria-labelledby="today-heading" className="home-dashboard">
      <h2 id="today-heading">Today</h2>
      <dl className="stat-row">
        <div className="card stat">
          <dt>Due today</dt>
          <dd>{figures.dueToday}</dd>
        </div>
        <div className="card stat">
          <dt>New available</dt>
          <dd>{figures.newAvailable}</dd>
        </div>
        <div className="card stat">
          <dt>Streak</dt>
          <dd>
            {figures.streak} day{figures.streak === 1 ? '' : 's'}
          </dd>
        </div>
        <div className="card stat">
          <dt>Last mock</dt>
          <dd>{figures.lastMockScore === undefined ? '—' : `${figures.lastMockScore} / 100`}</dd>
        </div>
      </dl>
      <div className="actions">
        <Link href="/review" className="button primary">
          Review now
        </Link>
        <Link
          href={`/mock?topics=${figures.weakest
            .slice(0, 3)
            .map((w) => w.figures.topic)
            .join(',')}`}
          className="button"
        >
          Mock my weak topics
        </Link>
        <Link href="/drills" className="button">
          A coding drill
        </Link>
        <Link href="/progress" className="button ghost">
          All progress
        </Link>
      </div>
      <WeakestTopics figures={figures} titleOf={titleOf} />
    </section>
  );
}
