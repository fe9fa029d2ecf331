interface EnvHost {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get?(name: string): string | undefined } };
}

/**
 * Reads an environment variable on Node, Bun and Deno; returns undefined in
 * browsers and edge runtimes, when access is denied, or when the value is blank.
 */
export function readEnv(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const host = globalThis as unknown as EnvHost;
  let value: string | undefined;
  try {
    value = host.process?.env?.[name];
    if (value === undefined) value = host.Deno?.env?.get?.(name);
  } catch {
    return undefined;
  }
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
