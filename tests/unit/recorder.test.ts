/**
 * The spoken-answer recorder with a fake microphone and MediaRecorder: what a user sees when the
 * microphone is refused, the ten-minute cap, the modest bitrate, and a transcript only from an
 * on-device recogniser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AnswerRecorder,
  MAX_RECORDING_MS,
  MicrophoneError,
  microphoneMessage,
  transcriptSupport,
} from '../../src/design/recorder';
import { fakeRecognitionClass, installFakeMedia, mediaError } from '../support/fake-media';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('what the user is told when recording cannot start', () => {
  it('explains a refused permission and that typing still works', () => {
    for (const name of ['NotAllowedError', 'SecurityError']) {
      expect(microphoneMessage(mediaError(name))).toBe(
        'Drillbook may not use the microphone (permission denied). Allow it in the browser to record; you can still type your answer.',
      );
    }
  });

  it('says when there is no microphone', () => {
    expect(microphoneMessage(mediaError('NotFoundError'))).toBe(
      'No microphone was found. You can still type your answer.',
    );
  });

  it('passes on any other reason in words', () => {
    expect(microphoneMessage(new MicrophoneError('This browser cannot record audio.'))).toBe(
      'Recording could not start: This browser cannot record audio.. You can still type your answer.',
    );
    expect(microphoneMessage('weird')).toBe('Recording could not start: weird. You can still type your answer.');
  });

  it('a refused microphone rejects start with the browser’s error, and nothing records', async () => {
    const media = installFakeMedia({ denied: mediaError('NotAllowedError') });
    const recorder = new AnswerRecorder();
    const error = await recorder.start(false).catch((e: unknown) => e);
    expect(microphoneMessage(error)).toMatch(/permission denied/);
    expect(media.recorders).toHaveLength(0);
    await expect(recorder.stop()).rejects.toThrow('Nothing is being recorded.');
  });

  it('a browser without getUserMedia says it cannot record audio', async () => {
    installFakeMedia({ noMediaDevices: true });
    await expect(new AnswerRecorder().start(false)).rejects.toThrow(
      new MicrophoneError('This browser cannot record audio.'),
    );
  });
});

describe('recording', () => {
  it('asks for audio only, at 32 kbit/s, in one-second chunks', async () => {
    const media = installFakeMedia();
    await new AnswerRecorder().start(false);
    expect(media.getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(media.recorders[0].options).toEqual({ audioBitsPerSecond: 32_000 });
    expect(media.recorders[0].timeslice).toBe(1000);
  });

  it('returns the audio, its type and length, and releases the microphone', async () => {
    const media = installFakeMedia();
    const recorder = new AnswerRecorder();
    expect(recorder.elapsedMs()).toBe(0);
    await recorder.start(false);
    const [mediaRecorder] = media.recorders;
    mediaRecorder.emit(new Blob(['abc']));
    mediaRecorder.emit(new Blob([])); // an empty chunk is dropped
    vi.advanceTimersByTime(2500);
    expect(recorder.elapsedMs()).toBe(2500);
    mediaRecorder.emit(new Blob(['de']));
    const done = await recorder.stop();
    expect(done.mimeType).toBe('audio/webm;codecs=opus');
    expect(done.audio.type).toBe('audio/webm;codecs=opus');
    expect(await done.audio.text()).toBe('abcde');
    expect(done.durationMs).toBe(2500);
    expect(done.transcript).toBeUndefined();
    expect(media.tracks.every((t) => t.stopped)).toBe(true);
  });

  it('calls the audio webm when the browser names no type', async () => {
    const media = installFakeMedia();
    const recorder = new AnswerRecorder();
    await recorder.start(false);
    Object.assign(media.recorders[0], { mimeType: '' });
    expect((await recorder.stop()).mimeType).toBe('audio/webm');
  });

  it('tells its owner at the ten-minute cap, not before, and not after a stop', async () => {
    installFakeMedia();
    const capReached = vi.fn();
    const recorder = new AnswerRecorder(capReached);
    await recorder.start(false);
    vi.advanceTimersByTime(MAX_RECORDING_MS - 1);
    expect(capReached).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(capReached).toHaveBeenCalledTimes(1);
    expect(MAX_RECORDING_MS).toBe(10 * 60_000);

    const second = new AnswerRecorder(capReached);
    await second.start(false);
    await second.stop();
    vi.advanceTimersByTime(MAX_RECORDING_MS);
    expect(capReached).toHaveBeenCalledTimes(1);
  });

  it('Cancel (leaving the page) stops the recorder and the microphone', async () => {
    const media = installFakeMedia();
    const capReached = vi.fn();
    const recorder = new AnswerRecorder(capReached);
    await recorder.start(false);
    recorder.cancel();
    expect(media.recorders[0].state).toBe('inactive');
    expect(media.tracks[0].stopped).toBe(true);
    vi.advanceTimersByTime(MAX_RECORDING_MS);
    expect(capReached).not.toHaveBeenCalled();
    // Cancelling twice, or before starting, is harmless.
    recorder.cancel();
    new AnswerRecorder().cancel();
  });

  it('releases the microphone when the recorder itself cannot start', async () => {
    const media = installFakeMedia();
    vi.stubGlobal(
      'MediaRecorder',
      class {
        constructor() {
          throw mediaError('NotSupportedError', 'No audio format is supported');
        }
      },
    );
    const error = await new AnswerRecorder().start(false).catch((e: unknown) => e);
    expect(microphoneMessage(error)).toBe(
      'Recording could not start: No audio format is supported. You can still type your answer.',
    );
    expect(media.tracks).toHaveLength(1);
    expect(media.tracks[0].stopped).toBe(true);
  });
});

describe('transcripts', () => {
  it('uses an on-device recogniser in the page’s language and keeps what it heard', async () => {
    installFakeMedia({ language: 'de-DE' });
    const { Recognition, created } = fakeRecognitionClass(true);
    vi.stubGlobal('SpeechRecognition', Recognition);
    const recorder = new AnswerRecorder();
    await recorder.start(true);
    const [recognition] = created;
    expect(recognition).toMatchObject({
      processLocally: true,
      continuous: true,
      interimResults: false,
      lang: 'de-DE',
      started: true,
    });
    recognition.hear('Gradient descent');
    recognition.hear('Gradient descent', ' moves against the gradient ');
    recognition.onerror?.(); // a recogniser error loses the transcript only, never the audio
    const done = await recorder.stop();
    expect(recognition.stopped).toBe(true);
    expect(done.transcript).toBe('Gradient descent  moves against the gradient');
  });

  it('never uses a recogniser that would send audio to a server', async () => {
    installFakeMedia();
    const { Recognition, created } = fakeRecognitionClass(false);
    vi.stubGlobal('SpeechRecognition', Recognition);
    await new AnswerRecorder().start(true);
    expect(created).toHaveLength(0);
  });

  it('takes no transcript unless asked', async () => {
    installFakeMedia();
    const { Recognition, created } = fakeRecognitionClass(true);
    vi.stubGlobal('SpeechRecognition', Recognition);
    await new AnswerRecorder().start(false);
    expect(created).toHaveLength(0);
  });

  it('offers transcripts only when the on-device model is available for the language', async () => {
    installFakeMedia({ language: 'fr-FR' });
    expect(await transcriptSupport()).toBe('none');

    const ready = fakeRecognitionClass(true, async () => 'available');
    vi.stubGlobal('SpeechRecognition', ready.Recognition);
    expect(await transcriptSupport()).toBe('on-device');
    expect(ready.Recognition.available).toHaveBeenCalledWith({ langs: ['fr-FR'], processLocally: true });

    for (const answer of [async () => 'downloadable', async () => Promise.reject(new Error('gone'))]) {
      vi.stubGlobal('SpeechRecognition', fakeRecognitionClass(true, answer).Recognition);
      expect(await transcriptSupport('en-US')).toBe('none');
    }
    // A server-side recogniser, or one that cannot say, does not count.
    vi.stubGlobal('SpeechRecognition', fakeRecognitionClass(false, async () => 'available').Recognition);
    expect(await transcriptSupport('en-US')).toBe('none');
    vi.stubGlobal('SpeechRecognition', fakeRecognitionClass(true).Recognition);
    expect(await transcriptSupport('en-US')).toBe('none');
  });
});
