import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiforgeError } from '../diagnostics.js';

/** Raw text of a spec plus where it came from. */
export interface SourceText {
  /** Absolute file path or the URL as given. */
  ref: string;
  /** What messages show: a cwd-relative path or the URL. */
  display: string;
  text: string;
  isUrl: boolean;
}

const URL_TIMEOUT_MS = 30_000;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Path shown to users: relative to the cwd when that is shorter. */
export function displayPath(file: string): string {
  if (isUrl(file)) return file;
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

/** Reads a spec from disk or http(s), rejecting empty and binary input with one clear line. */
export async function readSource(input: string): Promise<SourceText> {
  if (isUrl(input)) return readUrl(input);
  const ref = path.resolve(input);
  const display = displayPath(ref);
  let buf: Buffer;
  try {
    const info = await stat(ref);
    if (info.isDirectory()) throw new ApiforgeError('file-not-found', `${display} is a directory, not a spec file`);
    buf = await readFile(ref);
  } catch (err) {
    if (err instanceof ApiforgeError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ApiforgeError('file-not-found', `spec file not found: ${display}`);
    throw new ApiforgeError('file-not-found', `cannot read ${display}: ${(err as Error).message}`);
  }
  return { ref, display, text: decode(buf, display), isUrl: false };
}

async function readUrl(url: string): Promise<SourceText> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(URL_TIMEOUT_MS) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new ApiforgeError(
      'url-unreachable',
      `cannot reach ${url}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
    );
  }
  if (!res.ok)
    throw new ApiforgeError('url-unreachable', `cannot fetch ${url}: HTTP ${res.status} ${res.statusText}`.trim());
  const buf = Buffer.from(await res.arrayBuffer());
  return { ref: url, display: url, text: decode(buf, url), isUrl: true };
}

function decode(buf: Buffer, display: string): string {
  // Decoded once: a big spec is megabytes, and this is on the way to everything else.
  const text = buf.toString('utf8');
  if (!/\S/.test(text)) {
    throw new ApiforgeError('empty-file', `${display} is empty: expected an OpenAPI or Swagger document`);
  }
  // A NUL byte in the first KiB never occurs in YAML or JSON text.
  if (buf.subarray(0, 1024).includes(0)) {
    throw new ApiforgeError('binary-file', `${display} is a binary file, not an OpenAPI or Swagger document`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
