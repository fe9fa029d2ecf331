import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { readSpec, type ReadSpec } from '../../generator/load/read-spec.js';
import type { RootText, SpecRequest } from '../../generator/load/validate-worker.js';
import { fixture } from './helpers.js';

// Worker threads exist only in the build (dist/): the built spec worker must hand the main thread exactly the
// document that reading in-thread gives, whichever way it travels (a JSON root as text, parsed on this side;
// anything else as the parsed tree).
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const distDir = pathToFileURL(path.join(repoRoot, 'dist/generator')).href;
const { startSpecWorker } = (await import(
  `${distDir}/load/spec-worker.js`
)) as typeof import('../../generator/load/spec-worker.js');
const { workerChannel } = (await import(
  `${distDir}/util/worker-channel.js`
)) as typeof import('../../generator/util/worker-channel.js');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-spec-worker-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const idsYaml = readFileSync(fixture('schema-ids/ids.yaml').file, 'utf8');
const idsDocument = parseYaml(idsYaml) as unknown;

describe('the spec worker hands over the document reading in-thread gives', () => {
  it.each<[string, () => string]>([
    [
      'a strict JSON 3.1 root with $id references (text, parsed and fixed here)',
      () => write('ids.json', JSON.stringify(idsDocument, null, 2)),
    ],
    [
      'a JSON root with a comment (the loose parser, in the worker)',
      () => write('ids.jsonc', `{\n  // a comment\n${JSON.stringify(idsDocument).slice(1)}`),
    ],
    ['a YAML root (the parsed tree)', () => fixture('schema-ids/ids.yaml').file],
  ])('%s', async (_name, file) => {
    const input = file();
    const worker = startSpecWorker(input, false);
    expect(worker).toBeDefined();
    try {
      const handed = await worker!.read;
      const here = (await readSpec(input, false)).read;
      expect(handed).toEqual(here);
      expect(JSON.stringify(handed.document)).toContain('"$ref":"#/components/schemas/Details"');
    } finally {
      worker!.stop();
    }
  });

  it('a strict JSON root travels as text: the worker leaves its parsed tree out', async () => {
    const input = write('ids-text.json', JSON.stringify(idsDocument));
    const channel = workerChannel<SpecRequest, unknown>(new URL('load/validate-worker.js', `${distDir}/`));
    try {
      const text = (await channel!.request({ kind: 'text', input })) as RootText;
      const read = (await channel!.request({ kind: 'read', input, allowUnresolvedRefs: false })) as ReadSpec;
      expect(text.json).toBe(readFileSync(input, 'utf8'));
      expect(read).toMatchObject({ document: undefined, parsedByReceiver: true, declared: { family: '3.1' } });
    } finally {
      channel!.close();
    }
  });

  it('a missing file fails the same way', async () => {
    const input = path.join(tmp, 'missing.json');
    const worker = startSpecWorker(input, false);
    try {
      const [handed, here] = await Promise.allSettled([worker!.read, readSpec(input, false)]);
      expect(handed.status).toBe('rejected');
      expect((handed as PromiseRejectedResult).reason).toMatchObject({
        message: (here as PromiseRejectedResult).reason.message,
        code: 'file-not-found',
      });
    } finally {
      worker!.stop();
    }
  });
});
