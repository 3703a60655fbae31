import 'katex/dist/katex.min.css';
import './mock.css';
import { Suspense, useEffect } from 'react';
import { Link } from 'wouter';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/use-page-title';
import { guardLeaving, type LeaveGuard } from './leave-guard';
import { AssessmentView } from './mock-assessment';
import { ReportView } from './mock-report-view';
import { nextDeadlineMs } from './mock-session';
import { MockStoreProvider, useMock, useMockStoreApi } from './mock-store-context';
import { TakingView } from './mock-taking';

const STRICT_LEAVE_GUARD: LeaveGuard = {
  title: 'Leave the mock?',
  message: 'The clock keeps running while you are away. Your answers so far are saved.',
};

/** A little after the deadline, so settle() sees it passed even with a coarse timer. */
const DEADLINE_SLACK_MS = 20;

/** The mock screen with the app's store; tests render MockPage inside their own MockStoreProvider. */
export default function MockScreen({ id }: { id: string }) {
  return (
    <MockStoreProvider>
      <MockPage id={id} />
    </MockStoreProvider>
  );
}

export function MockPage({ id }: { id: string }) {
  const api = useMockStoreApi();
  const status = useMock((s) => s.status);
  const session = useMock((s) => s.session);
  const error = useMock((s) => s.error);
  const load = useMock((s) => s.load);
  const settleNow = useMock((s) => s.settleNow);
  usePageTitle(session ? session.config.title : 'Mock interview');

  useEffect(() => {
    void load(id);
  }, [id, load]);

  // Strict mode's deadlines (a question's budget, the total limit) are applied when they fall due:
  // one timer, re-armed whenever the session changes, instead of a store tick several times a second.
  const running = session?.id === id && session.status === 'running' ? session : undefined;
  useEffect(() => {
    if (!running) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      const current = api.getState().session;
      const wait = current && nextDeadlineMs(current, Date.now());
      if (wait === undefined) return;
      timer = setTimeout(() => {
        settleNow();
        // Unchanged (the timer fired a hair early): wait again. Changed: the effect re-arms.
        if (api.getState().session === current) arm();
      }, wait + DEADLINE_SLACK_MS);
    };
    arm();
    return () => clearTimeout(timer);
  }, [running, settleNow, api]);

  // A strict mock is a real interview: leaving by the site's links or closing the tab asks first,
  // since the clock does not stop. Practice mode can be paused, so it does not ask.
  const strictRunning = running?.config.mode === 'strict';
  useEffect(() => {
    if (!strictRunning) return;
    const release = guardLeaving(STRICT_LEAVE_GUARD);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      release();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [strictRunning]);

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
