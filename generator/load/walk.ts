/**
 * Visits every plain object in a parsed document, depth-first, without
 * recursion (specs nest deeply). `visit` returning `true` stops the walk.
 */
export function forEachObject(node: unknown, visit: (record: Record<string, unknown>) => boolean | void): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur === null || typeof cur !== 'object') continue;
    if (Array.isArray(cur)) {
      for (const item of cur) stack.push(item);
      continue;
    }
    const record = cur as Record<string, unknown>;
    if (visit(record) === true) return;
    for (const value of Object.values(record)) if (value !== null && typeof value === 'object') stack.push(value);
  }
}
