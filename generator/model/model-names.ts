import type { ModelOverride } from '../config/types.js';
import type { DiagnosticBag } from '../diagnostics.js';
import { NameAllocator, toTypeName } from './naming.js';
import type { NamedSchema } from './types.js';

/**
 * Gives every component schema its TypeScript name. Names from the `models` config claim first, so renaming
 * `Subscription` to `SubscriptionData` frees `Subscription` for the schema configured to take it; the rest follow
 * in the order given (exact-case keys first). Aliases are claimed last, after every schema has its name.
 */
export function nameSchemas(
  ordered: NamedSchema[],
  models: Record<string, ModelOverride>,
  allocator: NameAllocator,
  bag: DiagnosticBag,
  file: string,
): void {
  // Own keys only: a schema named `constructor` must not find `Object.prototype.constructor`.
  const overrideOf = (key: string): ModelOverride | undefined => (Object.hasOwn(models, key) ? models[key] : undefined);
  const keys = new Set(ordered.map((s) => s.key));
  for (const key of Object.keys(models).sort()) {
    if (!keys.has(key)) bag.warn('config-error', `models.${key}: no component schema has that key`, { file });
  }
  const configured = ordered.filter((s) => overrideOf(s.key)?.name !== undefined);
  for (const s of configured) s.typeName = claimExact(allocator, overrideOf(s.key)?.name ?? s.key, bag, file, s.key);
  for (const s of ordered) {
    if (s.typeName === '') s.typeName = allocator.claim(toTypeName(s.key.split('@')[0] ?? 'Schema', 'Schema'));
  }
  for (const s of ordered) {
    const override = overrideOf(s.key);
    if (!override) continue;
    if (override.resource !== undefined) s.resource = override.resource;
    const aliases = (override.aliases ?? []).map((a) => ({
      name: claimExact(allocator, a.name, bag, file, s.key),
      ...(a.resource !== undefined ? { resource: a.resource } : {}),
    }));
    if (aliases.length > 0) s.aliases = aliases;
  }
}

/** A configured name is used as written; when it is already taken the numbered fallback is used and reported. */
function claimExact(allocator: NameAllocator, name: string, bag: DiagnosticBag, file: string, key: string): string {
  const claimed = allocator.claim(toTypeName(name, 'Schema'));
  if (claimed !== name)
    bag.warn('name-collision', `models.${key}: ${name} is taken; the type is named ${claimed}`, { file });
  return claimed;
}
