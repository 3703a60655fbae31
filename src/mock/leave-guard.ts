/**
 * "Are you sure you want to leave?" for screens where leaving costs something (a running strict
 * mock, whose clock keeps running). The screen raises the guard; the site's navigation asks
 * before it follows a link. Kept free of imports so the app shell can read it without loading
 * the mock's code.
 */

export interface LeaveGuard {
  title: string;
  message: string;
}

let active: LeaveGuard | undefined;

/** Raises the guard until the returned function is called (e.g. an effect's clean-up). */
export function guardLeaving(guard: LeaveGuard): () => void {
  active = guard;
  return () => {
    if (active === guard) active = undefined;
  };
}

/** The guard in force, if any, at the moment a link is followed. */
export function currentLeaveGuard(): LeaveGuard | undefined {
  return active;
}
