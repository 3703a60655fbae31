/** Parsing the Custom tab's input: one test case per line, each a JSON list of the function's arguments. */

export type ParsedCases = { ok: true; cases: unknown[][] } | { ok: false; message: string };

export const MAX_CUSTOM_CASES = 20;

export function parseCustomCases(text: string, arity: number): ParsedCases {
  const lines = text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '');
  if (lines.length === 0) return { ok: false, message: 'Write one test case per line, e.g. [[1, 2, 3]].' };
  if (lines.length > MAX_CUSTOM_CASES) {
    return { ok: false, message: `At most ${MAX_CUSTOM_CASES} cases at a time (you wrote ${lines.length}).` };
  }
  const cases: unknown[][] = [];
  for (const { line, number } of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { ok: false, message: `Line ${number} is not valid JSON: ${(error as Error).message}` };
    }
    if (!Array.isArray(value)) {
      return { ok: false, message: `Line ${number} must be a JSON list of the arguments, e.g. [[1, 2, 3]].` };
    }
    if (value.length !== arity) {
      return {
        ok: false,
        message: `Line ${number} has ${value.length} argument${value.length === 1 ? '' : 's'}; the function takes ${arity}.`,
      };
    }
    cases.push(value);
  }
  return { ok: true, cases };
}

/** The Custom tab starts with the visible tests' arguments, one per line, for the user to edit. */
export function initialCustomText(argsList: readonly unknown[][]): string {
  return argsList.map((args) => JSON.stringify(args)).join('\n');
}
