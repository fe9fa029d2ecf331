import { describe, expect, it } from 'vitest';
import { buildModel, type ModelOptions } from '../../generator/model/build-model.js';
import type { Streaming } from '../../generator/model/types.js';
import { docWithPaths, specFrom } from './helpers.js';

const chunk = { type: 'object', properties: { delta: { type: 'string' } } };
const json = { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string' } } } } };
const streamBody = {
  content: {
    'application/json': {
      schema: { type: 'object', properties: { stream: { type: 'boolean' }, q: { type: 'string' } } },
    },
  },
};

function streamingOf(
  content: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  options: ModelOptions = {},
  openapi = '3.1.0',
) {
  const doc = docWithPaths(
    { '/x': { post: { operationId: 'op', ...extra, responses: { '200': { description: 'ok', content } } } } },
    openapi,
  );
  const model = buildModel(specFrom(doc), options);
  const op = model.operations[0]!;
  return { streaming: op.streaming, warnings: model.warnings.map((w) => `${w.code}: ${w.message}`) };
}

type Row = [
  name: string,
  content: Record<string, unknown>,
  extra: Record<string, unknown>,
  options: ModelOptions,
  expected: Partial<Streaming> | undefined,
];

const rows: Row[] = [
  [
    'SSE only: always streams',
    { 'text/event-stream': { schema: chunk } },
    {},
    {},
    { format: 'sse', contentType: 'text/event-stream' },
  ],
  ['JSONL', { 'application/jsonl': { schema: chunk } }, {}, {}, { format: 'jsonl' }],
  ['NDJSON with parameters', { 'application/x-ndjson; charset=utf-8': { schema: chunk } }, {}, {}, { format: 'jsonl' }],
  ['json-seq', { 'application/json-seq': { schema: chunk } }, {}, {}, { format: 'json-seq' }],
  ['plain JSON does not stream', json, {}, {}, undefined],
  [
    'JSON or SSE with a boolean body field stream',
    { ...json, 'text/event-stream': { schema: chunk } },
    { requestBody: streamBody },
    {},
    { format: 'sse', selector: { in: 'body', name: 'stream', value: true } },
  ],
  [
    'config false turns streaming off',
    { 'text/event-stream': { schema: chunk } },
    {},
    { operations: { op: { stream: false } } },
    undefined,
  ],
  [
    'config selector: a query parameter',
    { ...json, 'application/x-ndjson': { schema: chunk } },
    {},
    { operations: { op: { stream: { in: 'query', name: 'format', value: 'ndjson' } } } },
    { format: 'jsonl', selector: { in: 'query', name: 'format', value: 'ndjson' }, source: 'config' },
  ],
  [
    'config selector: a header defaults to the media type',
    { ...json, 'text/event-stream': { schema: chunk } },
    {},
    { operations: { op: { stream: { in: 'header', name: 'Accept' } } } },
    { selector: { in: 'header', name: 'Accept', value: 'text/event-stream' } },
  ],
];

describe('streaming detection', () => {
  for (const [name, content, extra, options, expected] of rows) {
    it(name, () => {
      const { streaming } = streamingOf(content, extra, options);
      if (expected === undefined) expect(streaming).toBeUndefined();
      else expect(streaming).toMatchObject(expected);
    });
  }

  it('JSON or a stream without a selector stays JSON and says how to declare one', () => {
    const { streaming, warnings } = streamingOf({ ...json, 'text/event-stream': { schema: chunk } });
    expect(streaming).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/stream-ambiguous: .*declare operations\["op"\]\.stream/);
  });

  it('a stream override on an operation that does not stream is a config error', () => {
    const { warnings } = streamingOf(json, {}, { operations: { op: { stream: { in: 'body', name: 'stream' } } } });
    expect(warnings.join('\n')).toMatch(/config-error: op: .*no streaming media type/);
  });

  it('the item type comes from itemSchema (3.2) before schema', () => {
    const { streaming } = streamingOf({ 'application/jsonl': { schema: { type: 'string' }, itemSchema: chunk } });
    expect(streaming?.itemSchema.kind).toBe('object');
  });

  it('an event-stream itemSchema describes the event: the item is its data contentSchema', () => {
    const event = {
      type: 'object',
      properties: {
        event: { type: 'string' },
        data: { type: 'string', contentMediaType: 'application/json', contentSchema: chunk },
      },
    };
    const { streaming } = streamingOf({ 'text/event-stream': { itemSchema: event } });
    expect(streaming?.itemSchema).toMatchObject({ kind: 'object', properties: [{ name: 'delta' }] });
  });
});
