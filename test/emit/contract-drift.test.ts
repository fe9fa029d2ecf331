/**
 * Regressions where generator and runtime used to disagree: paths named after client members
 * (`/timeout`, `/logger/{id}`, `/with-options`, `/transports`) and every query `style`. The client is
 * generated, type-checked, then called against a real server.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../runtime/helpers/server.js';
import { tsFilesUnder, typeCheck } from '../helpers/typecheck.js';
import { emitDoc, repoRoot } from './helpers.js';

const ok = {
  '200': {
    description: 'ok',
    content: { 'application/json': { schema: { type: 'object', properties: { url: { type: 'string' } } } } },
  },
};
const strings = { type: 'array', items: { type: 'string' } };
const query = (name: string, style: string | undefined, explode: boolean | undefined, schema: object = strings) => ({
  name,
  in: 'query',
  schema,
  ...(style !== undefined ? { style } : {}),
  ...(explode !== undefined ? { explode } : {}),
});

const doc = {
  openapi: '3.1.0',
  info: { title: 'Drift', version: '1' },
  servers: [{ url: 'http://localhost' }],
  paths: {
    '/timeout': { get: { operationId: 'getTimeout', responses: ok } },
    '/logger/{id}': {
      get: {
        operationId: 'getLogger',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: ok,
      },
    },
    '/with-options': { post: { operationId: 'withOptions', responses: ok } },
    '/transports': { get: { operationId: 'transports', responses: ok } },
    '/search': {
      get: {
        operationId: 'search',
        parameters: [
          query('form', 'form', false),
          query('formExploded', 'form', true),
          query('space', 'spaceDelimited', false),
          query('pipe', 'pipeDelimited', false),
          query('deep', 'deepObject', true, {
            type: 'object',
            properties: { a: { type: 'string' }, b: { type: 'string' } },
          }),
          query('simple', 'simple', false),
          query('matrix', 'matrix', undefined),
          query('label', 'label', false),
          query('bogus', 'bogus', undefined),
        ],
        responses: ok,
      },
    },
  },
};

/** The part of the generated client this test calls (it is imported from a generated folder). */
interface DriftClient {
  timeout: number;
  withOptions(options: object): DriftClient;
  timeoutResource: { list(): Promise<unknown> };
  loggerResource: { retrieve(id: string): Promise<unknown> };
  withOptionsResource: { create(): Promise<unknown> };
  search: { list(params: Record<string, unknown>): Promise<{ url?: string }> };
}

const { files, model } = emitDoc(doc);
const dir = path.join(repoRoot, 'test/.tmp', `drift-${process.pid}`);

let server: TestServer;
beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.content);
  }
  server = await startServer((req, res) => json(res, 200, { url: req.url }));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('paths named after client members', () => {
  it.each([
    ['timeout', 'timeoutResource'],
    ['logger', 'loggerResource'],
    ['withOptions', 'withOptionsResource'],
    ['transports', 'transportsResource'],
  ])('/%s becomes client.%s, with a warning', (name, renamed) => {
    expect(model.root.children.map((c) => c.name)).toContain(renamed);
    expect(model.root.children.map((c) => c.name)).not.toContain(name);
    expect(
      model.warnings.some(
        (w) => w.code === 'name-collision' && w.message.startsWith(`${name} would clash with a built-in member`),
      ),
    ).toBe(true);
  });
});

describe('query styles', () => {
  it.each(['simple', 'matrix', 'label', 'bogus'])(
    'style %s on a query parameter warns and is sent as form',
    (style) => {
      const warning = model.warnings.find(
        (w) => w.code === 'invalid-query-style' && w.message.includes(`has style "${style}"`),
      );
      expect(warning?.location?.pointer).toMatch(/^#\/paths\/~1search\/get\/parameters\/\d+\/style$/);
    },
  );
});

describe('the generated client', () => {
  it('type-checks with zero errors', () => {
    const errors = typeCheck(
      tsFilesUnder(path.join(dir, 'src')),
      {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2022', 'dom'],
        types: [],
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
      },
      undefined,
      dir,
    );
    expect(errors).toEqual([]);
  }, 60_000);

  it('keeps BaseClient members working and serializes every query style', async () => {
    const { Test } = (await import(pathToFileURL(path.join(dir, 'src/index.ts')).href)) as {
      Test: new (options: object) => DriftClient;
    };
    const client = new Test({ baseURL: server.url, timeout: 5_000 });
    expect(client.timeout).toBe(5_000);
    expect(typeof client.withOptions).toBe('function');
    expect(await client.timeoutResource.list()).toEqual({ url: '/timeout' });
    expect(await client.loggerResource.retrieve('a b')).toEqual({ url: '/logger/a%20b' });
    expect(await client.withOptions({ timeout: 1_000 }).withOptionsResource.create()).toEqual({ url: '/with-options' });
    const { url } = await client.search.list({
      form: ['a', 'b'],
      formExploded: ['a', 'b'],
      space: ['a', 'b'],
      pipe: ['a', 'b'],
      deep: { a: '1', b: '2' },
      simple: ['a', 'b'],
      matrix: ['a', 'b'],
      label: ['a', 'b'],
      bogus: ['x'],
    });
    expect(url?.split('?')[1]?.split('&')).toEqual([
      'form=a,b',
      'formExploded=a',
      'formExploded=b',
      'space=a%20b',
      'pipe=a|b',
      'deep[a]=1',
      'deep[b]=2',
      'simple=a,b',
      'matrix=a',
      'matrix=b',
      'label=a,b',
      'bogus=x',
    ]);
  });
});
