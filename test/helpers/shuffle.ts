/** Deterministic key shuffling of the maps in a spec whose order carries no meaning. */
/** A seeded PRNG (mulberry32), so a failure can be reproduced. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffledKeys(obj: Record<string, unknown>, rand: () => number): Record<string, unknown> {
  const keys = Object.keys(obj);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
  }
  // The order must actually change, or the test proves nothing.
  if (keys.length > 1 && keys.every((k, i) => k === Object.keys(obj)[i])) keys.reverse();
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = obj[k];
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reorders every map whose order carries no meaning: `paths`, each path item's
 * methods, each `components.*` map, `responses`, `content`, `securitySchemes`,
 * `webhooks`. Properties, parameters and enum values keep their order.
 */
export function shuffleSpec(doc: Record<string, unknown>, seed: number): Record<string, unknown> {
  const rand = rng(seed);
  const copy = structuredClone(doc);
  if (isRecord(copy['paths'])) {
    const paths = shuffledKeys(copy['paths'], rand);
    for (const [p, item] of Object.entries(paths)) {
      if (!isRecord(item)) continue;
      const methods = shuffledKeys(item, rand);
      for (const op of Object.values(methods)) {
        if (!isRecord(op)) continue;
        if (isRecord(op['responses'])) {
          op['responses'] = shuffledKeys(op['responses'], rand);
          for (const r of Object.values(op['responses'] as Record<string, unknown>)) if (isRecord(r) && isRecord(r['content'])) r['content'] = shuffledKeys(r['content'], rand);
        }
        if (isRecord(op['requestBody']) && isRecord(op['requestBody']['content'])) op['requestBody']['content'] = shuffledKeys(op['requestBody']['content'], rand);
      }
      paths[p] = methods;
    }
    copy['paths'] = paths;
  }
  if (isRecord(copy['webhooks'])) copy['webhooks'] = shuffledKeys(copy['webhooks'], rand);
  if (isRecord(copy['components'])) {
    const components = shuffledKeys(copy['components'], rand);
    for (const [k, v] of Object.entries(components)) if (isRecord(v)) components[k] = shuffledKeys(v, rand);
    copy['components'] = components;
  }
  return shuffledKeys(copy, rand);
}
