import { describe, expect, it } from 'vitest';
import type { ServerSentEvent } from '../../runtime/src/internal/decoders.js';
import { JSONSeqDecoder, LineRecordDecoder, SSEDecoder } from '../../runtime/src/internal/decoders.js';

type Expected = Partial<ServerSentEvent> & { data: string };

/** Decodes `bytes` delivered in the given chunks, through a streaming TextDecoder as the runtime does. */
function decode(chunks: Uint8Array[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const decoder = new SSEDecoder((event) => events.push(event));
  const text = new TextDecoder();
  for (const chunk of chunks) decoder.push(text.decode(chunk, { stream: true }));
  decoder.push(text.decode());
  decoder.end();
  return events;
}

/** Every way of cutting `bytes` in two, plus one byte per chunk. */
function splits(bytes: Uint8Array): Uint8Array[][] {
  const out: Uint8Array[][] = [[bytes], Array.from(bytes, (b) => Uint8Array.of(b))];
  for (let i = 1; i < bytes.length; i++) out.push([bytes.slice(0, i), bytes.slice(i)]);
  return out;
}

const cases: Array<{ name: string; input: string | Uint8Array; events: Expected[] }> = [
  { name: 'one event', input: 'data: hello\n\n', events: [{ event: 'message', data: 'hello' }] },
  { name: 'multi-line data joins with LF', input: 'data: a\ndata: b\ndata:\n\n', events: [{ data: 'a\nb\n' }] },
  {
    name: 'CRLF line endings',
    input: 'event: add\r\ndata: 1\r\n\r\ndata: 2\r\n\r\n',
    events: [
      { event: 'add', data: '1' },
      { event: 'message', data: '2' },
    ],
  },
  { name: 'CR line endings', input: 'data: x\r\rdata: y\r\r', events: [{ data: 'x' }, { data: 'y' }] },
  { name: 'mixed endings', input: 'data: a\r\ndata: b\rdata: c\n\r\n', events: [{ data: 'a\nb\nc' }] },
  { name: 'comments are ignored', input: ': keep-alive\n:\ndata: x\n: more\n\n', events: [{ data: 'x' }] },
  { name: 'unknown fields are ignored', input: 'foo: bar\nbaz\ndata: x\n\n', events: [{ data: 'x' }] },
  {
    name: 'only one space after the colon is removed',
    input: 'data:  two\ndata:none\n\n',
    events: [{ data: ' two\nnone' }],
  },
  {
    name: 'field with no colon is a field with an empty value',
    input: 'data\n\ndata\ndata\n\n',
    events: [{ data: '' }, { data: '\n' }],
  },
  {
    name: 'events without data are not dispatched',
    input: 'event: ping\n\nid: 7\n\ndata: x\n\n',
    events: [{ event: 'message', data: 'x', id: '7' }],
  },
  {
    name: 'id carries over; NUL ids are ignored',
    input: 'id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\nid\ndata: d\n\n',
    events: [{ id: '1' }, { id: '1' }, { id: '1' }, { id: '' }].map((e, i) => ({ ...e, data: 'abcd'[i]! })),
  },
  {
    name: 'retry takes digits only',
    input: 'retry: 3000\ndata: a\n\nretry: 1x\ndata: b\n\n',
    events: [
      { data: 'a', retry: 3000 },
      { data: 'b', retry: 3000 },
    ],
  },
  { name: 'a leading BOM is dropped', input: '\uFEFFdata: x\n\n', events: [{ data: 'x' }] },
  { name: 'a second BOM is data', input: '\uFEFF\uFEFFdata: x\n\n', events: [] },
  { name: 'an unterminated last event is discarded', input: 'data: a\n\ndata: b\n', events: [{ data: 'a' }] },
  { name: 'multi-byte UTF-8 split anywhere', input: 'data: héllo 😀 世界\n\n', events: [{ data: 'héllo 😀 世界' }] },
  {
    name: 'event type resets after dispatch',
    input: 'event: a\ndata: 1\n\ndata: 2\n\n',
    events: [
      { event: 'a', data: '1' },
      { event: 'message', data: '2' },
    ],
  },
  { name: 'JSON data', input: 'data: {"id":1,\ndata: "x":[1,2]}\n\n', events: [{ data: '{"id":1,\n"x":[1,2]}' }] },
];

describe('SSE decoding (WHATWG)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const bytes = typeof c.input === 'string' ? new TextEncoder().encode(c.input) : c.input;
      for (const chunks of splits(bytes)) {
        const events = decode(chunks);
        expect(events.length, `split ${chunks.map((x) => x.length).join('+')}`).toBe(c.events.length);
        events.forEach((event, i) => expect(event).toMatchObject(c.events[i]!));
      }
    });
  }
});

describe('line-delimited decoding', () => {
  const run = (Decoder: typeof LineRecordDecoder | typeof JSONSeqDecoder, input: string): string[] => {
    const out: string[][] = [];
    for (let i = 0; i <= input.length; i++) {
      const records: string[] = [];
      const decoder = new Decoder((r) => records.push(r));
      decoder.push(input.slice(0, i));
      decoder.push(input.slice(i));
      decoder.end();
      out.push(records);
    }
    for (const records of out) expect(records).toEqual(out[0]);
    return out[0]!;
  };

  const lines: Array<[name: string, input: string, records: string[]]> = [
    ['LF separated', '{"a":1}\n{"a":2}\n', ['{"a":1}', '{"a":2}']],
    ['CRLF and blank lines', '{"a":1}\r\n\r\n  \n{"a":2}', ['{"a":1}', '{"a":2}']],
    ['no trailing newline', '1\n2', ['1', '2']],
  ];
  for (const [name, input, records] of lines)
    it(`JSONL: ${name}`, () => expect(run(LineRecordDecoder, input)).toEqual(records));

  const seqs: Array<[name: string, input: string, records: string[]]> = [
    ['RS prefixed, LF terminated', '\u001e{"a":1}\n\u001e{"a":2}\n', ['{"a":1}', '{"a":2}']],
    ['pretty-printed records', '\u001e{\n  "a": 1\n}\n\u001e[2]\n', ['{\n  "a": 1\n}', '[2]']],
  ];
  for (const [name, input, records] of seqs)
    it(`json-seq: ${name}`, () => expect(run(JSONSeqDecoder, input)).toEqual(records));
});
