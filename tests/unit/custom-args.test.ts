import { describe, expect, it } from 'vitest';
import { initialCustomText, MAX_CUSTOM_CASES, parseCustomCases } from '../../src/drills/custom-args';

describe('custom test cases', () => {
  it('reads one JSON list of arguments per line, skipping blank lines', () => {
    expect(parseCustomCases('[[1, 2], 3]\n\n[[], 0]\n', 2)).toEqual({
      ok: true,
      cases: [
        [[1, 2], 3],
        [[], 0],
      ],
    });
  });

  it('names the line and the problem for bad JSON, a non-list and the wrong number of arguments', () => {
    expect(parseCustomCases('[[1, 2]]\n[1,', 1)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Line 2 is not valid JSON/),
    });
    expect(parseCustomCases('{"a": 1}', 1)).toEqual({
      ok: false,
      message: 'Line 1 must be a JSON list of the arguments, e.g. [[1, 2, 3]].',
    });
    expect(parseCustomCases('[0, 0]', 1)).toEqual({
      ok: false,
      message: 'Line 1 has 2 arguments; the function takes 1.',
    });
  });

  it('asks for a case when there is none, and caps the number of cases', () => {
    expect(parseCustomCases('  \n', 1).ok).toBe(false);
    const many = Array.from({ length: MAX_CUSTOM_CASES + 1 }, () => '[1]').join('\n');
    expect(parseCustomCases(many, 1)).toMatchObject({
      ok: false,
      message: expect.stringContaining(`At most ${MAX_CUSTOM_CASES}`),
    });
  });

  it('starts from the visible tests, which parse back to themselves', () => {
    const args = [[[1, 2, 3]], [[]]];
    const text = initialCustomText(args);
    expect(parseCustomCases(text, 1)).toEqual({ ok: true, cases: args });
  });
});
