/**
 * The coding workspace's layout, shared by every language: the brief on the left, the editor top
 * right, a resizable results panel with tabs bottom right, all within the viewport; on a phone,
 * tabs Brief / Code / Results with the toolbar above them. `resultsSignal` changing (a run
 * started) switches a phone to Results and brings the panel into view.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useMediaQuery } from '../ui/use-media-query';

type PhoneTab = 'brief' | 'code' | 'results';
const PHONE_QUERY = '(max-width: 760px)';
/** The results panel's share of the column's height: default, and the splitter's limits. */
const RESULTS_SHARE = { initial: 0.42, min: 0.15, max: 0.7 };

export interface ResultsTab {
  id: string;
  label: string;
  content: ReactNode;
  /** Announce changes in this tab (the run report). */
  live?: boolean;
}

interface WorkspaceLayoutProps {
  label: string;
  brief?: ReactNode;
  toolbar: ReactNode;
  /** A problem to show above the editor (e.g. the draft could not be saved). */
  alert?: string;
  editor: ReactNode;
  tabs: ResultsTab[];
  activeTab: string;
  onTab: (id: string) => void;
  resultsSignal: number;
}

export function WorkspaceLayout({
  label,
  brief,
  toolbar,
  alert,
  editor,
  tabs,
  activeTab,
  onTab,
  resultsSignal,
}: WorkspaceLayoutProps) {
  const phone = useMediaQuery(PHONE_QUERY);
  const ids = { tabs: useId(), results: useId() };
  const [phoneTab, setPhoneTab] = useState<PhoneTab>(brief ? 'brief' : 'code');
  const [resultsShare, setResultsShare] = useState(RESULTS_SHARE.initial);
  const mainRef = useRef<HTMLDivElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a new run starts (the signal changes)
  useEffect(() => {
    if (resultsSignal === 0) return;
    if (phone) setPhoneTab('results');
    // In a mock the workspace sits in a longer page: bring the results into view.
    requestAnimationFrame(() => resultsRef.current?.scrollIntoView({ block: 'nearest' }));
  }, [resultsSignal]);

  const clampShare = (share: number) => Math.min(Math.max(share, RESULTS_SHARE.min), RESULTS_SHARE.max);
  const onSeparatorPointer = (event: React.PointerEvent<HTMLDivElement>) => {
    const startY = event.clientY;
    const startShare = resultsShare;
    const total = mainRef.current?.clientHeight || 600;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => setResultsShare(clampShare(startShare + (startY - e.clientY) / total));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const phoneTabs: { id: PhoneTab; label: string }[] = [
    ...(brief ? [{ id: 'brief' as const, label: 'Brief' }] : []),
    { id: 'code', label: 'Code' },
    { id: 'results', label: 'Results' },
  ];
  /** On a phone each part is a tab panel; on a desk they are named regions side by side. */
  const panelProps = (tab: PhoneTab, name: string) =>
    phone
      ? {
          role: 'tabpanel',
          id: `${ids.tabs}-${tab}-panel`,
          'aria-labelledby': `${ids.tabs}-${tab}`,
          hidden: phoneTab !== tab,
        }
      : { role: 'region', id: `${ids.tabs}-${tab}-panel`, 'aria-label': name };

  return (
    <section className={`workspace${brief ? ' has-brief' : ''}${phone ? ' phone' : ''}`} aria-label={label}>
      {phone && (
        <div role="tablist" aria-label="Workspace" className="workspace-tabs">
          {phoneTabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`${ids.tabs}-${tab.id}`}
              aria-selected={phoneTab === tab.id}
              aria-controls={`${ids.tabs}-${tab.id}-panel`}
              className="workspace-tab"
              onClick={() => setPhoneTab(tab.id)}
            >
              {tab.label}
            </button>
          ))}
        </div>
      )}
      {brief && (
        <div className="workspace-brief" {...panelProps('brief', 'Brief')}>
          {brief}
        </div>
      )}
      <div className="workspace-main" ref={mainRef}>
        <div className="toolbar">{toolbar}</div>
        {alert && (
          <p role="alert" className="alert">
            {alert}
          </p>
        )}
        <div className="editor-frame" {...panelProps('code', 'Code')}>
          {editor}
        </div>
        {!phone && (
          // biome-ignore lint/a11y/useSemanticElements: a focusable splitter; <hr> cannot take focus or keys
          <div
            role="separator"
            aria-orientation="horizontal"
            aria-label="Resize the results panel"
            aria-controls={`${ids.tabs}-results-panel`}
            aria-valuemin={RESULTS_SHARE.min * 100}
            aria-valuemax={RESULTS_SHARE.max * 100}
            aria-valuenow={Math.round(resultsShare * 100)}
            aria-valuetext={`Results take ${Math.round(resultsShare * 100)}% of the height`}
            tabIndex={0}
            className="splitter"
            onPointerDown={onSeparatorPointer}
            onKeyDown={(event) => {
              if (event.key === 'ArrowUp') setResultsShare(clampShare(resultsShare + 0.05));
              else if (event.key === 'ArrowDown') setResultsShare(clampShare(resultsShare - 0.05));
              else return;
              event.preventDefault();
            }}
          />
        )}
        <div
          className="results-panel"
          ref={resultsRef}
          {...panelProps('results', 'Results')}
          style={phone ? undefined : { flexBasis: `${resultsShare * 100}%` }}
        >
          <div role="tablist" aria-label="Results" className="results-tabs">
            {tabs.map((tab) => (
              <button
                key={tab.id}
                type="button"
                role="tab"
                id={`${ids.results}-${tab.id}`}
                aria-selected={activeTab === tab.id}
                aria-controls={`${ids.results}-${tab.id}-panel`}
                className="results-tab"
                onClick={() => onTab(tab.id)}
              >
                {tab.label}
              </button>
            ))}
          </div>
          {tabs.map((tab) => (
            <div
              key={tab.id}
              role="tabpanel"
              id={`${ids.results}-${tab.id}-panel`}
              aria-labelledby={`${ids.results}-${tab.id}`}
              hidden={activeTab !== tab.id}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a long report scrolls, so the tab panel takes focus (as ARIA's tabs pattern says) for a keyboard to scroll it; axe: scrollable-region-focusable
              tabIndex={0}
              className="results-body"
              aria-live={tab.live ? 'polite' : undefined}
            >
              {tab.content}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
