/**
 * The stream and text-decoding APIs that streaming needs beyond `core/platform.ts`, typed the
 * same way: the platform's own types when the compilation declares them (DOM lib, @types/node),
 * minimal structural ones otherwise. Values are read from `globalThis` when used.
 */

type Global = typeof globalThis;
type InstanceOf<K extends string, Fallback> = Global extends { [P in K]: { prototype: infer T } } ? T : Fallback;

/** One `read()` of a byte stream reader. */
export type ByteReadResult = { done: true; value?: undefined } | { done: false; value: Uint8Array };

/** The default reader of a byte stream. */
export interface ByteReader {
  read(): Promise<ByteReadResult>;
  cancel(reason?: unknown): Promise<void>;
}

interface MinimalByteStream {
  readonly locked: boolean;
  cancel(reason?: unknown): Promise<void>;
  getReader(): ByteReader;
}

/** A `ReadableStream` of bytes: the platform's type when declared. */
export type ReadableByteStream = InstanceOf<'ReadableStream', MinimalByteStream>;

/** What `new ReadableStream(source)` takes, reduced to what `Stream.toReadableStream()` uses. */
export interface PullSource {
  pull(controller: { enqueue(chunk: Uint8Array): void; close(): void; error(reason: unknown): void }): Promise<void>;
  cancel(): Promise<void>;
}

interface StreamGlobals {
  TextDecoder: new () => { decode(input?: Uint8Array, options?: { stream?: boolean }): string };
  ReadableStream: new (source: PullSource) => ReadableByteStream;
}

const web = globalThis as unknown as StreamGlobals;

/** A reader over any byte stream the platform hands out (a fetch body, a user's stream). */
export function readerOf(stream: unknown): ByteReader {
  return (stream as MinimalByteStream).getReader();
}

/** A streaming UTF-8 decoder (a character split across chunks is kept for the next one). */
export function utf8Decoder(): { decode(input?: Uint8Array, options?: { stream?: boolean }): string } {
  return new web.TextDecoder();
}

export function newReadableStream(source: PullSource): ReadableByteStream {
  return new web.ReadableStream(source);
}
