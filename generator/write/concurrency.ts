/**
 * Bounded parallelism for filesystem work: enough requests in flight to keep
 * libuv's thread pool busy, few enough not to run out of file descriptors.
 */

/** Default number of filesystem calls in flight. */
export const FS_CONCURRENCY = 32;

/**
 * Runs `fn` over `items` with at most `limit` calls pending; results keep the
 * input order. The first rejection rejects the whole call once the calls
 * already started have settled, so no work is left running behind the caller.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  limit = FS_CONCURRENCY,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
