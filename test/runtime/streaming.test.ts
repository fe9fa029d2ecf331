import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import * as Errors from '../../runtime/src/core/error.js';
import { Stream } from '../../runtime/src/core/streaming.js';
import type { OperationSpec } from '../../runtime/src/core/types.js';
import { Acme } from './fixtures/acme-client.js';
import { captureLogger, json, startServer, type TestServer } from './helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Chunk {
  id: string;
  choices: Array<{ delta: { content?: string } }>;
}

const chatSpec: OperationSpec = {
  method: 'post',
  path: '/chat/completions',
  body: { encoding: 'json', contentType: 'application/json', mode: 'fields' },
  stream: { format: 'sse', selector: { in: 'body', name: 'stream' } },
};
const logsSpec: OperationSpec = { method: 'get', path: '/logs', stream: { format: 'jsonl' } };

const client = (opts: Record<string, unknown> = {}) =>
  new Acme({ apiKey: 'k', baseURL: server!.url, maxRetries: 0, ...opts });
const chat = (
  params: Record<string, unknown>,
  opts: Record<string, unknown> = {},
  clientOpts: Record<string, unknown> = {},
) => client(clientOpts).ops.call<Stream<Chunk>>(chatSpec, params, opts);

const tick = () => new Promise((resolve) => setImmediate(resolve));

function sseHead(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
}

/** Writes `words` as chat-completion chunks, one write per event, then `[DONE]`. */
async function writeChat(res: ServerResponse, words: string[], done = true): Promise<void> {
  sseHead(res);
  for (const [i, word] of words.entries()) {
    res.write(`data: ${JSON.stringify({ id: `c${i}`, choices: [{ delta: { content: word } }] })}\n\n`);
    await tick();
  }
  if (done) res.write('data: [DONE]\n\n');
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** Resolves when the server sees the client close the response's connection. */
function closed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.on('close', () => resolve()));
}

