/**
 * Records a spoken answer with MediaRecorder. The microphone is asked for only when the user
 * presses Record; recording stops by itself at the cap so a forgotten recorder cannot fill the disk.
 * Where the browser has an on-device speech recogniser, a transcript is taken at the same time;
 * a recogniser that would send audio to a server is never used.
 */

/** Ten minutes at 32 kbit/s is about 2.4 MB. */
export const MAX_RECORDING_MS = 10 * 60_000;
const AUDIO_BITS_PER_SECOND = 32_000;

export interface FinishedRecording {
  audio: Blob;
  mimeType: string;
  durationMs: number;
  transcript?: string;
}

export type TranscriptSupport = 'on-device' | 'none';

interface LocalRecognition {
  processLocally: boolean;
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  start(): void;
  stop(): void;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: (() => void) | null;
}

interface RecognitionConstructor {
  new (): LocalRecognition;
  available?: (options: { langs: string[]; processLocally: boolean }) => Promise<string>;
}

function recognitionClass(): RecognitionConstructor | undefined {
  const scope = globalThis as unknown as { SpeechRecognition?: RecognitionConstructor };
  const candidate = scope.SpeechRecognition;
  return candidate && 'processLocally' in candidate.prototype ? candidate : undefined;
}

/** Whether a transcript can be made without audio leaving the device. */
export async function transcriptSupport(lang = navigator.language || 'en-US'): Promise<TranscriptSupport> {
  const Recognition = recognitionClass();
  if (!Recognition?.available) return 'none';
  try {
    return (await Recognition.available({ langs: [lang], processLocally: true })) === 'available'
      ? 'on-device'
      : 'none';
  } catch {
    return 'none';
  }
}

export class MicrophoneError extends Error {}

export function microphoneMessage(error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'Drillbook may not use the microphone (permission denied). Allow it in the browser to record; you can still type your answer.';
  if (name === 'NotFoundError') return 'No microphone was found. You can still type your answer.';
  return `Recording could not start: ${(error as Error)?.message ?? String(error)}. You can still type your answer.`;
}

export class AnswerRecorder {
  private recorder?: MediaRecorder;
  private stream?: MediaStream;
  private chunks: Blob[] = [];
  private startedAt = 0;
  private capTimer?: ReturnType<typeof setTimeout>;
  private recognition?: LocalRecognition;
  private transcript: string[] = [];
  private finished?: Promise<FinishedRecording>;

  constructor(private readonly onCapReached: () => void = () => {}) {}

  async start(useTranscript: boolean): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) throw new MicrophoneError('This browser cannot record audio.');
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      const recorder = new MediaRecorder(this.stream, { audioBitsPerSecond: AUDIO_BITS_PER_SECOND });
      this.recorder = recorder;
      this.chunks = [];
      recorder.ondataavailable = (event) => {
        if (event.data.size > 0) this.chunks.push(event.data);
      };
      this.finished = new Promise((resolve) => {
        recorder.onstop = () => {
          for (const track of this.stream?.getTracks() ?? []) track.stop();
          const mimeType = recorder.mimeType || 'audio/webm';
          const transcript = this.transcript.join(' ').trim();
          resolve({
            audio: new Blob(this.chunks, { type: mimeType }),
            mimeType,
            durationMs: Math.max(0, performance.now() - this.startedAt),
            transcript: transcript || undefined,
          });
        };
      });
      this.startedAt = performance.now();
      recorder.start(1000);
      this.capTimer = setTimeout(() => {
        this.onCapReached();
      }, MAX_RECORDING_MS);
    } catch (error) {
      // The microphone was granted but cannot be recorded: release it, or the browser shows it in use.
      this.cancel();
      throw error;
    }
    if (useTranscript) this.startTranscript();
  }

  private startTranscript(): void {
    const Recognition = recognitionClass();
    if (!Recognition) return;
    const recognition = new Recognition();
    recognition.processLocally = true;
    recognition.continuous = true;
    recognition.interimResults = false;
    recognition.lang = navigator.language || 'en-US';
    recognition.onresult = (event) => {
      this.transcript = Array.from(event.results, (result) => result[0]?.transcript ?? '');
    };
    recognition.onerror = () => {};
    this.recognition = recognition;
    recognition.start();
  }

  elapsedMs(): number {
    return this.recorder ? performance.now() - this.startedAt : 0;
  }

  async stop(): Promise<FinishedRecording> {
    clearTimeout(this.capTimer);
    this.recognition?.stop();
    if (this.recorder?.state !== 'inactive') this.recorder?.stop();
    if (!this.finished) throw new MicrophoneError('Nothing is being recorded.');
    return this.finished;
  }

  /** Stops without keeping anything (the user left the page mid-recording). */
  cancel(): void {
    clearTimeout(this.capTimer);
    this.recognition?.stop();
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
  }
}
