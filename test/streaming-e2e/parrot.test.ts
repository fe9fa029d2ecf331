/**
 * The client generated from the Parrot fixture (chat completions with SSE, NDJSON logs,
 * multipart and byte uploads) against a loopback server: the streaming overload, the JSON
 * form of the same operation, a JSONL stream and an upload parsed by the platform's formData().
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsFilesUnder, typeCheck } from '../helpers/typecheck.js';
import { generateAndImport, repoRoot } from '../pagination-e2e/helpers/generate.js';
import { json, startServer, type Recorded, type TestServer } from '../runtime/helpers/server.js';

const spec = path.join(repoRoot, 'test/fixtures/streaming/openapi.yaml');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let mod: any;
let cleanup: () => void = () => {};
let output = '';
let server: TestServer;

async function formOf(req: Recorded): Promise<FormData> {
  const request = new Request('http://x/', {
    method: 'POST',
    headers: { 'content-type': String(req.headers['content-type']) },
    body: new Uint8Array(req.body),
  });
  return request.formData();
}

function chat(req: Recorded, res: ServerResponse): void {
  const body = JSON.parse(req.text) as { stream?: boolean };
  if (!body.stream) {
    return json(res, 200, {
      id: 'cc',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi there' } }],
    });
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const [i, content] of ['Hi', ' there'].entries()) {
    res.write(
      `data: ${JSON.stringify({ id: 'cc', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`,
    );
    if (i === 0) res.write(': keep-alive\n\n');
  }
  res.end('data: [DONE]\n\n');
}

beforeAll(async () => {
  ({ mod, cleanup, output } = await generateAndImport(spec, 'parrot'));
  server = await startServer(async (req, res) => {
    if (req.path === '/chat/completions') return chat(req, res);
    if (req.path === '/models/m1/logs') {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      return res.end(
        '{"time":"2026-01-01T00:00:00Z","message":"one"}\n{"time":"2026-01-01T00:00:01Z","message":"two"}\n',
      );
    }
    if (req.path === '/files') {
      const form = await formOf(req);
      const file = form.get('file') as File;
      return json(res, 200, { id: 'f1', bytes: file.size, filename: file.name, purpose: form.get('purpose') });
    }
    json(res, 404, { message: 'not found' });
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  cleanup();
});

const client = () => new mod.Parrot({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });

describe('generated streaming client (Parrot fixture)', () => {
  it('create({ stream: true }) yields chunks; without stream it returns the completion', async () => {
    const stream = await client().chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    expect(stream).toBeInstanceOf(mod.Stream);
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0].delta.content;
    expect(text).toBe('Hi there');
    const completion = await client().chat.completions.create({ model: 'm', messages: [] });
    expect(completion.choices[0].message.content).toBe('Hi there');
    expect(server.requests.at(-2)!.headers['accept']).toBe('text/event-stream');
  });

  it('an NDJSON operation always streams', async () => {
    const lines: string[] = [];
    for await (const line of await client().models.logs.list('m1')) lines.push(line.message);
    expect(lines).toEqual(['one', 'two']);
  });

  it('a multipart upload arrives as a file with its name', async () => {
    const file = await mod.toFile(new TextEncoder().encode('hello'), 'hello.txt', { type: 'text/plain' });
    const stored = await client().files.create({ file, purpose: 'assistants' });
    expect(stored).toMatchObject({ bytes: 5, filename: 'hello.txt', purpose: 'assistants' });
  });

  it('the overloads type the stream, the JSON form and the either case', () => {
    const usage = `
import { Parrot, Stream, toFile, type ChatCompletion, type ChatCompletionChunk, type LogLine } from './index.js';
const client = new Parrot({ apiKey: 'k' });
export async function usage(flag: boolean): Promise<void> {
  const messages = [{ role: 'user' as const, content: 'Hi' }];
  const stream: Stream<ChatCompletionChunk> = await client.chat.completions.create({ model: 'm', messages, stream: true });
  const completion: ChatCompletion = await client.chat.completions.create({ model: 'm', messages });
  const off: ChatCompletion = await client.chat.completions.create({ model: 'm', messages, stream: false });
  const either: Stream<ChatCompletionChunk> | ChatCompletion = await client.chat.completions.create({ model: 'm', messages, stream: flag });
  // @ts-expect-error a stream is not a completion
  const wrong: ChatCompletion = await client.chat.completions.create({ model: 'm', messages, stream: true });
  for await (const chunk of stream) {
    const text: string | undefined = chunk.choices[0]?.delta.content;
    void text;
  }
  const logs: Stream<LogLine> = await client.models.logs.list('m1', { since: '2026-01-01T00:00:00Z' });
  const [left, right] = logs.tee();
  await client.files.create({ file: await toFile(new Uint8Array([1]), 'a.bin'), purpose: 'vision', attachments: [new Blob(['x'])] });
  void [completion, off, either, wrong, left, right];
}
`;
    writeFileSync(path.join(output, 'src/usage.ts'), usage);
    const options = {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2022', 'dom', 'dom.iterable'],
      types: [],
    };
    expect(typeCheck(tsFilesUnder(path.join(output, 'src')), options, undefined, output)).toEqual([]);
  }, 60_000);
});
