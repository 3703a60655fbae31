/**
 * The Monaco editor, uncontrolled: the user's keystrokes only ever go from Monaco to us. A value
 * pushed back into the model while the user types (a controlled `value`) races with their input
 * and loses or reorders characters, so the caller sets the text once per mount (`initialValue`)
 * and remounts (a new `key`) to load, reset or switch language.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import type { EditorLanguage } from './editor-language';
import { monaco } from './monaco-setup';

/** A TypeScript type error: the code still runs (types are stripped), so it is a warning. */
export interface TypeProblem {
  line: number;
  message: string;
}

interface CodeEditorProps {
  language: EditorLanguage;
  initialValue: string;
  onChange: (code: string) => void;
  dark: boolean;
  onRun: () => void;
  onSubmit: () => void;
  /** Line to mark after an exception (1-based), if any. */
  errorLine?: number;
  readOnly?: boolean;
  vim?: boolean;
  onTypeProblems?: (problems: TypeProblem[]) => void;
}

type StandaloneEditor = Parameters<OnMount>[0];

const LABELS: Record<EditorLanguage, string> = { python: 'Python', typescript: 'TypeScript', sql: 'SQL' };

export default function CodeEditor({
  language,
  initialValue,
  onChange,
  dark,
  onRun,
  onSubmit,
  errorLine,
  readOnly = false,
  vim = false,
  onTypeProblems,
}: CodeEditorProps) {
  const actions = useRef({ onRun, onSubmit, onChange, onTypeProblems });
  actions.current = { onRun, onSubmit, onChange, onTypeProblems };
  const [editor, setEditor] = useState<StandaloneEditor>();
  const vimStatus = useRef<HTMLDivElement>(null);

  const onMount: OnMount = (mounted) => {
    // Monaco keeps Ctrl/Cmd+Enter for itself unless the shortcut is claimed as an action.
    mounted.addAction({
      id: 'drillbook.run',
      label: 'Run visible tests',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => actions.current.onRun(),
    });
    mounted.addAction({
      id: 'drillbook.submit',
      label: 'Submit (all tests)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      run: () => actions.current.onSubmit(),
    });
    setEditor(mounted);
  };

  // The error line's highlight follows the latest run.
  useEffect(() => {
    if (!editor) return;
    const collection = editor.createDecorationsCollection(
      errorLine
        ? [
            {
              range: new monaco.Range(errorLine, 1, errorLine, 1),
              options: { isWholeLine: true, className: 'error-line' },
            },
          ]
        : [],
    );
    return () => collection.clear();
  }, [editor, errorLine]);

  useEffect(() => {
    if (!editor || !vim || !vimStatus.current) return;
    let disposed = false;
    let mode: { dispose: () => void } | undefined;
    void import('monaco-vim').then(({ initVimMode }) => {
      if (!disposed && vimStatus.current) mode = initVimMode(editor, vimStatus.current);
    });
    return () => {
      disposed = true;
      mode?.dispose();
    };
  }, [editor, vim]);

  return (
    <div className="code-editor">
      <div className="code-editor-body">
        <Editor
          height="100%"
          language={language}
          defaultValue={initialValue}
          theme={dark ? 'vs-dark' : 'vs'}
          onChange={(code) => actions.current.onChange(code ?? '')}
          onValidate={(markers) =>
            actions.current.onTypeProblems?.(
              markers
                .filter((m) => m.severity === monaco.MarkerSeverity.Error)
                .map((m) => ({ line: m.startLineNumber, message: m.message })),
            )
          }
          onMount={onMount}
          loading={<p className="muted">Loading the editor…</p>}
          options={{
            minimap: { enabled: false },
            fontSize: 14,
            scrollBeyondLastLine: false,
            wordWrap: 'on',
            tabSize: language === 'python' ? 4 : 2,
            automaticLayout: true,
            ariaLabel: `Code editor (${LABELS[language]})`,
            accessibilitySupport: 'auto',
            tabFocusMode: false,
            // Enter takes a suggestion only when that changes the text: with 'on', a suggestion
            // equal to the word just typed swallowed the Enter of a fast typist (lost newline).
            acceptSuggestionOnEnter: 'smart',
            readOnly,
          }}
        />
      </div>
      {vim && <div ref={vimStatus} className="vim-status" role="status" aria-label="Vim mode" />}
    </div>
  );
}
