/**
 * Loading the compiled bank: the index and each question load once and are shared, an unknown id
 * is "not found" rather than an error, and a load that failed (offline, a chunk gone after an
 * update) is forgotten so that Retry really loads again.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Question } from '../../src/bank/types';
import { questionSummary } from '../support/question';

const bank = { failIndex: 0, failSearch: 0, failQuestion: 0, questionLoads: 0 };

/** The compiled bank's virtual modules; a module import fails while its fail count lasts. */
function mockBank() {
  vi.doMock('virtual:bank-index', () => {
    if (bank.failIndex > 0) {
      bank.failIndex--;
      throw new Error('Failed to fetch dynamically imported module');
    }
    return {
      index: { topics: [], questions: [questionSummary('mt-f1', 'metrics')] },
      loaders: {
        'mt-f1': async () => {
          bank.questionLoads++;
          if (bank.failQuestion > 0) {
            bank.failQuestion--;
            throw new Error('chunk gone');
          }
          const question = { ...questionSummary('mt-f1', 'metrics'), promptHtml: '<p>F1?</p>' };
          return { default: question as unknown as Question }; // only the fields these tests read
        },
      },
    };
  });
  vi.doMock('virtual:bank-search', () => {
    if (bank.failSearch > 0) {
      bank.failSearch--;
      throw new Error('offline');
    }
    return { prompts: { 'mt-f1': 'Why is F1 a harmonic mean?' } };
  });
}

// A fresh module (and fresh caches) for every test.
const load = () => import('../../src/bank/bank-data');

beforeEach(() => {
  vi.resetModules();
  Object.assign(bank, { failIndex: 0, failSearch: 0, failQuestion: 0, questionLoads: 0 });
  mockBank();
});

describe('the bank index', () => {
  it('loads once and hands every caller the same promise (what React’s use needs)', async () => {
    const { loadBankIndex } = await load();
    const first = loadBankIndex();
    expect(loadBankIndex()).toBe(first);
    expect((await first).questions.map((q) => q.id)).toEqual(['mt-f1']);
  });

  it('loads again after a failed load', async () => {
    bank.failIndex = 1;
    const { loadBankIndex } = await load();
    await expect(loadBankIndex()).rejects.toThrow();
    expect((await loadBankIndex()).questions).toHaveLength(1);
  });
});

describe('a question', () => {
  it('loads its own chunk once, shared by every caller', async () => {
    const { loadQuestion } = await load();
    const first = loadQuestion('mt-f1');
    expect(loadQuestion('mt-f1')).toBe(first);
    expect(await first).toMatchObject({ id: 'mt-f1', promptHtml: '<p>F1?</p>' });
    expect(bank.questionLoads).toBe(1);
  });

  it('is undefined for an id the bank does not have, even one named like an object property', async () => {
    const { loadQuestion } = await load();
    expect(await loadQuestion('no-such-question')).toBeUndefined();
    expect(await loadQuestion('constructor')).toBeUndefined();
    expect(await loadQuestion('__proto__')).toBeUndefined();
  });

  it('loads again after its chunk failed to load', async () => {
    bank.failQuestion = 1;
    const { loadQuestion } = await load();
    await expect(loadQuestion('mt-f1')).rejects.toThrow('chunk gone');
    expect(await loadQuestion('mt-f1')).toMatchObject({ id: 'mt-f1' });
    expect(bank.questionLoads).toBe(2);
  });
});

describe('the prompts for search', () => {
  it('load once when first searched, and again after a failure', async () => {
    bank.failSearch = 1;
    const { loadPromptTexts } = await load();
    await expect(loadPromptTexts()).rejects.toThrow();
    const texts = loadPromptTexts();
    expect(loadPromptTexts()).toBe(texts);
    expect(await texts).toEqual({ 'mt-f1': 'Why is F1 a harmonic mean?' });
  });
});
