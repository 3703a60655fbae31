/** The intervals on the grade buttons and the "when" phrases around the app, at their boundaries. */
import { describe, expect, it } from 'vitest';
import { describeAgo, describeWhen, formatInterval } from '../../src/srs/format-interval';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatInterval (on the grade buttons)', () => {
  it.each([
    [0, '1m'], // never "0m": a card always comes back at least a minute later
    [30_000, '1m'],
    [10 * MIN, '10m'],
    [59 * MIN, '59m'],
    [60 * MIN, '1h'],
    [3 * HOUR, '3h'],
    [23 * HOUR, '23h'],
    [24 * HOUR, '1d'],
    [2 * DAY, '2d'],
    [13 * DAY, '13d'],
    [14 * DAY, '2w'],
    [21 * DAY, '3w'],
    [59 * DAY, '8w'],
    [60 * DAY, '2mo'],
    [120 * DAY, '4mo'],
    [364 * DAY, '12mo'],
    [365 * DAY, '1y'],
    [1.5 * 365 * DAY, '1.5y'],
    [9.9 * 365 * DAY, '9.9y'],
    [12 * 365 * DAY, '12y'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});

describe('describeWhen (the next card is due)', () => {
  const now = 1_750_000_000_000;
  it.each([
    [-5 * MIN, 'in a minute'], // overdue already
    [MIN, 'in a minute'],
    [5 * MIN, 'in 5 minutes'],
    [59 * MIN, 'in 59 minutes'],
    [HOUR, 'in 1 hour'],
    [3 * HOUR, 'in 3 hours'],
    [24 * HOUR, 'tomorrow'],
    [4 * DAY, 'in 4 days'],
  ])('%d ms ahead reads %s', (ms, text) => {
    expect(describeWhen(now + ms, now)).toBe(text);
  });
});

describe('describeAgo (something happened)', () => {
  const now = 1_750_000_000_000;
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [MIN, '1 minute ago'],
    [5 * MIN, '5 minutes ago'],
    [HOUR, '1 hour ago'],
    [3 * HOUR, '3 hours ago'],
    [DAY, 'yesterday'],
    [4 * DAY, '4 days ago'],
  ])('%d ms back reads %s', (ms, text) => {
    expect(describeAgo(now - ms, now)).toBe(text);
  });
});
