// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import ProgressScreen from '../../src/progress/progress-screen';
import { ProgressService } from '../../src/service/progress-service';
import { ProgressServiceProvider } from '../../src/service/use-progress';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';
import { channelHub } from '../support/progress-service';

/** Two tabs over one store: what one writes, the other hears through the (pretend) cross-tab channel. */
function twoTabs() {
  const hub = channelHub();
  const store = new MemoryProgressRepository();
  const mine = new ProgressService(store, hub());
  const other = new ProgressService(store, hub());
  return { mine, other, open: () => Promise.resolve(mine) };
}

function stat(label: string): string {
  const term = screen.getByText(label, { selector: 'dt' });
  return within(term.parentElement as HTMLElement).getByRole('definition').textContent ?? '';
}

describe('screens read progress through the service’s hooks', () => {
  it('the dashboard updates when another tab grades a card, with no reload', async () => {
    const { other, open } = twoTabs();
    render(
      <ProgressServiceProvider service={open}>
        <ProgressScreen />
      </ProgressServiceProvider>,
    );
    expect(await screen.findByText(/No reviews yet/, {}, { timeout: 10_000 })).toBeTruthy();
    await other.recordGrade('mt-precision', 3, 'review', 30_000);
    await screen.findByText(
      (_, el) => el?.tagName === 'DD' && /1 day/.test(el.textContent ?? ''),
      {},
      { timeout: 10_000 },
    );
    expect(stat('Current streak')).toBe('1 day');
    expect(screen.queryByText(/No reviews yet/)).toBeNull();
  });

  it('the pace button changes new cards a day, and the Settings hook in another tab hears it', async () => {
    const { mine, other, open } = twoTabs();
    await mine.setValue('interview-date', new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
    const heard: number[] = [];
    other.onChange(() => void other.getSettings().then((s) => heard.push(s.newPerDay)));
    render(
      <ProgressServiceProvider service={open}>
        <ProgressScreen />
      </ProgressServiceProvider>,
    );
    const pace = await screen.findByRole('button', { name: /Set new cards per day to/ }, { timeout: 10_000 });
    const wanted = Number(/to (\d+)/.exec(pace.textContent ?? '')?.[1]);
    await userEvent.click(pace);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', `New cards per day set to ${wanted}.`);
    expect((await mine.getSettings()).newPerDay).toBe(wanted);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toContain(wanted);
  });
});
