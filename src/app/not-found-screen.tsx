import { Link } from 'wouter';
import { usePageTitle } from '../ui/use-page-title';

export function NotFoundScreen() {
  usePageTitle('Page not found');
  return (
    <section className="page narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link href="/" className="button">
        Go to the home page
      </Link>
    </section>
  );
}
