/// <reference types="vite-plugin-pwa/react" />
declare module 'virtual:bank-index' {
  import type { BankIndex, Question } from './types';
  export const index: BankIndex;
  export const loaders: Record<string, () => Promise<{ default: Question }>>;
}
declare module 'virtual:bank-search' {
  /** Question id to its prompt as plain text, for full-text search. */
  export const prompts: Record<string, string>;
}
