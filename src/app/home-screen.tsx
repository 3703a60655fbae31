import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { Loading } from '../ui/loading';
import { usePageTitle } from '../ui/use-page-title';

// Today's plan reads the progress store and the bank: its own chunk, so the home page stays light.
const HomeToday = lazy(() => import('./home-today'));

const FEATURES = [
  {
    title: 'Timed mock interviews',
    text: 'Concept, design and coding questions under one clock, then an honest self-assessment against a rubric.',
  },
  {
    title: 'Coding drills in the browser',
    text: 'Write softmax, ROC-AUC or BM25 from scratch in Python or TypeScript, against visible and hidden tests.',
  },
  {
    title: 'Spaced repetition',
    text: 'Every question is scheduled with FSRS, so you revise what you are about to forget and skip what you know.',
  },
  {
    title: 'Weak topics, tracked',
    text: 'See where you stand per topic and go straight to what needs work before the interview.',
  },
];

/** What a first-time visitor sees above the set-up. */
export function Hero() {
  return (
    <>
      <section className="hero">
        <h1>Get ready for your AI/ML engineering interview</h1>
        <p className="lead">
          Drillbook drills the topics these interviews test — bias and variance, metrics, transformers, RAG and ML
          system design, and the SQL, statistics, Python and behavioural rounds beside them — with model answers,
          rubrics, coding drills and timed mocks. It runs in your browser and keeps your progress there: no account, no
          server, works offline.
        </p>
        <div className="actions">
          <a href="#plan-heading" className="button primary">
            Set up my plan
          </a>
          <Link href="/bank" className="button">
            Browse the question bank
          </Link>
        </div>
      </section>
      <section aria-labelledby="features-heading" className="features">
        <h2 id="features-heading" className="visually-hidden">
          What Drillbook does
        </h2>
        <ul className="feature-grid">
          {FEATURES.map((f) => (
            <li key={f.title} className="card">
              <h3>{f.title}</h3>
              <p>{f.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function HomeScreen() {
  usePageTitle('');
  return (
    <div className="page">
      <Suspense fallback={<Loading />}>
        <HomeToday />
      </Suspense>
    </div>
  );
}
