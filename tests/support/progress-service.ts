/** A progress service over the in-memory store, with a channel that reaches no other tab. */
import type { ChangeChannel, ProgressChange } from '../../src/service/change-channel';
import { ProgressService } from '../../src/service/progress-service';
import { MemoryProgressRepository } from '../../src/storage/memory-progress-repository';

/** A pretend set of tabs: every channel made from one hub hears the others' posts, never its own. */
export function channelHub(): () => ChangeChannel {
  const channels = new Set<(change: ProgressChange) => void>();
  return () => {
    let mine: ((change: ProgressChange) => void) | undefined;
    return {
      post: (change) => {
        for (const listener of channels) if (listener !== mine) listener(change);
      },
      listen: (listener) => {
        mine = listener;
        channels.add(listener);
        return () => channels.delete(listener);
      },
    };
  };
}

export function memoryService(repo = new MemoryProgressRepository(), channel = channelHub()()): ProgressService {
  return new ProgressService(repo, channel);
}
