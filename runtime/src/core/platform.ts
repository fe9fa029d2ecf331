/**
 * The web platform APIs the runtime uses (fetch, Response, Headers, Blob, timers...), typed so that
 * a client compiles whatever lib its project uses. With the DOM lib or @types/node, every type
 * here is the platform's own (`Response` is the DOM or undici `Response`). Without either (a
 * `lib: ["es2020"]` project), they fall back to the minimal structural shapes below. The values
 * are read from `globalThis` when used, so polyfills and fake timers installed later still apply.
 */

type Global = typeof globalThis;
/** The type of global `K` when the compilation declares one, else `Fallback`. */
type Declared<K extends string, Fallback> = Global extends { [P in K]: infer T } ? T : Fallback;
/** The instance type of global class `K` when declared, else `Fallback`. */
type InstanceOf<K extends string, Fallback> = Global extends { [P in K]: { prototype: infer T } } ? T : Fallback;

interface MinimalAbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
interface MinimalHeaders {
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  forEach(callback: (value: string, name: string) => void): void;
}
interface MinimalBlob {
  readonly size: number;
  readonly type: string;
}
interface MinimalFile extends MinimalBlob {
  readonly name: string;
  readonly lastModified: number;
}
interface MinimalReadableStream {
  readonly locked: boolean;
  cancel(reason?: unknown): Promise<void>;
}
interface MinimalResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly url: string;
  readonly headers: Headers;
  readonly body: MinimalReadableStream | null;
  text(): Promise<string>;
  blob(): Promise<Blob>;
}
interface MinimalFormData {
  append(name: string, value: string | Blob, fileName?: string): void;
}
interface MinimalURLSearchParams {
  append(name: string, value: string): void;
  forEach(callback: (value: string, key: string) => void): void;
  toString(): string;
}
interface MinimalURL {
  readonly origin: string;
  readonly pathname: string;
  toString(): string;
}
type MinimalBody = string | ArrayBuffer | ArrayBufferView | Blob | FormData | URLSearchParams;
interface MinimalRequestInit {
  method?: string;
  headers?: Headers | Record<string, string>;
  body?: MinimalBody | null;
  signal?: AbortSignal | null;
}

export type AbortSignal = InstanceOf<'AbortSignal', MinimalAbortSignal>;
export type AbortController = InstanceOf<
  'AbortController',
  { readonly signal: AbortSignal; abort(reason?: unknown): void }
>;
export type Headers = InstanceOf<'Headers', MinimalHeaders>;
export type Blob = InstanceOf<'Blob', MinimalBlob>;
export type File = InstanceOf<'File', MinimalFile>;
export type FormData = InstanceOf<'FormData', MinimalFormData>;
export type URLSearchParams = InstanceOf<'URLSearchParams', MinimalURLSearchParams>;
export type Response = InstanceOf<'Response', MinimalResponse>;
/** A byte stream. Structural on purpose: the platform's `ReadableStream` type is generic over `any`. */
export type ReadableStreamLike = MinimalReadableStream;
type PlatformFetch = Declared<'fetch', (input: string, init?: MinimalRequestInit) => Promise<Response>>;
/** The second argument of `fetch` (`RequestInit`). */
export type RequestInit = NonNullable<Parameters<PlatformFetch>[1]>;
/** How the runtime calls fetch: the platform's `fetch` fits, and so does any function of a URL string. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
/** What `fetch` accepts as a body. */
export type BodyInit = NonNullable<RequestInit['body']>;

/** Constructors and functions of the platform, as the runtime calls them. */
export interface Platform {
  fetch?: PlatformFetch;
  Headers: new () => Headers;
  Blob?: new (
    parts?: ReadonlyArray<string | ArrayBuffer | ArrayBufferView | Blob>,
    options?: { type?: string },
  ) => Blob;
  File?: new (parts: ReadonlyArray<Blob>, name: string, options?: { type?: string; lastModified?: number }) => File;
  FormData?: new () => FormData;
  URLSearchParams?: new (init?: string) => URLSearchParams;
  URL: new (url: string, base?: string) => MinimalURL;
  Response?: new (body: ReadableStreamLike) => Response;
  ReadableStream?: abstract new () => ReadableStreamLike;
  AbortController: new () => AbortController;
  TextEncoder: new () => { encode(text: string): Uint8Array };
  btoa(binary: string): string;
  setTimeout(handler: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  console: {
    error(message: string, ...rest: unknown[]): void;
    warn(message: string, ...rest: unknown[]): void;
    info(message: string, ...rest: unknown[]): void;
    debug(message: string, ...rest: unknown[]): void;
  };
}

/** An opaque timer handle (a number in browsers, an object in Node). */
export type TimerHandle = { readonly __timer?: never } | number;

/** The global object, seen through the platform APIs the runtime uses. */
export const platform: Platform = globalThis as unknown as Platform;
