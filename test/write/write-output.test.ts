import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MANIFEST } from '../../generator/write/manifest.js';
import { writeOutput, type WriterFs } from '../../generator/write/write-output.js';
import { fixtureDir, writeFiles } from '../templates/helpers.js';
import { snapshot } from './helpers.js';

const V1 = [
  { path: 'src/index.ts', content: 'export * from "./client";\n' },
  { path: 'src/client.ts', content: 'export class C {}\n' },
  { path: 'src/resources/old.ts', content: 'old\n' },
];
const V2 = [
  { path: 'src/index.ts', content: 'export * from "./client";\n' },
  { path: 'src/client.ts', content: 'export class C { x = 1 }\n' },
  { path: 'src/resources/new.ts', content: 'new\n' },
];

async function seeded(): Promise<string> {
  const out = path.join(fixtureDir({}), 'out');
  await writeOutput(out, V1);
  writeFiles(out, { 'src/lib/custom.ts': 'mine\n', 'README.md': 'user readme\n' });
  return out;
}

describe('writeOutput', () => {
  it('writes a fresh output with a manifest', async () => {
    const out = path.join(fixtureDir({}), 'nested', 'out');
    const r = await writeOutput(out, V1);
    expect(r).toMatchObject({
      total: 3,
      written: 3,
      unchanged: 0,
      added: ['src/client.ts', 'src/index.ts', 'src/resources/old.ts'],
      upToDate: false,
    });
    const manifest = JSON.parse(readFileSync(path.join(out, OUTPUT_MANIFEST), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(['src/client.ts', 'src/index.ts', 'src/resources/old.ts']);
    expect(readdirSync(path.dirname(out))).toEqual(['out']); // no temp or backup folders left
  });

  it('writes into an existing empty folder, and then compares with what it wrote', async () => {
    const out = fixtureDir({});
    expect(await writeOutput(out, V1)).toMatchObject({ written: 3, added: V1.map((f) => f.path).sort() });
    expect(readFileSync(path.join(out, 'src/client.ts'), 'utf8')).toBe('export class C {}\n');
    expect(await writeOutput(out, V1)).toMatchObject({ written: 0, unchanged: 3, upToDate: true });
  });

  it('skips unchanged files (their mtime does not move)', async () => {
    const out = await seeded();
    const before = statSync(path.join(out, 'src/index.ts')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const r = await writeOutput(out, V2);
    expect(r).toMatchObject({
      written: 2,
      unchanged: 1,
      added: ['src/resources/new.ts'],
      changed: ['src/client.ts'],
      removed: ['src/resources/old.ts'],
    });
    expect(statSync(path.join(out, 'src/index.ts')).mtimeMs).toBe(before);
    const again = await writeOutput(out, V2);
    expect(again).toMatchObject({ written: 0, unchanged: 3, upToDate: true });
  });

  it('removes stale files only if the manifest lists them; src/lib and user files are untouched', async () => {
    const out = await seeded();
    writeFiles(out, { 'src/resources/handwritten.ts': 'keep\n' });
    await writeOutput(out, V2);
    const snap = snapshot(out);
    expect(snap['src/resources/old.ts']).toBeUndefined();
    expect(snap['src/resources/handwritten.ts']).toBe('keep\n');
    expect(snap['src/lib/custom.ts']).toBe('mine\n');
    expect(snap['README.md']).toBe('user readme\n');
  });

  it('never removes src/lib files even if a manifest lists them, nor paths outside the output', async () => {
    const root = fixtureDir({ 'outside.txt': 'x\n' });
    const out = path.join(root, 'out');
    writeFiles(out, {
      'src/lib/custom.ts': 'mine\n',
      [OUTPUT_MANIFEST]: JSON.stringify({
        version: 1,
        generator: 'apiforge',
        files: { 'src/lib/custom.ts': 'sha256:0', '../outside.txt': 'sha256:0' },
      }),
    });
    const r = await writeOutput(out, V1);
    expect(r.removed).toEqual([]);
    expect(r.warnings[0]!.message).toContain('unsafe manifest entry "../outside.txt"');
    expect(readFileSync(path.join(out, 'src/lib/custom.ts'), 'utf8')).toBe('mine\n');
    expect(existsSync(path.join(root, 'outside.txt'))).toBe(true);
  });

  it('rejects generated paths that escape the output or target src/lib', async () => {
    const out = fixtureDir({});
    await expect(writeOutput(out, [{ path: '../x.ts', content: '' }])).rejects.toThrow('not a relative POSIX path');
    await expect(writeOutput(out, [{ path: 'src/lib/x.ts', content: '' }])).rejects.toThrow(
      'reserved for hand-written code',
    );
    await expect(
      writeOutput(out, [
        { path: 'a.ts', content: '' },
        { path: 'a.ts', content: '' },
      ]),
    ).rejects.toThrow('generated twice');
  });

  it('check mode writes nothing and lists what would change, including hand edits', async () => {
    const out = await seeded();
    writeFileSync(path.join(out, 'src/index.ts'), '// edited\n');
    const before = snapshot(out);
    const r = await writeOutput(out, V2, { check: true });
    expect(r).toMatchObject({
      written: 0,
      added: ['src/resources/new.ts'],
      changed: ['src/client.ts', 'src/index.ts'],
      removed: ['src/resources/old.ts'],
      editedByHand: ['src/index.ts'],
      upToDate: false,
    });
    expect(snapshot(out)).toEqual(before);
    expect((await writeOutput(path.join(fixtureDir({}), 'none'), [], { check: true })).upToDate).toBe(true);
  });

  it('a hand edit that equals the new content is not reported as overwritten', async () => {
    const out = await seeded();
    const next = V2.find((f) => f.path === 'src/index.ts')!;
    writeFileSync(path.join(out, 'src/index.ts'), next.content);
    const r = await writeOutput(out, V2, { check: true });
    expect(r.editedByHand).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'a failure at rename #%i leaves the previous output byte-for-byte intact',
    async (failAt) => {
      const out = await seeded();
      const before = snapshot(out);
      let renames = 0;
      const failing: WriterFs = {
        readFile: (p) => nodeFs.readFile(p),
        writeFile: (p, d) => nodeFs.writeFile(p, d),
        mkdir: (p, o) => nodeFs.mkdir(p, o),
        rm: (p, o) => nodeFs.rm(p, o),
        rmdir: (p) => nodeFs.rmdir(p),
        rename: async (a, b) => {
          if (++renames === failAt) throw new Error('injected failure');
          await nodeFs.rename(a, b);
        },
      };
      await expect(writeOutput(out, V2, { fs: failing })).rejects.toMatchObject({
        code: 'generation-error',
        message: expect.stringContaining('rolled back: injected failure'),
      });
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(path.dirname(out)).sort()).toEqual(['out']);
    },
  );

  it('a failure while staging leaves the output intact', async () => {
    const out = await seeded();
    const before = snapshot(out);
    let writes = 0;
    const failing: WriterFs = {
      readFile: (p) => nodeFs.readFile(p),
      writeFile: async (p, d) => {
        if (++writes === 2) throw new Error('disk full');
        await nodeFs.writeFile(p, d);
      },
      mkdir: (p, o) => nodeFs.mkdir(p, o),
      rm: (p, o) => nodeFs.rm(p, o),
      rmdir: (p) => nodeFs.rmdir(p),
      rename: (a, b) => nodeFs.rename(a, b),
    };
    await expect(writeOutput(out, V2, { fs: failing })).rejects.toThrow('disk full');
    expect(snapshot(out)).toEqual(before);
  });

  it('a failed first run leaves no output folder behind', async () => {
    const out = path.join(fixtureDir({}), 'fresh', 'out');
    let renames = 0;
    const failing: WriterFs = {
      readFile: (p) => nodeFs.readFile(p),
      writeFile: (p, d) => nodeFs.writeFile(p, d),
      mkdir: (p, o) => nodeFs.mkdir(p, o),
      rm: (p, o) => nodeFs.rm(p, o),
      rmdir: (p) => nodeFs.rmdir(p),
      rename: async (a, b) => {
        if (++renames === 3) throw new Error('boom');
        await nodeFs.rename(a, b);
      },
    };
    await expect(writeOutput(out, V1, { fs: failing })).rejects.toThrow('boom');
    expect(existsSync(out)).toBe(false);
  });
});
