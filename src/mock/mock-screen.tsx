import 'katex/dist/katex.min.css';
import { Suspense, useEffect } from 'react';
import { Link } from 'wouter';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/use-page-title';
import { AssessmentView } from './mock-assessment';
import { ReportView } from './mock-report-view';
import { useMockStore } from './mock-store';
import { TakingView } from './mock-taking';

const TICK_MS = 250;

export default function MockScreen({ id }: { id: string }) {
  const status = useMockStore((s) => s.status);
  const session = useMockStore((s) => s.session);
  const error = useMockStore((s) => s.error);
  const load = useMockStore((s) => s.load);
  const tick = useMockStore((s) => s.tick);
  usePageTitle(session ? session.config.title : 'Mock interview');

  useEffect(() => {
    void load(id);
  }, [id, load]);

  const running = session?.id === id && session.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [running, tick]);

  if (status === 'missing') {
    return (
      <section className="page narrow">
        <h1>Mock not found</h1>
        <p>
          This mock is not stored in this browser, or its stored record is damaged. It may have been made in another
          browser.
        </p>
        <Link href="/mock" className="button">
          Mock interviews
        </Link>
      </section>
    );
  }
  if (status === 'error') {
    return (
      <section className="page narrow">
        <h1>The mock could not be opened</h1>
        <p role="alert" className="alert">
          {error}
        </p>
      </section>
    );
  }
  if (!session || session.id !== id) return <Loading label="Opening the mock…" />;
  return (
    <Suspense fallback={<Loading label="Loading questions…" />}>
      {session.status === 'running' ? (
        <TakingView session={session} />
      ) : session.status === 'assessing' ? (
        <AssessmentView session={session} />
      ) : (
        <ReportView session={session} />
      )}
    </Suspense>
  );
}
