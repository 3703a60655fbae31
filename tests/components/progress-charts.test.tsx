// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ForecastChart, Heatmap } from '../../src/progress/charts';
import { LineChart } from '../../src/ui/line-chart';

const DAY = 86_400_000;
// 364 study days ending Saturday 5 December 2026, 04:00 local.
const end = new Date(2026, 11, 5, 4).getTime();
const year = Array.from({ length: 364 }, (_, i) => ({
  day: new Date(2026, 11, 5 - 363 + i, 4).getTime(),
  count: i === 363 ? 13 : i % 10 === 0 ? 2 : 0,
}));

describe('the year heatmap', () => {
  it('names months along the top, Mon/Wed/Fri on the side, and says what each colour means', () => {
    const { container } = render(<Heatmap days={year} label="14 reviews" />);
    const image = screen.getByRole('img', { name: '14 reviews' });
    for (const name of ['Mon', 'Wed', 'Fri', 'Jan', 'Jun']) expect(within(image).getByText(name)).toBeTruthy();
    // 7 Dec 2025 to 5 Dec 2026: a short December, then one label a month.
    const months = [...container.querySelectorAll('text')]
      .map((t) => t.textContent)
      .filter((t) => /^[A-Z][a-z]{2}$/.test(t ?? ''));
    expect(months.filter((m) => !['Mon', 'Wed', 'Fri'].includes(m ?? ''))).toEqual([
      'Dec',
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]);
    // The busiest day had 13 reviews: four ranges after "0".
    const key = screen.getByRole('list', { name: 'Colour key' });
    expect(
      within(key)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['0', '1–3', '4–6', '7–9', '10–13']);
    expect(screen.getByText('Reviews a day:')).toBeTruthy();
    // Every day has its value on hover.
    const titles = [...container.querySelectorAll('rect > title')].map((t) => t.textContent);
    expect(titles).toHaveLength(364);
    expect(titles.at(-1)).toMatch(/Dec 5: 13 reviews$/);
    expect(titles).toContain(titles.find((t) => t?.endsWith(': 2 reviews')));
    expect(end).toBe(year.at(-1)?.day);
  });
});

describe('the forecast', () => {
  it('has a y-axis of reviews with round ticks and labels today', () => {
    const bars = Array.from({ length: 30 }, (_, i) => ({ day: end + i * DAY, count: i === 0 ? 13 : 1 }));
    const { container } = render(<ForecastChart bars={bars} label="43 reviews" />);
    const image = screen.getByRole('img', { name: '43 reviews' });
    expect(within(image).getByText('Reviews due')).toBeTruthy();
    for (const tick of ['0', '5', '10', '15']) expect(within(image).getByText(tick)).toBeTruthy();
    expect(within(image).getByText('Today')).toBeTruthy();
    expect(container.querySelector('rect > title')?.textContent).toMatch(/^Today \(.*\): 13 reviews due$/);
    expect(container.querySelectorAll('rect > title')[1].textContent).toMatch(/: 1 review due$/);
  });
});

describe('the line chart', () => {
  it('writes a single point’s value beside it, with axis titles and units', () => {
    const points = [
      { key: 'a', label: 'Week of Nov 23', tick: 'Nov 23' },
      { key: 'b', label: 'Week of Nov 30', tick: 'Nov 30', value: 80 },
    ];
    render(<LineChart points={points} title="Weekly accuracy" yTitle="Good or Easy" xTitle="Week starting" />);
    const image = screen.getByRole('img', { name: 'Weekly accuracy' });
    expect(within(image).getByText('80%')).toBeTruthy();
    expect(within(image).getByText('100%')).toBeTruthy();
    expect(within(image).getByText('Good or Easy')).toBeTruthy();
    expect(within(image).getByText('Week starting')).toBeTruthy();
    expect(within(image).getByText('Nov 23')).toBeTruthy();
  });
});
