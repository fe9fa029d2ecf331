/**
 * The no-op fast path. A run's inputs are hashed into the manifest
 * (`inputs`); when the next run hashes the same and every generated file on
 * disk still has its recorded hash, `generate` and `check` are done without
 * loading, modelling or emitting. This module imports only node built-ins
 * (and the writer's own small modules), so taking the fast path never loads
 * ts-morph, prettier or handlebars.
 *
 * Inputs: the spec and every `$ref`'d file (as the loader reported them),
 * the template files the engine used plus everything in the overrides
 * folder, prettier config files the formatter could pick up, the client's
 * resolved settings, and apiforge itself (version, a hash of its own code
 * and of the files it ships, and its dependencies' versions).
 * A URL input is never fast-pathed: only a fetch could tell whether it changed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedClientSettings } from '../config/types.js';
import { packageRoot } from '../util/package-root.js';
import { defaultFs } from './fs.js';
import { readJournal } from './journal.js';
import { openHashCache, type HashCache } from './hash-cache.js';
import { hashContent, readOutputManifest, type InputsRecord } from './manifest.js';

/** The content hash of `file`, or undefined when it cannot be read. */
function hashFile(file: string): string | undefined {
  try {
    return hashContent(readFileSync(file));
  } catch {
    return undefined;
  }
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);
const toPosix = (p: string): string => p.split(path.sep).join('/');

const PACKAGE_ROOT = packageRoot();
/** Shipped files that are not inputs of generation. */
const NOT_GENERATOR_INPUTS = new Set(['bin', 'dist', 'docs', 'LICENSE']);
/** The running code: `dist/generator/` when built, `generator/` under the test runner. */
const CODE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files under `dir` (absolute, sorted; `dir` itself if it is a file), skipping dot-folders, `node_modules`,
 * type declarations and source maps. */
function listFiles(dir: string): string[] {
  const found: string[] = [];
  const visit = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      // `package.json` `files` may name a file rather than a folder.
      if ((e as NodeJS.ErrnoException).code === 'ENOTDIR' && d === dir) found.push(d);
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') visit(abs);
      } else if (!/\.(d\.[cm]?ts|map|tsbuildinfo)$/.test(e.name)) found.push(abs);
    }
  };
  visit(dir);
  return found;
}

/** Installed version of dependency `name`, found the way Node resolves bare imports from the package. */
function dependencyVersion(name: string): string {
  for (let dir = PACKAGE_ROOT; ; dir = path.dirname(dir)) {
    try {
      return (
        JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
      ).version;
    } catch {
      if (path.dirname(dir) === dir) return 'missing';
    }
  }
}

let apiforgeIdentity: string | undefined;

/**
 * apiforge's identity: `<version> sha256:…` over its own code, the files it
 * ships (package.json `files`) and its dependencies' versions. Computed once per process.
 */
export function apiforgeFingerprint(): string {
  if (apiforgeIdentity !== undefined) return apiforgeIdentity;
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
    files?: string[];
    dependencies?: Record<string, string>;
  };
  const h = createHash('sha256');
  const roots = new Set([
    CODE_ROOT,
    // The built folder counts only as the running code (stale files from other builds must not change the hash),
    // and docs or the licence cannot change what is generated.
    ...(pkg.files ?? []).filter((f) => !NOT_GENERATOR_INPUTS.has(f)).map((f) => path.join(PACKAGE_ROOT, f)),
  ]);
  for (const root of [...roots].sort()) {
    for (const file of listFiles(root))
      h.update(`${toPosix(path.relative(PACKAGE_ROOT, file))}\0`)
        .update(readFileSync(file))
        .update('\0');
  }
  for (const dep of Object.keys(pkg.dependencies ?? {}).sort()) h.update(`${dep}@${dependencyVersion(dep)}\0`);
  apiforgeIdentity = `${pkg.version} sha256:${h.digest('hex')}`;
  return apiforgeIdentity;
}

/** File names prettier reads its config from (and package.json when it has a `prettier` key). */
const PRETTIER_CONFIG =
  /^(\.prettierrc(\.(json|json5|ya?ml|toml|[cm]?[jt]s))?|prettier\.config\.[cm]?[jt]s|package\.yaml)$/;

function hasPrettierKey(packageJson: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<string, unknown>;
    return pkg.prettier !== undefined;
  } catch {
    return false;
  }
}

/** Prettier config files in the folders it searches for the output's sources. */
function prettierConfigFiles(output: string): string[] {
  const found: string[] = [];
  for (let dir = path.join(output, 'src'); ; dir = path.dirname(dir)) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // The folder does not exist yet.
    }
    for (const name of names.sort()) {
      const file = path.join(dir, name);
      if (PRETTIER_CONFIG.test(name)) found.push(file);
      else if (name === 'package.json' && hasPrettierKey(file)) found.push(file);
    }
    if (path.dirname(dir) === dir) return found;
  }
}

/** JSON with object keys sorted, so equal settings always hash equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** The settings with their absolute paths made relative to the output, so the hash is the same on every machine. */
function configHash(settings: ResolvedClientSettings): string {
  const rel = (p: string | undefined): string | undefined =>
    p === undefined || isUrl(p) ? p : toPosix(path.relative(settings.output, p)) || '.';
  const portable = {
    ...settings,
    configDir: rel(settings.configDir),
    input: rel(settings.input),
    output: '.',
    templates: rel(settings.templates),
    configFile: rel(settings.configFile),
  };
  return hashContent(stableJson(portable));
}

