import { describe, expect, it } from 'vitest';
import { chooseStudyPlan, ROLE_PRESETS } from '../../src/progress/study-plan';

const NOW = new Date(2026, 11, 5, 10).getTime();
const inDays = (days: number) => new Date(2026, 11, 5 + days).getTime();

describe('the first-visit study plan', () => {
  it('covers every unseen question by the date when the minutes allow it', () => {
    // 30 min = 40 cards; 40 / (1 + 3) = 10 new a day fit; 300 questions over 31 days need 10.
    const plan = chooseStudyPlan({ unseenQuestions: 300, minutesPerDay: 30, interviewDate: inDays(31), now: NOW });
    expect(plan).toMatchObject({
      cardsPerDay: 40,
      newPerDay: 10,
      daysLeft: 31,
      coveredByDate: 300,
      desiredRetention: 0.9,
    });
    expect(plan.reasons[1]).toBe(
      'Seeing all 300 questions of your topics in 31 days takes 10 new cards a day, which fits.',
    );
  });

  it('says plainly when the time does not cover the bank, and favours coverage on a short runway', () => {
    // 15 min = 20 cards, 5 new a day fit; 400 questions in 21 days would need 20.
    const plan = chooseStudyPlan({ unseenQuestions: 400, minutesPerDay: 15, interviewDate: inDays(21), now: NOW });
    expect(plan).toMatchObject({ newPerDay: 5, coveredByDate: 105, desiredRetention: 0.9 });
    expect(plan.reasons[1]).toContain('you will see about 105 of them');
    const soon = chooseStudyPlan({ unseenQuestions: 100, minutesPerDay: 60, interviewDate: inDays(10), now: NOW });
    expect(soon).toMatchObject({ newPerDay: 10, desiredRetention: 0.85 });
  });

  it('builds steadily with no date, and treats a past date as none', () => {
    expect(chooseStudyPlan({ unseenQuestions: 500, minutesPerDay: 90, now: NOW })).toMatchObject({
      newPerDay: 20,
      desiredRetention: 0.9,
    });
    expect(
      chooseStudyPlan({ unseenQuestions: 500, minutesPerDay: 15, interviewDate: inDays(-3), now: NOW }).daysLeft,
    ).toBeUndefined();
  });

  it('offers three roles, each with its topics', () => {
    expect(ROLE_PRESETS.map((r) => r.title)).toEqual(['ML engineer', 'AI/LLM engineer', 'Data scientist']);
    for (const role of ROLE_PRESETS) expect(role.topics.length).toBeGreaterThan(5);
  });
});
