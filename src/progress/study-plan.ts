/**
 * The first-visit plan (pure): from the interview date, the minutes a day and the role's topics,
 * how many new cards a day and which retention, with the reasons in words so the user sees why.
 */
import { REVIEWS_PER_NEW_CARD } from './dashboard-figures';

export interface RolePreset {
  id: string;
  title: string;
  description: string;
  topics: string[];
}

export const ROLE_PRESETS: RolePreset[] = [
  {
    id: 'ml-engineer',
    title: 'ML engineer',
    description: 'Models in production: evaluation, classical and deep learning, system design, MLOps.',
    topics: [
      'bias-variance',
      'metrics',
      'classical-ml',
      'deep-learning',
      'transformers',
      'system-design',
      'mlops',
      'python-data',
      'probability-statistics',
      'sql',
      'cloud-deployment',
      'behavioural',
    ],
  },
  {
    id: 'ai-llm-engineer',
    title: 'AI/LLM engineer',
    description: 'Applications on language models: transformers, RAG, agents, fine-tuning, evaluation.',
    topics: [
      'transformers',
      'rag-design',
      'llm-fine-tuning',
      'agents',
      'evaluation-guardrails',
      'llm-engineering',
      'metrics',
      'system-design',
      'python-data',
      'cloud-deployment',
      'behavioural',
    ],
  },
  {
    id: 'data-scientist',
    title: 'Data scientist',
    description: 'Statistics, experiments, metrics and classical models, with SQL and Python.',
    topics: [
      'probability-statistics',
      'bias-variance',
      'metrics',
      'classical-ml',
      'python-data',
      'sql',
      'system-design',
      'behavioural',
    ],
  },
];

export const MINUTES_CHOICES = [15, 30, 45, 60, 90] as const;
/** A concept card answered aloud and checked against its answer: about 45 seconds on average. */
export const SECONDS_PER_CARD = 45;
/** Below this many days the plan trades repetition for coverage. */
export const SHORT_RUNWAY_DAYS = 14;
const DAY = 86_400_000;

export interface PlanInput {
  /** Concept and design questions in the chosen topics that the user has not seen yet. */
  unseenQuestions: number;
  minutesPerDay: number;
  /** Local midnight of the interview day, if there is one. */
  interviewDate?: number;
  now: number;
}

export interface StudyPlan {
  newPerDay: number;
  desiredRetention: number;
  cardsPerDay: number;
  daysLeft?: number;
  /** How many unseen questions the pace covers before the date. */
  coveredByDate?: number;
  reasons: string[];
}

export function chooseStudyPlan({ unseenQuestions, minutesPerDay, interviewDate, now }: PlanInput): StudyPlan {
  const cardsPerDay = Math.max(1, Math.floor((minutesPerDay * 60) / SECONDS_PER_CARD));
  // Each new card brings about REVIEWS_PER_NEW_CARD reviews in its first weeks.
  const affordableNew = Math.max(1, Math.floor(cardsPerDay / (1 + REVIEWS_PER_NEW_CARD)));
  const reasons = [
    `${minutesPerDay} minutes a day is about ${cardsPerDay} cards at ${SECONDS_PER_CARD} seconds each; every new card brings about ${REVIEWS_PER_NEW_CARD} reviews later, so ${affordableNew} new cards a day fit.`,
  ];
  if (interviewDate === undefined || interviewDate <= now) {
    const newPerDay = Math.min(affordableNew, 20);
    reasons.push(`With no interview date, ${newPerDay} new cards a day build the whole bank steadily.`);
    return { newPerDay, desiredRetention: 0.9, cardsPerDay, reasons };
  }
  const daysLeft = Math.max(1, Math.ceil((interviewDate - now) / DAY));
  const needed = Math.ceil(unseenQuestions / daysLeft);
  const newPerDay = Math.max(1, Math.min(affordableNew, needed));
  const coveredByDate = Math.min(unseenQuestions, newPerDay * daysLeft);
  if (needed <= affordableNew) {
    reasons.push(
      `Seeing all ${unseenQuestions} questions of your topics in ${daysLeft} days takes ${needed} new cards a day, which fits.`,
    );
  } else {
    reasons.push(
      `All ${unseenQuestions} questions in ${daysLeft} days would take ${needed} new cards a day; ${newPerDay} fit, so you will see about ${coveredByDate} of them. More minutes a day or fewer topics would cover the rest.`,
    );
  }
  const short = daysLeft <= SHORT_RUNWAY_DAYS;
  const desiredRetention = short ? 0.85 : 0.9;
  reasons.push(
    short
      ? `With ${daysLeft} days left, a retention target of 85% means fewer repeats and more new material.`
      : `A retention target of 90% keeps what you learn without too many repeats.`,
  );
  return { newPerDay, desiredRetention, cardsPerDay, daysLeft, coveredByDate, reasons };
}
