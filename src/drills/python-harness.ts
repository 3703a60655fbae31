/**
 * Runs Python drill code on each test's arguments inside a loaded Pyodide (in a Worker in the
 * browser, in Node for the content tests). The code is compiled once per run and every test
 * executes it in fresh globals, so nothing leaks between tests or runs; arguments travel as JSON
 * and results come back as JSON (tuples become lists). Errors report the line in the user's code.
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

# The run's compiled solution, [source, code object]: compiling once per run instead of once per
# test is most of a warm run's Python time. Each test still executes it in fresh globals.
_drillbook_compiled = [None, None]

def _drillbook_call(_code, _name, _args_json, _first_test):
    # Not "__main__": a user's "if __name__ == '__main__':" block must not run during tests.
    _ns = {"__name__": "solution"}
    try:
        if _first_test or _drillbook_compiled[0] != _code:
            _drillbook_compiled[:] = [_code, compile(_code, "solution.py", "exec")]
        exec(_drillbook_compiled[1], _ns)
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

type HarnessCall = (code: string, name: string, argsJson: string, firstTest: boolean) => string;
/** Each interpreter's `_drillbook_call`, looked up once (a lookup per run would leave a proxy behind each time). */
const prepared = new WeakMap<object, HarnessCall>();

/** Names the harness version, so a saved interpreter snapshot is reused only with the same harness. */
export const HARNESS_KEY = hashText(DRIVER);

function hashText(text: string): string {
  // FNV-1a: a cache key, not security.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16);
}

/** Defines the harness's Python helpers once per interpreter. */
export function prepareHarness(pyodide: PyodideLike): HarnessCall {
  let call = prepared.get(pyodide);
  if (!call) {
    pyodide.runPython(DRIVER);
    call = pyodide.globals.get('_drillbook_call') as HarnessCall;
    prepared.set(pyodide, call);
  }
  return call;
}

export function runPythonTests(
  pyodide: PyodideLike,
  code: string,
  functionName: string,
  argsList: unknown[][],
): CallOutcome[] {
  const call = prepareHarness(pyodide);
  const outcomes: CallOutcome[] = [];
  for (const [index, args] of argsList.entries()) {
    let stdout = '';
    const collect = { batched: (text: string) => (stdout += `${text}\n`) };
    pyodide.setStdout(collect);
    pyodide.setStderr(collect);
    const reply = JSON.parse(call(code, functionName, JSON.stringify(args), index === 0), reviveNonFinite);
    stdout = stdout.trimEnd();
    if (reply.ok) outcomes.push({ actual: reply.actual, stdout });
    else outcomes.push({ stdout, error: { message: reply.message, line: reply.line ?? undefined } });
    // Stop or the time limit interrupted the run: the remaining tests must not start.
    if (!reply.ok && String(reply.message).startsWith('KeyboardInterrupt')) break;
  }
  return outcomes;
}
