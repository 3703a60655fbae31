// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/app/error-boundary';
import { retryableLazy } from '../../src/ui/retryable-lazy';

function Screen({ name }: { name: string }) {
  return <h1>{name} screen</h1>;
}

describe('a screen that fails to load', () => {
  it('shows why with a Retry that really loads the chunk again, instead of a blank app', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let online = false;
    const Lazy = retryableLazy(async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module: /assets/screen.js');
      return { default: Screen };
    });
    render(
      <ErrorBoundary what="This screen">
        <Suspense fallback={<p>Loading</p>}>
          <Lazy name="Review" />
        </Suspense>
      </ErrorBoundary>,
    );
    expect(await screen.findByRole('heading', { name: 'This screen could not be shown' })).toBeTruthy();
    expect(screen.getByText(/could not be downloaded/)).toBeTruthy();
    online = true;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Review screen' })).toBeTruthy();
  });

  it('offers the data as a file at the top level', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Broken(): never {
      throw new Error('boom');
    }
    render(
      <ErrorBoundary offerExport>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByText('boom')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export what can be read' })).toBeTruthy();
  });
});
