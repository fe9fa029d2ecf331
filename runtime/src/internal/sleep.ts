import { platform, type AbortController, type AbortSignal, type Platform, type TimerHandle } from '../core/platform.js';
import { APIUserAbortError } from '../core/error.js';

/** Resolves after `ms`; rejects with APIUserAbortError (and clears the timer) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError());
      return;
    }
    const onAbort = (): void => {
      platform.clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = platform.setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// Deadlines: every in-flight attempt registers its deadline here, and one shared timer wakes up
// for the earliest one. With the usual single timeout value, deadlines arrive in order, so a
// request costs a Set insert and delete instead of a setTimeout / clearTimeout pair (or two).
// The timer only exists while some deadline is pending, so it never keeps a process alive.

interface Deadline {
  at: number;
  expire(): void;
}

const MAX_DELAY = 0x7fffffff;
const pending = new Set<Deadline>();
let timer: TimerHandle | undefined;
let timerAt = Infinity;
let clearTimer: Platform['clearTimeout'] = platform.clearTimeout;

function arm(at: number): void {
  if (timer !== undefined) clearTimer(timer);
  // Captured per timer, so fake timers installed later never get a real handle (or vice versa).
  clearTimer = platform.clearTimeout;
  timerAt = at;
  timer = platform.setTimeout(tick, Math.min(MAX_DELAY, Math.max(0, at - Date.now())));
}

function tick(): void {
  timer = undefined;
  timerAt = Infinity;
  const now = Date.now();
  let next = Infinity;
  for (const deadline of pending) {
    if (deadline.at <= now) {
      pending.delete(deadline);
      deadline.expire();
    } else if (deadline.at < next) {
      next = deadline.at;
    }
  }
  if (next < timerAt) arm(next);
}

function watch(deadline: Deadline): void {
  pending.add(deadline);
  if (deadline.at < timerAt) arm(deadline.at);
}

function unwatch(deadline: Deadline): void {
  if (pending.delete(deadline) && pending.size === 0 && timer !== undefined) {
    clearTimer(timer);
    timer = undefined;
    timerAt = Infinity;
  }
}

/**
 * One attempt's abort controller: aborts after `timeout` ms or when the caller's
 * signal aborts. `release()` drops the deadline and unlinks the caller's signal.
 * Pass the same `controller` again to put a second phase (the body read) under a fresh timeout.
 */
export class AttemptController implements Deadline {
  readonly at: number;
  readonly controller: AbortController;
  private readonly userSignal: AbortSignal | null | undefined;
  private expired = false;
  private onUserAbort: (() => void) | undefined;

  constructor(
    timeout: number,
    userSignal: AbortSignal | null | undefined,
    controller: AbortController = new platform.AbortController(),
  ) {
    this.controller = controller;
    this.userSignal = userSignal;
    this.at = Date.now() + Math.max(0, timeout);
    if (userSignal?.aborted) {
      controller.abort(userSignal.reason);
    } else if (userSignal) {
      this.onUserAbort = () => controller.abort(userSignal.reason);
      userSignal.addEventListener('abort', this.onUserAbort, { once: true });
    }
    watch(this);
  }

  /** Called by the scheduler when the deadline passes. */
  expire(): void {
    this.expired = true;
    this.controller.abort();
  }

  timedOut(): boolean {
    return this.expired;
  }

  release(): void {
    unwatch(this);
    if (this.onUserAbort) this.userSignal?.removeEventListener('abort', this.onUserAbort);
  }
}
