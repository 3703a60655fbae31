/**
 * Runs Python drill code on each test's arguments inside a loaded Pyodide (in a Worker in the
 * browser, in Node for the content tests). Every test gets fresh globals, so nothing leaks
 * between tests or runs; arguments travel as JSON and results come back as JSON (tuples become
 * lists). Errors report the line in the user's code.
 */
import type { CallOutcome } from './run-types';

/** The part of Pyodide's API the harness needs. */
export interface PyodideLike {
  runPython(code: string, options?: { globals?: unknown }): unknown;
  globals: { get(name: string): unknown };
  setStdout(options: { batched: (text: string) => void }): void;
  setStderr(options: { batched: (text: string) => void }): void;
}

const DRIVER = `
import json as _json, sys as _sys, traceback as _tb

def _drillbook_call(_code, _name, _args_json):
    _ns = {"__name__": "__main__"}
    try:
        exec(compile(_code, "solution.py", "exec"), _ns)
        _fn = _ns.get(_name)
        if not callable(_fn):
            raise NameError(f"Define a function named {_name}.")
        _result = _fn(*_json.loads(_args_json))
        return _json.dumps({"ok": True, "actual": _result}, allow_nan=True)
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

export function runPythonTests(
  pyodide: PyodideLike,
  code: string,
  functionName: string,
  argsList: unknown[][],
): CallOutcome[] {
  if (!prepared.has(pyodide)) {
    pyodide.runPython(DRIVER);
    prepared.add(pyodide);
  }
  const call = pyodide.globals.get('_drillbook_call') as (code: string, name: string, args: string) => string;
  const outcomes: CallOutcome[] = [];
  for (const args of argsList) {
    let stdout = '';
    const collect = { batched: (text: string) => (stdout += `${text}\n`) };
    pyodide.setStdout(collect);
    pyodide.setStderr(collect);
    const reply = JSON.parse(call(code, functionName, JSON.stringify(args)).replace(/\b(NaN|-?Infinity)\b/g, 'null'));
    stdout = stdout.trimEnd();
    if (reply.ok) outcomes.push({ actual: reply.actual, stdout });
    else outcomes.push({ stdout, error: { message: reply.message, line: reply.line ?? undefined } });
  }
  return outcomes;
}
