/// <reference types="vite-plugin-pwa/react" />
declare module 'virtual:bank-index' {
  import type { BankIndex, Question } from './types';
  export const index: BankIndex;
  export const loaders: Record<string, () => Promise<{ default: Question }>>;
}
