/**
 * Content hashes remembered by file identity (inode, size, mtime), so a
 * no-op run does not re-read megabytes of spec and output. Kept under
 * `node_modules/.cache/apiforge`, like the formatting cache, never in the
 * committed manifest (mtimes differ on every checkout).
 *
 * A hash is trusted only when the file had been unmodified for a while when
 * it was hashed: a write in the same clock tick can keep size and mtime (the
 * "racy clean" case git also guards against). That window is 2 s on
 * filesystems with whole-second mtimes and 50 ms elsewhere.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashContent } from './manifest.js';

interface Entry {
  ino: number;
  size: number;
  mtimeMs: number;
  /** When the file was hashed (ms since epoch, taken before reading it). */
  checkedAt: number;
  hash: string;
}

const CACHE_VERSION = 1;

export interface HashCache {
  /** `sha256:<hex>` of the file's content, or undefined when it cannot be read. */
  hash(file: string): string | undefined;
  /** Writes the cache back when it changed; failures are ignored (it is only a cache). */
  save(): void;
}

function cacheFile(output: string): string {
  const id = createHash('sha1').update(path.resolve(output)).digest('hex').slice(0, 16);
  return path.resolve('node_modules', '.cache', 'apiforge', `hashes-${id}.json`);
}

function load(file: string): Map<string, Entry> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version: number; entries: Record<string, Entry> };
    return data.version === CACHE_VERSION ? new Map(Object.entries(data.entries)) : new Map();
  } catch {
    return new Map();
  }
}

/** A cache for the files one output folder's no-op check reads (its inputs and its generated files). */
export function openHashCache(output: string): HashCache {
  const file = cacheFile(output);
  const entries = load(file);
  const used = new Map<string, Entry>();
  let changed = false;
  return {
    hash(p) {
      const checkedAt = Date.now();
      let st;
      try {
        st = statSync(p);
      } catch {
        return undefined;
      }
      const known = entries.get(p);
      const racyWindow = st.mtimeMs % 1000 === 0 ? 2000 : 50;
      if (
        known &&
        known.ino === st.ino &&
        known.size === st.size &&
        known.mtimeMs === st.mtimeMs &&
        known.checkedAt - known.mtimeMs >= racyWindow
      ) {
        used.set(p, known);
        return known.hash;
      }
      let hash: string;
      try {
        hash = hashContent(readFileSync(p));
      } catch {
        return undefined;
      }
      used.set(p, { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, checkedAt, hash });
      changed = true;
      return hash;
    },
    save() {
      if (!changed && used.size === entries.size) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(used) }));
        renameSync(tmp, file);
      } catch {
        // A read-only or missing node_modules only costs speed.
      }
    },
  };
}
