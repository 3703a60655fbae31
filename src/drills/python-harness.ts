/**
 * Runs Python drill code on each test's arguments inside a loaded Pyodide (in a Worker in the
 * browser, in Node for the content tests). Every test gets fresh globals, so nothing leaks
 * between tests or runs; arguments travel as JSON and results come back as JSON (tuples become
 * lists). Errors report the line in the user's code.
 */
import { MODIFIED_INPUT_MESSAGE, NON_FINITE_TAG, reviveNonFinite } from './plain-values';
import type { CallOutcome } from './run-types';

/** The part of Pyodide's API the harness needs. */
export interface PyodideLike {
  runPython(code: string, options?: { globals?: unknown }): unknown;
  globals: { get(name: string): unknown };
  setStdout(options: { batched: (text: string) => void }): void;
  setStderr(options: { batched: (text: string) => void }): void;
}

// Results travel as JSON. Values JSON cannot carry (inf, nan, tuples, sets, non-string keys) are
// converted first, so one odd value fails its own test instead of the whole run.
const DRIVER = `
import json as _json, math as _math, sys as _sys, traceback as _tb

def _drillbook_plain(_v):
    if isinstance(_v, bool) or _v is None or isinstance(_v, (int, str)):
        return _v
    if isinstance(_v, float):
        if _math.isnan(_v):
            return {"${NON_FINITE_TAG}": "nan"}
        if _math.isinf(_v):
            return {"${NON_FINITE_TAG}": "inf" if _v > 0 else "-inf"}
        return _v
    if isinstance(_v, (list, tuple)):
        return [_drillbook_plain(_x) for _x in _v]
    if isinstance(_v, (set, frozenset)):
        return sorted((_drillbook_plain(_x) for _x in _v), key=repr)
    if isinstance(_v, dict):
        return {str(_k): _drillbook_plain(_x) for _k, _x in _v.items()}
    return repr(_v)

def _drillbook_call(_code, _name, _args_json):
    # Not "__main__": a user's "if __name__ == '__main__':" block must not run during tests.
    _ns = {"__name__": "solution"}
    try:
        exec(compile(_code, "solution.py", "exec"), _ns)
        _fn = _ns.get(_name)
        if not callable(_fn):
            raise NameError(f"Define a function named {_name}.")
        _args = _json.loads(_args_json)
        _before = _json.dumps(_args)
        _result = _fn(*_args)
        if _json.dumps(_args) != _before:
            return _json.dumps({"ok": False, "message": "${MODIFIED_INPUT_MESSAGE}", "line": None})
        return _json.dumps({"ok": True, "actual": _drillbook_plain(_result)}, allow_nan=False)
    except BaseException as _e:
        _line = None
        for _frame in _tb.extract_tb(_e.__traceback__):
            if _frame.filename == "solution.py":
                _line = _frame.lineno
        if isinstance(_e, SyntaxError) and _e.filename == "solution.py":
            _line = _e.lineno
        return _json.dumps({"ok": False, "message": f"{type(_e).__name__}: {_e}", "line": _line})
`;

const prepared = new WeakSet<object>();

/** Names the harness version, so a saved interpreter snapshot is reused only with the same harness. */
export const HARNESS_KEY = hashText(DRIVER);

function hashText(text: string): string {
  // FNV-1a: a cache key, not security.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16);
}

/** Defines the harness's Python helpers once per interpreter. */
export function prepareHarness(pyodide: PyodideLike): void {
  if (prepared.has(pyodide)) return;
  pyodide.runPython(DRIVER);
  prepared.add(pyodide);
}

export function runPythonTests(
  pyodide: PyodideLike,
  code: string,
  functionName: string,
  argsList: unknown[][],
): CallOutcome[] {
  prepareHarness(pyodide);
  const call = pyodide.globals.get('_drillbook_call') as (code: string, name: string, args: string) => string;
  const outcomes: CallOutcome[] = [];
  for (const args of argsList) {
    let stdout = '';
    const collect = { batched: (text: string) => (stdout += `${text}\n`) };
    pyodide.setStdout(collect);
    pyodide.setStderr(collect);
    const reply = JSON.parse(call(code, functionName, JSON.stringify(args)), reviveNonFinite);
    stdout = stdout.trimEnd();
    if (reply.ok) outcomes.push({ actual: reply.actual, stdout });
    else outcomes.push({ stdout, error: { message: reply.message, line: reply.line ?? undefined } });
    // Stop or the time limit interrupted the run: the remaining tests must not start.
    if (!reply.ok && String(reply.message).startsWith('KeyboardInterrupt')) break;
  }
  return outcomes;
}
