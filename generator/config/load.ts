/**
 * Finds, loads, validates and resolves `apiforge.config.{ts,mts,mjs,js,json}`.
 * TypeScript configs load through jiti, because Node 20 cannot import `.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';
import type { ClientSettings, ResolvedClientSettings } from './types.js';
import { assertValidConfig, configClients } from './validate.js';

/** File names searched in the cwd, in order of preference. */
export const CONFIG_FILE_NAMES = [
  'apiforge.config.ts',
  'apiforge.config.mts',
  'apiforge.config.mjs',
  'apiforge.config.js',
  'apiforge.config.json',
] as const;

/** A loaded, validated config with every client's paths made absolute. */
export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Every client, in file order. */
  clients: ResolvedClientSettings[];
  /** Non-fatal findings (e.g. several config files in one folder). */
  warnings: Diagnostic[];
}

/** The config file in `dir` (first of {@link CONFIG_FILE_NAMES}), plus a warning when several exist. */
export function findConfigFile(dir: string): { file?: string; warnings: Diagnostic[] } {
  const found = CONFIG_FILE_NAMES.map((n) => path.join(dir, n)).filter((f) => existsSync(f));
  const warnings: Diagnostic[] =
    found.length > 1
      ? [
          {
            code: 'config-error',
            message: `several config files found; using ${path.basename(found[0]!)} and ignoring ${found
              .slice(1)
              .map((f) => path.basename(f))
              .join(', ')}`,
            location: { file: found[0]! },
          },
        ]
      : [];
  return found[0] ? { file: found[0], warnings } : { warnings };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Reads the raw (unvalidated) value exported by a config file. */
export async function readConfigFile(file: string): Promise<unknown> {
  if (!existsSync(file)) throw new ApiforgeError('file-not-found', 'config file not found', { file });
  if (file.endsWith('.json')) {
    const text = readFileSync(file, 'utf8');
    try {
      return JSON.parse(text);
    } catch (e) {
      const msg = (e as Error).message;
      const pos = /position (\d+)/.exec(msg);
      const where = pos ? lineColumn(text, Number(pos[1])) : {};
      throw new ApiforgeError('config-error', `invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}`, {
        file,
        ...where,
      });
    }
  }
  // No module cache: watch mode re-reads the config after every edit.
  // `import { defineConfig } from 'apiforge'` must work even where apiforge is not installed next to the
  // config (npx, a global install): it resolves to the running apiforge.
  const built = fileURLToPath(new URL('../index.js', import.meta.url));
  const self = existsSync(built) ? built : built.replace(/\.js$/, '.ts');
  // Loaded only for script configs: a JSON config (and a no-op run) need not pay for jiti.
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, {
    moduleCache: false,
    fsCache: false,
    interopDefault: true,
    alias: { apiforge: self },
  });
  try {
    const mod = await jiti.import<unknown>(file);
    const value = mod && typeof mod === 'object' && 'default' in mod ? (mod as { default: unknown }).default : mod;
    return typeof value === 'function' ? await (value as () => unknown)() : value;
  } catch (e) {
    const err = e as Error;
    throw new ApiforgeError('config-error', `could not load config: ${err.message.split('\n')[0]}`, { file });
  }
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** Makes a client's paths absolute, relative to `baseDir` (the config file's folder, or the cwd). */
export function resolveClient(client: ClientSettings, baseDir: string, configFile?: string): ResolvedClientSettings {
  const resolved: ResolvedClientSettings = {
    ...client,
    configDir: baseDir,
    input: isUrl(client.input) ? client.input : path.resolve(baseDir, client.input),
    output: path.resolve(baseDir, client.output),
  };
  if (client.templates !== undefined) resolved.templates = path.resolve(baseDir, client.templates);
  if (configFile !== undefined) resolved.configFile = configFile;
  return resolved;
}

/** Loads, validates and resolves a config file. Throws `config-error` with every problem and its key path. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  const abs = path.resolve(file);
  const raw = await readConfigFile(abs);
  const config = assertValidConfig(raw, abs);
  const dir = path.dirname(abs);
  return { file: abs, clients: configClients(config).map((c) => resolveClient(c, dir, abs)), warnings: [] };
}

/** Loads `--config FILE`, or the config found in `cwd`; undefined when there is none. */
export async function loadConfigFrom(opts: { config?: string; cwd: string }): Promise<LoadedConfig | undefined> {
  if (opts.config !== undefined) return loadConfig(path.resolve(opts.cwd, opts.config));
  const found = findConfigFile(opts.cwd);
  if (!found.file) return undefined;
  const loaded = await loadConfig(found.file);
  loaded.warnings.push(...found.warnings);
  return loaded;
}
