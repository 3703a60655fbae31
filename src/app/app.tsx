import './app.css';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { warmPythonWhenIdle } from '../drills/warm-python';
import { currentLeaveGuard, type LeaveGuard } from '../mock/leave-guard';
import { Loading } from '../ui/loading';
import { retryableLazy } from '../ui/retryable-lazy';
import { ErrorBoundary } from './error-boundary';
import { HomeScreen } from './home-screen';
import { NotFoundScreen } from './not-found-screen';
import { ThemeToggle } from './theme-toggle';

const BankScreen = retryableLazy(() => import('../bank/bank-screen'));
const QuestionScreen = retryableLazy(() => import('../bank/question-screen'));
const ReviewScreen = retryableLazy(() => import('../review/review-screen'));
const SettingsScreen = retryableLazy(() => import('../settings/settings-screen'));
const DrillsScreen = retryableLazy(() => import('../drills/drills-screen'));
const DrillScreen = retryableLazy(() => import('../drills/drill-screen'));
const MockSetupScreen = retryableLazy(() => import('../mock/mock-setup-screen'));
const MockScreen = retryableLazy(() => import('../mock/mock-screen'));
const PeerReviewScreen = retryableLazy(() => import('../mock/peer-review-screen'));
const ProgressScreen = retryableLazy(() => import('../progress/progress-screen'));
const UpdatePrompt = lazy(() => import('./update-prompt'));
const StorageBanner = lazy(() => import('./storage-banner'));

const NAV = [
  { href: '/', label: 'Home' },
  { href: '/review', label: 'Review' },
  { href: '/mock', label: 'Mock' },
  { href: '/drills', label: 'Drills' },
  { href: '/progress', label: 'Progress' },
  { href: '/bank', label: 'Question bank' },
  { href: '/settings', label: 'Settings' },
];

function NavLink({ href, label, onPick }: { href: string; label: string; onPick: (event: React.MouseEvent) => void }) {
  return (
    <Link href={href} className={(active: boolean) => (active ? 'nav-link active' : 'nav-link')} onClick={onPick}>
      {label}
    </Link>
  );
}

/** Asks before the site's navigation leaves a guarded screen (a running strict mock). Stay has the focus. */
function LeaveDialog({ pending, onClose }: { pending?: { href: string; guard: LeaveGuard }; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [, navigate] = useLocation();
  useEffect(() => {
    if (pending && !dialog.current?.open) dialog.current?.showModal();
  }, [pending]);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-text"
      // A close event arrives a task after close(): one from an earlier Escape can land after the
      // dialog has opened again for the next link (seen under load), so only a closed dialog clears.
      onClose={() => {
        if (!dialog.current?.open) onClose();
      }}
    >
      <h2 id="leave-title">{pending?.guard.title}</h2>
      <p id="leave-text">{pending?.guard.message}</p>
      <div className="actions">
        {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus when the dialog opens */}
        <button type="button" className="button primary" autoFocus onClick={() => dialog.current?.close()}>
          Stay
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            dialog.current?.close();
            if (pending) navigate(pending.href);
          }}
        >
          Leave
        </button>
      </div>
    </dialog>
  );
}

/** Full-height screens (the drill workspace) size themselves by the header's real height. */
function useHeaderHeightVariable() {
  const header = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = header.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--header-h', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return header;
}

export function App() {
  const header = useHeaderHeightVariable();
  const [location] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [leaving, setLeaving] = useState<{ href: string; guard: LeaveGuard }>();
  // A header link followed while a screen guards against leaving asks first (wouter skips a
  // navigation whose click was prevented).
  const follow = (href: string) => (event: React.MouseEvent) => {
    setMenuOpen(false);
    const guard = currentLeaveGuard();
    if (!guard || href === location) return;
    event.preventDefault();
    setLeaving({ href, guard });
  };
  // A chosen destination closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of address
  useEffect(() => setMenuOpen(false), [location]);
  useEffect(() => warmPythonWhenIdle(), []);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header" ref={header}>
        <div className="header-inner">
          <Link href="/" className="brand" aria-label="Drillbook home" onClick={follow('/')}>
            <span className="brand-mark" aria-hidden="true">
              ◆
            </span>
            Drillbook
          </Link>
          <button
            type="button"
            className="button ghost small menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen(!menuOpen)}
          >
            Menu
          </button>
          <nav aria-label="Main" id="main-nav" className={menuOpen ? 'main-nav open' : 'main-nav'}>
            {NAV.map((item) => (
              <NavLink key={item.href} {...item} onPick={follow(item.href)} />
            ))}
          </nav>
          <ThemeToggle />
        </div>
      </header>
      <Suspense fallback={null}>
        <StorageBanner />
      </Suspense>
      <main id="main" tabIndex={-1}>
        {/* Keyed by the address: moving to another screen clears a failed one's message. */}
        <ErrorBoundary key={location} what="This screen">
          <Suspense fallback={<Loading />}>
            <Switch>
              <Route path="/" component={HomeScreen} />
              <Route path="/bank" component={BankScreen} />
              <Route path="/review" component={ReviewScreen} />
              <Route path="/settings" component={SettingsScreen} />
              <Route path="/drills" component={DrillsScreen} />
              <Route path="/mock" component={MockSetupScreen} />
              <Route path="/progress" component={ProgressScreen} />
              <Route path="/peer-review" component={PeerReviewScreen} />
              <Route path="/mock/:id">{(params) => <MockScreen id={params.id} />}</Route>
              <Route path="/drills/:id">{(params) => <DrillScreen id={params.id} />}</Route>
              <Route path="/q/:id">{(params) => <QuestionScreen id={params.id} />}</Route>
              <Route component={NotFoundScreen} />
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
      <LeaveDialog pending={leaving} onClose={() => setLeaving(undefined)} />
      <Suspense fallback={null}>
        <UpdatePrompt />
      </Suspense>
    </>
  );
}