/** What a run used, as the pipeline reports it. */
export interface RunInputs {
  /** The spec and every `$ref`'d file. */
  sourceFiles: readonly string[];
  /** Template files rendered (built-in and override). */
  templateFiles: readonly string[];
  clientName?: string;
}

/**
 * Hashes a run's inputs. Undefined when one of them is a URL or cannot be
 * read (such a run is never fast-pathed). `apiforge` is {@link apiforgeFingerprint} (tests pass their own).
 */
export async function fingerprintInputs(
  settings: ResolvedClientSettings,
  used: RunInputs,
  apiforge: string,
  cache?: HashCache,
): Promise<InputsRecord | undefined> {
  if ([settings.input, ...used.sourceFiles].some(isUrl)) return undefined;
  const absolute = new Set([
    settings.input,
    ...used.sourceFiles,
    ...used.templateFiles,
    ...prettierConfigFiles(settings.output),
  ]);
  if (settings.templates !== undefined) for (const f of listFiles(settings.templates)) absolute.add(f);
  const sorted = [...absolute]
    .map((f) => ({ f, rel: toPosix(path.relative(settings.output, f)) }))
    .sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const hashes = sorted.map(({ f }) => (cache ? cache.hash(f) : hashFile(f)));
  if (hashes.some((h) => h === undefined)) return undefined;
  const files = Object.fromEntries(sorted.map(({ rel }, i) => [rel, hashes[i]!]));
  const config = configHash(settings);
  const hash = hashContent(stableJson({ apiforge, config, files }));
  return { hash, apiforge, config, files, ...(used.clientName !== undefined ? { clientName: used.clientName } : {}) };
}

/** Splits a recorded input list back into what {@link fingerprintInputs} takes. */
function recordedInputs(settings: ResolvedClientSettings, record: InputsRecord): RunInputs {
  const files = Object.keys(record.files).map((rel) => path.resolve(settings.output, rel));
  // Which recorded file was a template does not matter: every one is hashed again the same way.
  return {
    sourceFiles: files,
    templateFiles: [],
    ...(record.clientName !== undefined ? { clientName: record.clientName } : {}),
  };
}

export type NoOpCheck =
  | { hit: true; total: number; clientName?: string; sourceFiles: string[]; inputs: InputsRecord }
  /** `inputs` are the current hashes of the recorded inputs, to tell whether they changed during the run. */
  | { hit: false; reason: string; inputs?: InputsRecord };

/** Whether the output is already what a run would produce, judged from the manifest alone. */
export async function checkNoOp(settings: ResolvedClientSettings, apiforge: string): Promise<NoOpCheck> {
  if (isUrl(settings.input)) return { hit: false, reason: 'the spec is a URL' };
  const out = path.resolve(settings.output);
  const manifest = await readOutputManifest(out);
  if (!manifest.inputs) {
    const first = await fingerprintInputs(settings, { sourceFiles: [], templateFiles: [] }, apiforge);
    return { hit: false, reason: 'the manifest records no inputs', ...(first ? { inputs: first } : {}) };
  }
  const cache = openHashCache(out);
  try {
    return await compare(settings, manifest.inputs, manifest.files, apiforge, cache);
  } finally {
    cache.save();
  }
}

/** Hashes the recorded inputs, then (only if they match) the generated files. */
async function compare(
  settings: ResolvedClientSettings,
  recorded: InputsRecord,
  generated: Map<string, string>,
  apiforge: string,
  cache: HashCache,
): Promise<NoOpCheck> {
  const out = path.resolve(settings.output);
  const now = await fingerprintInputs(settings, recordedInputs(settings, recorded), apiforge, cache);
  if (!now) return { hit: false, reason: 'an input is missing' };
  if (now.hash !== recorded.hash) return { hit: false, reason: changedPart(recorded, now), inputs: now };
  if (await readJournal(defaultFs, out)) return { hit: false, reason: 'a write was interrupted', inputs: now };
  const paths = [...generated.keys()];
  const differs = paths.findIndex((p) => cache.hash(path.join(out, p)) !== generated.get(p));
  if (differs >= 0) return { hit: false, reason: `${paths[differs]} differs from the manifest`, inputs: now };
  const sourceFiles = Object.keys(recorded.files).map((rel) => path.resolve(out, rel));
  return {
    hit: true,
    total: paths.length,
    sourceFiles,
    inputs: now,
    ...(now.clientName !== undefined ? { clientName: now.clientName } : {}),
  };
}

function changedPart(was: InputsRecord, now: InputsRecord): string {
  if (was.apiforge !== now.apiforge) return 'apiforge changed';
  if (was.config !== now.config) return 'the config changed';
  const changed = Object.keys({ ...was.files, ...now.files })
    .sort()
    .find((f) => was.files[f] !== now.files[f]);
  return changed !== undefined ? `${changed} changed` : 'the inputs changed';
}

/**
 * The inputs to record after a full run, or undefined when an input changed
 * while the run read it (its output may not match either version).
 */
export function settledInputs(
  before: InputsRecord | undefined,
  after: InputsRecord | undefined,
): InputsRecord | undefined {
  if (!after || !before) return after;
  const raced = Object.keys(after.files).some(
    (f) => before.files[f] !== undefined && before.files[f] !== after.files[f],
  );
  return raced ? undefined : after;
}
