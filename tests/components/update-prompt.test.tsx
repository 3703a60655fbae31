// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

/** What the service-worker registration reports, set per test. */
const sw = vi.hoisted(() => ({
  needRefresh: false,
  offlineReady: false,
  setNeedRefresh: vi.fn(),
  setOfflineReady: vi.fn(),
  updateServiceWorker: vi.fn(async () => {}),
}));
vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [sw.needRefresh, sw.setNeedRefresh],
    offlineReady: [sw.offlineReady, sw.setOfflineReady],
    updateServiceWorker: sw.updateServiceWorker,
  }),
}));

const { default: UpdatePrompt } = await import('../../src/app/update-prompt');

function renderAt(path: string) {
  const { hook } = memoryLocation({ path });
  return render(
    <Router hook={hook}>
      <UpdatePrompt />
    </Router>,
  );
}

beforeEach(() => {
  sw.needRefresh = false;
  sw.offlineReady = false;
  vi.clearAllMocks();
});

describe('the update prompt', () => {
  it('shows nothing while there is no news', () => {
    const { container } = renderAt('/');
    expect(container).toBeEmptyDOMElement();
  });

  it('says when the app is ready offline', async () => {
    sw.offlineReady = true;
    renderAt('/');
    expect(screen.getByText('Drillbook is ready to work offline.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(sw.setOfflineReady).toHaveBeenCalledWith(false);
  });

  it('offers a new version and swaps it in only when asked', async () => {
    sw.needRefresh = true;
    renderAt('/review');
    expect(screen.getByRole('region', { name: 'App update' })).toHaveTextContent(
      'A new version of Drillbook is ready.',
    );
    expect(sw.updateServiceWorker).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(sw.setNeedRefresh).toHaveBeenCalledWith(false);
    expect(sw.updateServiceWorker).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(sw.updateServiceWorker).toHaveBeenCalledTimes(1);
  });

  it('during a mock, says the mock is saved and resumes after the update', () => {
    sw.needRefresh = true;
    renderAt('/mock/abc');
    expect(screen.getByRole('region', { name: 'App update' })).toHaveTextContent(
      'Your mock is saved; updating reloads the page and the mock resumes where it was.',
    );
  });
});
