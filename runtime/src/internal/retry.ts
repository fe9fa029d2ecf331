import type { Headers } from '../core/platform.js';
/** Longest delay honoured from `retry-after` / `retry-after-ms`. */
export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_RETRY_DELAY_S = 0.5;
const MAX_RETRY_DELAY_S = 8;

/** Whether a response should be retried: `x-should-retry` wins, else 408, 409, 429 and >= 500. */
export function shouldRetryResponse(response: { status: number; headers: Headers }): boolean {
  const override = response.headers.get('x-should-retry')?.trim().toLowerCase();
  if (override === 'true') return true;
  if (override === 'false') return false;
  const { status } = response;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Delay asked for by the server (`retry-after-ms`, then `retry-after` in seconds or as an HTTP date), capped. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value)) return clamp(value);
  }
  const after = headers.get('retry-after');
  if (after !== null && after.trim() !== '') {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) return clamp(seconds * 1000);
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return clamp(date - now);
  }
  return undefined;
}

function clamp(ms: number): number {
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

/**
 * Delay before retry number `retry` (0 = first retry): the server's
 * `retry-after*` if present, else `min(0.5 * 2^retry, 8)` s minus up to 25 % jitter.
 */
export function retryDelayMs(
  retry: number,
  headers?: Headers,
  random: () => number = Math.random,
  now?: number,
): number {
  const fromServer = retryAfterMs(headers, now);
  if (fromServer !== undefined) return fromServer;
  const base = Math.min(INITIAL_RETRY_DELAY_S * Math.pow(2, retry), MAX_RETRY_DELAY_S);
  const jitter = 1 - random() * 0.25;
  return base * jitter * 1000;
}
