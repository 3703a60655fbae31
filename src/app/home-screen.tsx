import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../ui/use-page-title';

const HomeDashboard = lazy(() => import('./home-dashboard'));

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

export function HomeScreen() {
  usePageTitle('');
  return (
    <div className="page">
      <section className="hero">
        <h1>Get ready for your AI/ML engineering interview</h1>
        <p className="lead">
          Drillbook drills the topics these interviews test — bias and variance, metrics, transformers, RAG and ML
          system design — with model answers, rubrics and coding drills. It runs in your browser and keeps your progress
          there: no account, no server, works offline.
        </p>
        <div className="actions">
          <Link href="/review" className="button primary">
            Start today's review
          </Link>
          <Link href="/bank" className="button">
            Browse the question bank
          </Link>
        </div>
      </section>
      <Suspense fallback={null}>
        <HomeDashboard />
      </Suspense>
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
    </div>
  );
}
