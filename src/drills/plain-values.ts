/** Shared by the harnesses: how values JSON cannot carry travel, and the input-check message. */

export const MODIFIED_INPUT_MESSAGE =
  'Your function modified its input. Work on a copy: the caller still needs the original.';

/** Python sends inf, -inf and nan as `{ [NON_FINITE_TAG]: "inf" | "-inf" | "nan" }`. */
export const NON_FINITE_TAG = '__drillbook_float__';

const NON_FINITE: Record<string, number> = {
  inf: Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
  nan: Number.NaN,
};

/** A JSON.parse reviver that turns the tagged values back into numbers. */
export function reviveNonFinite(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const tagged = (value as Record<string, unknown>)[NON_FINITE_TAG];
    if (typeof tagged === 'string' && Object.keys(value).length === 1 && tagged in NON_FINITE)
      return NON_FINITE[tagged];
  }
  return value;
}
