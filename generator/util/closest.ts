/**
 * "Did you mean" support shared by the config validator and the template
 * engine. A 20-line Levenshtein is cheaper to own than a dependency; the
 * candidate lists are tiny (config keys, template names).
 */

/** Edit distance between two strings (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `input` (case-insensitive), or undefined when the
 * list is empty or, with `maxDistance`, when nothing is close enough.
 * Ties resolve to the alphabetically first candidate so messages are stable.
 */
export function closest(input: string, candidates: Iterable<string>, maxDistance = Infinity): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const needle = input.toLowerCase();
  for (const c of [...candidates].sort()) {
    const d = editDistance(needle, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/** ` (did you mean "x"?)`, or an empty string when nothing is reasonably close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const max = Math.max(2, Math.floor(input.length / 3));
  const hit = closest(input, candidates, max);
  return hit === undefined ? '' : ` (did you mean "${hit}"?)`;
}
