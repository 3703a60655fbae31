/**
 * "Answer aloud": record the spoken answer next to the typed one, keep it on this device, and
 * play it back during the self-assessment.
 */
import './design.css';
import { useEffect, useRef, useState } from 'react';
import { formatElapsed } from '../ui/format-duration';
import {
  AnswerRecorder,
  MAX_RECORDING_MS,
  microphoneMessage,
  type TranscriptSupport,
  transcriptSupport,
} from './recorder';
import { deleteRecording, loadRecording, type StoredRecording, saveRecording } from './recording-repository';

function useRecording(scope: string) {
  const [recording, setRecording] = useState<StoredRecording | undefined>();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    setLoaded(false);
    loadRecording(scope)
      .then((value) => {
        if (!live) return;
        setRecording(value);
        setLoaded(true);
      })
      .catch(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [scope]);
  return { recording, setRecording, loaded };
}

function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return setUrl(undefined);
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

function RecordingView({ recording, label }: { recording: StoredRecording; label: string }) {
  const url = useObjectUrl(recording.audio);
  return (
    <div className="recording">
      {/* biome-ignore lint/a11y/useMediaCaption: the transcript, when there is one, is shown below */}
      <audio controls src={url} aria-label={label} preload="metadata" />
      <span className="muted">{formatElapsed(recording.durationMs)}</span>
      {recording.transcript && (
        <details className="transcript">
          <summary>Transcript (made on this device)</summary>
          <p>{recording.transcript}</p>
        </details>
      )}
    </div>
  );
}

/** Playback only, for the assessment and the report. Renders nothing when there is no recording. */
export function RecordingPlayer({ scope }: { scope: string }) {
  const { recording } = useRecording(scope);
  if (!recording) return null;
  return (
    <section className="answer-aloud" aria-label="Your spoken answer">
      <h3>Your spoken answer</h3>
      <RecordingView recording={recording} label="Play your spoken answer" />
    </section>
  );
}

export function AnswerAloud({ scope, disabled }: { scope: string; disabled?: boolean }) {
  const { recording, setRecording, loaded } = useRecording(scope);
  const [support, setSupport] = useState<TranscriptSupport>();
  const [state, setState] = useState<'idle' | 'starting' | 'recording' | 'saving'>('idle');
  const [message, setMessage] = useState<string>();
  const [elapsed, setElapsed] = useState(0);
  const recorder = useRef<AnswerRecorder | undefined>(undefined);

  useEffect(() => {
    void transcriptSupport().then(setSupport);
    return () => recorder.current?.cancel();
  }, []);

  useEffect(() => {
    if (state !== 'recording') return;
    const timer = setInterval(() => setElapsed(recorder.current?.elapsedMs() ?? 0), 250);
    return () => clearInterval(timer);
  }, [state]);

  const stop = async () => {
    const active = recorder.current;
    if (!active) return;
    setState('saving');
    try {
      const done = await active.stop();
      const stored: StoredRecording = { version: 1, ...done, createdAt: Date.now() };
      setRecording(stored);
      try {
        await saveRecording(scope, stored);
        setMessage(undefined);
      } catch (error) {
        setMessage(
          `The recording could not be saved (${(error as Error).message}); it plays until you leave this page. Your typed answer is saved as usual.`,
        );
      }
    } finally {
      recorder.current = undefined;
      setState('idle');
    }
  };

  const start = async () => {
    setMessage(undefined);
    setState('starting');
    const next = new AnswerRecorder(() => {
      setMessage(`Recording stopped at the ${MAX_RECORDING_MS / 60_000}-minute limit and saved.`);
      void stop();
    });
    try {
      await next.start(support === 'on-device');
      recorder.current = next;
      setElapsed(0);
      setState('recording');
    } catch (error) {
      setState('idle');
      setMessage(microphoneMessage(error));
    }
  };

  const remove = async () => {
    await deleteRecording(scope);
    setRecording(undefined);
    setMessage('Recording deleted.');
  };

  return (
    <section className="answer-aloud" aria-label="Answer aloud">
      <div className="answer-aloud-controls">
        {state === 'recording' ? (
          <button type="button" className="button danger" onClick={() => void stop()}>
            Stop recording
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={disabled || !loaded || state !== 'idle'}
            onClick={() => void start()}
          >
            {recording ? 'Record again' : 'Record your answer aloud'}
          </button>
        )}
        {state === 'recording' && (
          <span className="recording-live" role="timer" aria-live="off">
            ● Recording {formatElapsed(elapsed)}
          </span>
        )}
        {state === 'starting' && <span className="muted">Asking for the microphone…</span>}
        {state === 'saving' && <span className="muted">Saving the recording…</span>}
        {recording && state === 'idle' && (
          <button type="button" className="button ghost" onClick={() => void remove()}>
            Delete recording
          </button>
        )}
      </div>
      {message && <p role="alert">{message}</p>}
      {recording && state === 'idle' && <RecordingView recording={recording} label="Play your recording" />}
      <p className="muted small">
        {support === 'on-device'
          ? 'A transcript is made by your browser’s on-device recogniser. Audio never leaves this device.'
          : 'No transcript: this browser has no on-device speech recogniser, and audio never leaves this device.'}
      </p>
    </section>
  );
}

/** "Speak": answering aloud is optional on concept questions, so the recorder opens on request. */
export function SpeakToggle({ scope, disabled }: { scope: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="speak-toggle">
      <button type="button" className="button ghost small" aria-pressed={open} onClick={() => setOpen(!open)}>
        🎙 Speak
      </button>
      {open && <AnswerAloud scope={scope} disabled={disabled} />}
    </div>
  );
}
