/** Reading and applying the study plan: the settings it sets, the interview date, and what was chosen and why. */
import type * as z from 'zod/mini';
import type { QuestionSummary } from '../bank/types';
import { progressRepository } from '../storage/progress-connection';
import type { onboardingSchema, planChoicesSchema } from '../storage/record-kinds';
import { announceChange } from '../storage/sync-channel';
import { parseInterviewDate } from './dashboard-figures';
import { INTERVIEW_DATE_KEY } from './progress-data';
import { chooseStudyPlan, ROLE_PRESETS, type StudyPlan } from './study-plan';

export const ONBOARDING_KEY = 'onboarding';

/** What the user told the set-up, kept so Settings can show and change it (inferred from its stored schema). */
export type PlanChoices = z.infer<typeof planChoicesSchema>;
/** Whether the user set up a plan or skipped it; read through its versioned kind in storage. */
export type OnboardingRecord = z.infer<typeof onboardingSchema>;

export async function readOnboarding(): Promise<OnboardingRecord | undefined> {
  // Read through its versioned kind (src/storage/record-kinds.ts): a damaged or newer record
  // reads as undefined, which counts as never set up.
  return (await progressRepository()).getValue<OnboardingRecord>(ONBOARDING_KEY);
}

export async function skipOnboarding(now: number): Promise<void> {
  await (await progressRepository()).setValue(ONBOARDING_KEY, {
    version: 1,
    skipped: true,
    at: now,
  } satisfies OnboardingRecord);
  announceChange([]);
}

/** Sets topics, new cards a day and retention from the choices, saves the date, and says why. */
export async function applyPlan(
  choices: PlanChoices,
  questions: readonly QuestionSummary[],
  now: number,
): Promise<StudyPlan> {
  const repo = await progressRepository();
  const role = ROLE_PRESETS.find((r) => r.id === choices.role) ?? ROLE_PRESETS[0];
  const topics = new Set(role.topics);
  const cards = await repo.loadCards();
  const unseenQuestions = questions.filter(
    (q) => topics.has(q.topic) && q.kind !== 'coding' && !((cards.get(q.id)?.reps ?? 0) > 0),
  ).length;
  const plan = chooseStudyPlan({
    unseenQuestions,
    minutesPerDay: choices.minutesPerDay,
    interviewDate: parseInterviewDate(choices.interviewDate),
    now,
  });
  const settings = await repo.getSettings();
  const known = new Set(questions.map((q) => q.topic));
  await repo.saveSettings({
    ...settings,
    topics: role.topics.filter((t) => known.has(t)),
    newPerDay: plan.newPerDay,
    desiredRetention: plan.desiredRetention,
  });
  if (choices.interviewDate) await repo.setValue(INTERVIEW_DATE_KEY, choices.interviewDate);
  else await repo.deleteValue(INTERVIEW_DATE_KEY);
  await repo.setValue(ONBOARDING_KEY, {
    version: 1,
    skipped: false,
    at: now,
    choices,
    reasons: plan.reasons,
  } satisfies OnboardingRecord);
  announceChange([]);
  return plan;
}
