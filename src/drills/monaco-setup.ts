/**
 * Monaco from our own bundle (never a CDN), with its workers built by Vite. Imported only by
 * the drill editor, so Monaco loads only on drill screens.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  // Every label needs an answer, or the core editor worker fails to load.
  getWorker(_id: string, label: string) {
    if (label === 'typescript' || label === 'javascript') return new TypeScriptWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });

export { monaco };
