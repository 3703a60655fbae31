import './ui/ui.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ErrorBoundary } from './app/error-boundary';
import { applyTheme, resolveTheme, systemTheme, useThemeStore } from './ui/theme-store';

// Apply the remembered theme before the first render so the page never flashes the wrong one.
applyTheme(resolveTheme(useThemeStore.getState().choice, systemTheme()));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary offerExport>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
