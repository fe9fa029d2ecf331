import { statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHashCache } from '../../generator/write/hash-cache.js';
import { hashContent } from '../../generator/write/manifest.js';
import { fixtureDir } from '../templates/helpers.js';

/** Rewrites `file` with same-size content and puts its mtime back: what a write in the same clock tick looks like. */
function sameTickWrite(file: string, content: string): void {
  const { atime, mtime } = statSync(file);
  writeFileSync(file, content);
  utimesSync(file, atime, mtime);
}

describe('the hash cache', () => {
  it('trusts a remembered hash only for a file that was old when it was hashed', () => {
    const dir = fixtureDir({ 'old.txt': 'aaaa', 'fresh.txt': 'aaaa' });
    const old = path.join(dir, 'old.txt');
    const fresh = path.join(dir, 'fresh.txt');
    const past = new Date(Date.now() - 60_000);
    utimesSync(old, past, past);
    const first = openHashCache(path.join(dir, 'out'));
    expect(first.hash(old)).toBe(hashContent('aaaa'));
    expect(first.hash(fresh)).toBe(hashContent('aaaa'));
    first.save();
    sameTickWrite(old, 'bbbb');
    sameTickWrite(fresh, 'bbbb');
    const second = openHashCache(path.join(dir, 'out'));
    // Identity unchanged and hashed long after its last write: the remembered hash is used (it cannot see this edit)...
    expect(second.hash(old)).toBe(hashContent('aaaa'));
    // ...but a file hashed within moments of its last write is always read again.
    expect(second.hash(fresh)).toBe(hashContent('bbbb'));
  });

  it('reads a file again when its size or mtime changed, and reports missing files', () => {
    const dir = fixtureDir({ 'a.txt': 'one' });
    const file = path.join(dir, 'a.txt');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const cache = openHashCache(path.join(dir, 'out'));
    expect(cache.hash(file)).toBe(hashContent('one'));
    cache.save();
    writeFileSync(file, 'three');
    expect(openHashCache(path.join(dir, 'out')).hash(file)).toBe(hashContent('three'));
    expect(cache.hash(path.join(dir, 'missing.txt'))).toBeUndefined();
  });
});
