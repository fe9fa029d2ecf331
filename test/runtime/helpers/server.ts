import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../../runtime/src/core/types.js';

export interface Recorded {
  method: string;
  /** Path and query as received, e.g. `/api/v1/customers?limit=2`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** 0-based index of this request on the server. */
  index: number;
}

export type Handler = (req: Recorded, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface TestServer {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1, random port. Every request is recorded (body fully read). */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const body = Buffer.concat(chunks);
      const parsed = new URL(raw.url ?? '/', 'http://localhost');
      const rec: Recorded = {
        method: raw.method ?? '',
        url: raw.url ?? '',
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: raw.headers,
        body,
        text: body.toString('utf8'),
        index: requests.length,
      };
      requests.push(rec);
      Promise.resolve(handler(rec, res, raw)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(599);
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A logger that records every call. */
export function captureLogger(): { lines: Array<{ level: string; message: string; rest: unknown[] }>; logger: Logger; text(): string } {
  const lines: Array<{ level: string; message: string; rest: unknown[] }> = [];
  const make = (level: string) => (message: string, ...rest: unknown[]) => lines.push({ level, message, rest });
  return {
    lines,
    logger: { error: make('error'), warn: make('warn'), info: make('info'), debug: make('debug') },
    text: () => lines.map((l) => `${l.level} ${l.message} ${JSON.stringify(l.rest)}`).join('\n'),
  };
}

/** The JSON body the echo handlers answer with. */
export interface Echo {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: string;
}

/** Awaits a rejection of `promise` and checks it is a `type`; returns the typed error. */
export async function rejection<E>(promise: PromiseLike<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const err = await Promise.resolve(promise).then(
    () => new Error('expected a rejection, got a value'),
    (e: unknown) => e,
  );
  if (!(err instanceof type)) throw new Error(`expected a ${type.name}, got ${String(err)}`);
  return err;
}
