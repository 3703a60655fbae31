import Editor, { type OnMount } from '@monaco-editor/react';
import { useRef } from 'react';
import type { DrillLanguage } from '../bank/types';
import { monaco } from './monaco-setup';

interface CodeEditorProps {
  language: DrillLanguage;
  value: string;
  onChange: (code: string) => void;
  dark: boolean;
  onRun: () => void;
  onSubmit: () => void;
  /** Line to mark after an exception (1-based), if any. */
  errorLine?: number;
  readOnly?: boolean;
}

export default function CodeEditor({
  language,
  value,
  onChange,
  dark,
  onRun,
  onSubmit,
  errorLine,
  readOnly = false,
}: CodeEditorProps) {
  const actions = useRef({ onRun, onSubmit });
  actions.current = { onRun, onSubmit };
  const editorRef = useRef<Parameters<OnMount>[0]>(undefined);
  const decorations = useRef<string[]>([]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    // Monaco keeps Ctrl/Cmd+Enter for itself unless the shortcut is claimed as an action.
    editor.addAction({
      id: 'drillbook.run',
      label: 'Run visible tests',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => actions.current.onRun(),
    });
    editor.addAction({
      id: 'drillbook.submit',
      label: 'Submit (all tests)',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      run: () => actions.current.onSubmit(),
    });
  };

  const editor = editorRef.current;
  if (editor) {
    decorations.current = editor.deltaDecorations(
      decorations.current,
      errorLine
        ? [
            {
              range: new monaco.Range(errorLine, 1, errorLine, 1),
              options: { isWholeLine: true, className: 'error-line' },
            },
          ]
        : [],
    );
  }

  return (
    <Editor
      height="100%"
      language={language}
      value={value}
      theme={dark ? 'vs-dark' : 'vs'}
      onChange={(code) => onChange(code ?? '')}
      onMount={onMount}
      loading={<p className="muted">Loading the editor…</p>}
      options={{
        minimap: { enabled: false },
        fontSize: 14,
        scrollBeyondLastLine: false,
        tabSize: language === 'python' ? 4 : 2,
        automaticLayout: true,
        ariaLabel: `Code editor (${language === 'python' ? 'Python' : 'TypeScript'})`,
        accessibilitySupport: 'auto',
        tabFocusMode: false,
        readOnly,
      }}
    />
  );
}
