/** Reading and applying the study plan: the settings it sets, the interview date, and what was chosen and why. */
import type * as z from 'zod/mini';
import type { QuestionSummary } from '../bank/types';
import { touchesRecords } from '../service/change-channel';
import { INTERVIEW_DATE_KEY } from '../service/progress-data';
import type { ProgressQuery } from '../service/progress-query';
import type { ProgressService } from '../service/progress-service';
import type { onboardingSchema, planChoicesSchema } from '../storage/record-kinds';
import { parseInterviewDate } from './dashboard-figures';
import { chooseStudyPlan, ROLE_PRESETS, type StudyPlan } from './study-plan';

export const ONBOARDING_KEY = 'onboarding';

/** What the user told the set-up, kept so Settings can show and change it (inferred from its stored schema). */
export type PlanChoices = z.infer<typeof planChoicesSchema>;
/** Whether the user set up a plan or skipped it; read through its versioned kind in storage. */
export type OnboardingRecord = z.infer<typeof onboardingSchema>;

export async function readOnboarding(service: ProgressService): Promise<OnboardingRecord | undefined> {
  // Read through its versioned kind (src/storage/record-kinds.ts): a damaged or newer record
  // reads as undefined, which counts as never set up.
  return service.getValue<OnboardingRecord>(ONBOARDING_KEY);
}

/** The set-up's record, for screens (refreshed when it is saved, here or in another tab). */
export const onboardingQuery: ProgressQuery<OnboardingRecord | undefined> = {
  name: 'onboarding',
  load: readOnboarding,
  staleAfter: (change) => touchesRecords(change, [ONBOARDING_KEY]),
};

export async function skipOnboarding(service: ProgressService, now: number): Promise<void> {
  await service.setValue(ONBOARDING_KEY, {
    version: 1,
    skipped: true,
    at: now,
  } satisfies OnboardingRecord);
}

/** Sets topics, new cards a day and retention from the choices, saves the date, and says why. */
export async function applyPlan(
  service: ProgressService,
  choices: PlanChoices,
  questions: readonly QuestionSummary[],
  now: number,
): Promise<StudyPlan> {
  const role = ROLE_PRESETS.find((r) => r.id === choices.role) ?? ROLE_PRESETS[0];
  const topics = new Set(role.topics);
  const cards = await service.loadCards();
  const unseenQuestions = questions.filter(
    (q) => topics.has(q.topic) && q.kind !== 'coding' && !((cards.get(q.id)?.reps ?? 0) > 0),
  ).length;
  const plan = chooseStudyPlan({
    unseenQuestions,
    minutesPerDay: choices.minutesPerDay,
    interviewDate: parseInterviewDate(choices.interviewDate),
    now,
  });
  const known = new Set(questions.map((q) => q.topic));
  await service.updateSettings({
    topics: role.topics.filter((t) => known.has(t)),
    newPerDay: plan.newPerDay,
    desiredRetention: plan.desiredRetention,
  });
  if (choices.interviewDate) await service.setValue(INTERVIEW_DATE_KEY, choices.interviewDate);
  else await service.deleteValue(INTERVIEW_DATE_KEY);
  await service.setValue(ONBOARDING_KEY, {
    version: 1,
    skipped: false,
    at: now,
    choices,
    reasons: plan.reasons,
  } satisfies OnboardingRecord);
  return plan;
}