describe('streaming responses', () => {
  it('streams a chat completion and stops at [DONE]; the same operation returns JSON without stream', async () => {
    server = await startServer(async (req, res) => {
      const body = JSON.parse(req.text) as { stream?: boolean };
      if (!body.stream) return json(res, 200, { id: 'c', choices: [{ message: { content: 'Hello world' } }] });
      await writeChat(res, ['Hel', 'lo', ' wor', 'ld']);
      res.write('data: {"id":"after-done","choices":[]}\n\n');
      res.end();
    });
    const stream = await chat({ model: 'm', stream: true });
    expect(stream).toBeInstanceOf(Stream);
    const text = (await collect(stream)).map((c) => c.choices[0]?.delta.content).join('');
    expect(text).toBe('Hello world');
    expect(server.requests[0]!.headers['accept']).toBe('text/event-stream');

    const completion = await client().ops.call<{ choices: unknown[] }>(chatSpec, { model: 'm' });
    expect(completion.choices).toHaveLength(1);
    expect(server.requests[1]!.headers['accept']).toBe('application/json');
  });

  it('an error event throws a typed APIError from the loop, after the earlier items', async () => {
    server = await startServer(async (_req, res) => {
      await writeChat(res, ['a', 'b'], false);
      res.end('event: error\ndata: {"error":{"message":"overloaded","status":429}}\n\n');
    });
    const seen: string[] = [];
    const err = await (async () => {
      for await (const chunk of await chat({ stream: true })) seen.push(chunk.choices[0]!.delta.content!);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a', 'b']);
    expect(err).toBeInstanceOf(Errors.RateLimitError);
    expect((err as Errors.APIError).message).toContain('overloaded');
  });

  it('an error payload in a data event throws APIError', async () => {
    server = await startServer(async (_req, res) => {
      sseHead(res);
      res.end('data: {"error":{"message":"bad things","type":"server_error"}}\n\n');
    });
    const err = await collect(await chat({ stream: true })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Errors.APIError);
    expect((err as Errors.APIError).status).toBeUndefined();
    expect((err as Errors.APIError).error).toEqual({ error: { message: 'bad things', type: 'server_error' } });
  });

  it('stream.controller.abort() after N events ends the loop quietly and closes the connection', async () => {
    let connectionClosed: Promise<void> | undefined;
    server = await startServer(async (_req, res) => {
      connectionClosed = closed(res);
      await writeChat(
        res,
        Array.from({ length: 1000 }, (_, i) => `w${i}`),
        false,
      );
    });
    const stream = await chat({ stream: true });
    const seen: Chunk[] = [];
    for await (const chunk of stream) {
      seen.push(chunk);
      if (seen.length === 3) stream.controller.abort();
    }
    expect(seen).toHaveLength(3);
    await connectionClosed;
  });

  it('breaking out of for await cancels the body', async () => {
    let connectionClosed: Promise<void> | undefined;
    server = await startServer(async (_req, res) => {
      connectionClosed = closed(res);
      await writeChat(res, ['a', 'b', 'c'], false); // then stays open
    });
    const stream = await chat({ stream: true });
    for await (const chunk of stream) if (chunk.id === 'c1') break;
    await connectionClosed;
    expect(stream.controller.signal.aborted).toBe(true);
  });

  it('the per-call signal aborts mid-stream with APIUserAbortError', async () => {
    server = await startServer(async (_req, res) => {
      await writeChat(res, ['a', 'b', 'c'], false);
    });
    const user = new AbortController();
    const seen: Chunk[] = [];
    const err = await (async () => {
      for await (const chunk of await chat({ stream: true }, { signal: user.signal })) {
        seen.push(chunk);
        if (seen.length === 2) user.abort();
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Errors.APIUserAbortError);
    expect(seen).toHaveLength(2);
  });

  it('a stalling server fails after the idle timeout (off by default)', async () => {
    server = await startServer(async (_req, res) => {
      await writeChat(res, ['a', 'b'], false); // then stalls
    });
    const seen: Chunk[] = [];
    const err = await (async () => {
      for await (const chunk of await chat({ stream: true }, { idleTimeout: 50 })) seen.push(chunk);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Errors.APIConnectionTimeoutError);
    expect(seen).toHaveLength(2);
  });

  it('the request timeout covers the wait for headers, and that wait is retried', async () => {
    server = await startServer(async (req, res) => {
      if (req.index === 0) return; // never answers
      await writeChat(res, ['ok']);
      res.end();
    });
    const stream = await chat({ stream: true }, { timeout: 100, maxRetries: 1 });
    expect(await collect(stream)).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it('a retryable status before the first byte is retried', async () => {
    server = await startServer(async (req, res) => {
      if (req.index === 0) return json(res, 503, { message: 'busy' }, { 'retry-after-ms': '1' });
      await writeChat(res, ['x']);
      res.end();
    });
    expect(await collect(await chat({ stream: true }, { maxRetries: 2 }))).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it('a dropped connection mid-stream throws APIConnectionError and is not retried', async () => {
    server = await startServer(async (_req, res) => {
      await writeChat(res, ['a', 'b'], false);
      await tick();
      res.socket?.destroy();
    });
    const seen: Chunk[] = [];
    const err = await (async () => {
      for await (const chunk of await chat({ stream: true }, { maxRetries: 3 })) seen.push(chunk);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Errors.APIConnectionError);
    expect(err).not.toBeInstanceOf(Errors.APIConnectionTimeoutError);
    expect(seen).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
  });

  it('JSONL streams without a selector always stream', async () => {
    server = await startServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write('{"line":1}\n{"li');
      await tick();
      res.end('ne":2}\n\n{"line":3}');
    });
    const lines = await collect(await client().ops.call<Stream<{ line: number }>>(logsSpec));
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(server.requests[0]!.headers['accept']).toContain('application/x-ndjson');
  });

  it('tee() gives two independent readers; a stream can be read only once', async () => {
    server = await startServer(async (_req, res) => {
      await writeChat(res, ['a', 'b', 'c']);
      res.end();
    });
    const stream = await chat({ stream: true });
    const [left, right] = stream.tee();
    const [a, b] = await Promise.all([collect(left), collect(right)]);
    expect(a.map((c) => c.id)).toEqual(['c0', 'c1', 'c2']);
    expect(b).toEqual(a);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/already been read/);
  });

  it('toReadableStream() and Stream.fromReadableStream() round-trip the items', async () => {
    server = await startServer(async (_req, res) => {
      await writeChat(res, ['a', 'b']);
      res.end();
    });
    const stream = await chat({ stream: true });
    const copy = Stream.fromReadableStream<Chunk>(stream.toReadableStream());
    expect((await collect(copy)).map((c) => c.choices[0]!.delta.content)).toEqual(['a', 'b']);
  });

  it('logs the stream opening and the event count, never the content', async () => {
    server = await startServer(async (_req, res) => {
      await writeChat(res, ['secret-1', 'secret-2', 'secret-3']);
      res.end();
    });
    const log = captureLogger();
    await collect(await chat({ stream: true }, {}, { logLevel: 'info', logger: log.logger }));
    const text = log.text();
    expect(text).toMatch(/stream opened \(sse, status 200\)/);
    expect(text).toMatch(/stream ended after 3 events/);
    expect(text).not.toContain('secret');
  });
});
