import { platform, type Blob, type File, type ReadableStreamLike, type Response } from './platform.js';
import { fileName as nameOf, toBlob } from '../internal/body.js';

export { isUploadable } from '../internal/body.js';

/** Anything that can be uploaded as a file or binary body. */
export type Uploadable =
  Blob | File | ArrayBuffer | ArrayBufferView | ReadableStreamLike | Response | AsyncIterable<Uint8Array>;

/** Values accepted by `toFile`. */
export type ToFileInput = Uploadable | string | Iterable<Uint8Array>;

export interface FilePropertyBag {
  type?: string;
  lastModified?: number;
}

/**
 * Turns bytes, a string, a stream, a Response or a Blob into a `File` with a
 * name, for multipart uploads.
 *
 * @example const file = await toFile(new TextEncoder().encode('hello'), 'hello.txt', { type: 'text/plain' });
 */
export async function toFile(value: ToFileInput, name?: string | null, options: FilePropertyBag = {}): Promise<File> {
  const blob = await toBlob(value, options.type);
  const fileName = name ?? nameOf(value) ?? 'file';
  const bag: FilePropertyBag = { type: options.type ?? blob.type };
  if (options.lastModified !== undefined) bag.lastModified = options.lastModified;
  if (platform.File) return new platform.File([blob], fileName, bag);
  // Runtimes without a File constructor: a Blob carrying a name works with FormData.
  const named = platform.Blob ? new platform.Blob([blob], bag) : blob;
  return Object.assign(named, { name: fileName, lastModified: bag.lastModified ?? Date.now() }) as unknown as File;
}
