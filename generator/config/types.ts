/**
 * The apiforge configuration file (`apiforge.config.{ts,mjs,js,json}`).
 * This is public API: every field carries JSDoc, and the JSON Schema in
 * `schema/apiforge.config.schema.json` mirrors it.
 */

/** Where an operation appears in the client, overriding inference. */
export interface OperationOverride {
  /** Dotted resource path, e.g. `v1.customers.paymentMethod`. */
  resource?: string;
  /** Method name on that resource, e.g. `attach`. */
  method?: string;
  /** Pagination for this operation: a style descriptor, or `false` to turn it off. */
  pagination?: PaginationOverride | false;
  /**
   * For an operation whose success response offers JSON and a stream: the parameter that asks
   * for the stream (default: a boolean body field `stream`), or `false` to always return JSON.
   */
  stream?: StreamOverride | false;
}

/** Declares the parameter that selects the streaming response (see docs/runtime.md). */
export interface StreamOverride {
  /** Where the selector is: a body field, a query parameter or a header. */
  in: 'body' | 'query' | 'header';
  /** Its wire name, e.g. `stream`, `format` or `Accept`. */
  name: string;
  /** The value that selects the stream; default `true` (a header: the streaming media type). */
  value?: string | boolean;
}

/** Declares how an operation paginates (see docs/pagination.md). */
export interface PaginationOverride {
  style: 'cursor' | 'cursor-id' | 'next-token' | 'offset' | 'page-number' | 'link-header';
  /** Dotted path of the items array in the response body; omit when the body is the array. */
  items?: string;
  /** Dotted path of the next cursor/token/url in the response body. */
  next?: string;
  /** Dotted path of the previous cursor in the response body. */
  prev?: string;
  /** Dotted path of a `has_more` style boolean. */
  hasMore?: string;
  /** Dotted path of a total count. */
  total?: string;
  /** Query parameter names. */
  afterParam?: string;
  beforeParam?: string;
  limitParam?: string;
  cursorParam?: string;
  offsetParam?: string;
  pageParam?: string;
}

/** A name given to a component schema (see docs/naming.md). */
export interface ModelName {
  /** TypeScript name, e.g. `CustomerResponse`. */
  name: string;
  /**
   * Dotted resource path whose namespace re-exports the name (and its parent's, one level up), e.g.
   * `v1.customers` makes it `Client.V1.Customers.CustomerResponse` and `Client.V1.CustomerResponse`.
   */
  resource?: string;
}

/** Renames a component schema and gives it extra names. */
export interface ModelOverride {
  /** The schema's TypeScript name instead of the one inferred from its key. */
  name?: string;
  /** Dotted resource path whose namespace re-exports the schema's type. */
  resource?: string;
  /** More names for the same type (`export type Alias = Name`), each optionally placed in a resource namespace. */
  aliases?: ModelName[];
}

/** Selects operations by tag, path (exact or glob with `*`) or operationId. */
export interface OperationFilter {
  tags?: string[];
  paths?: string[];
  operationIds?: string[];
}

/** Settings for one generated client. */
export interface ClientSettings {
  /** Client class name, e.g. `Stigg`. Default: derived from `info.title`. */
  name?: string;
  /** Spec path (relative to the config file) or http(s) URL. */
  input: string;
  /** Output folder (relative to the config file). */
  output: string;
  /**
   * Environment variable names; default `<NAME>_API_KEY`, `<NAME>_BASE_URL`, `<NAME>_LOG` and
   * `<NAME>_CUSTOM_HEADERS` (newline-separated `Name: value` lines sent on every request).
   */
  env?: { apiKey?: string; baseURL?: string; log?: string; customHeaders?: string };
  /**
   * Header that carries the attempt number (0 on the first attempt, then 1, 2, ...); default
   * `x-retry-count`. The Stigg config sets `X-Stainless-Retry-Count`, as the official SDK sends.
   */
  retryCountHeader?: string;
  /** Default base URL; default: the spec's first server. */
  baseURL?: string;
  /** Path prefix dropped before inferring resources; default: the longest common static prefix like `/api`. */
  stripPrefix?: string;
  /** Per-operationId placement and pagination overrides. */
  operations?: Record<string, OperationOverride>;
  /** Only generate these operations. */
  include?: OperationFilter;
  /** Skip these operations. */
  exclude?: OperationFilter;
  /** Component schemas by key: new names, the resource namespace they belong to, and aliases. */
  models?: Record<string, ModelOverride>;
  /**
   * Page type names per pagination style, e.g. `{ "cursor": "MyCursorIDPage" }`: the runtime page class is exported
   * under that name too, and list methods' page types are `<Resource><Method>Responses<PageName>`.
   * Default: the runtime class name (`CursorPage`, `OffsetPage`, ...).
   */
  pageClassNames?: Partial<Record<PaginationOverride['style'], string>>;
  /** Global pagination switch: `auto` (default) infers styles; `off` disables inference (overrides still apply). */
  pagination?: 'auto' | 'off';
  /**
   * Idempotency keys: `auto` (default) turns them on when the spec mentions an
   * `Idempotency-Key` header; `false` turns them off; an object sets them explicitly.
   */
  idempotency?: 'auto' | false | { header?: string; methods?: Array<'post' | 'put' | 'patch' | 'delete'> };
  /** Folder of template overrides (relative to the config file). */
  templates?: string;
  /**
   * How output is formatted: `true` (default) writes the printer's layout (2-space indentation,
   * long unions and signatures broken at 120 columns) with trailing whitespace trimmed;
   * `'prettier'` formats with prettier and the user's own prettier config; `false` writes the printer's output as is.
   */
  format?: boolean | 'prettier';
  /** @deprecated Use `format`: `prettier: true` is `format: 'prettier'`, `prettier: false` is `format: false`. */
  prettier?: boolean;
  /** What to emit: the full client (default) or types only. */
  emit?: 'client' | 'types';
  /**
   * The output as a package (default true): `package.json` with a dual ESM + CommonJS build, README.md and api.md.
   * `false` writes only `src/` and `tsconfig.json`; an object sets the package `name` and `version`.
   */
  package?: boolean | { name?: string; version?: string };
  /**
   * Also write `tests/` (default false): one node:test test per operation, calling it with its required params and
   * with all of them against a Prism mock server of a copy of the spec; `npm test` in the package builds and runs them.
   * Needs the package (not `package: false`) and the full client (not `emit: 'types'`).
   */
  tests?: boolean;
  /**
   * Type `$ref`s that point to nothing as `unknown`, with one warning per target, instead of
   * failing (default false: a dangling `$ref` is an error and nothing is written).
   */
  allowUnresolvedRefs?: boolean;
}

/** A config file: one client inline, or several under `clients`. */
export type ApiforgeConfig = ClientSettings | { clients: ClientSettings[] };

/** Identity helper that gives editors types for a config file. */
export function defineConfig<T extends ApiforgeConfig>(config: T): T {
  return config;
}

/**
 * A client with every path made absolute, as the pipeline receives it
 * (generator/pipeline.ts re-exports it).
 */
export interface ResolvedClientSettings extends ClientSettings {
  /** Folder paths were resolved against: the config file's folder, or the cwd without a config. */
  configDir: string;
  /** Absolute spec path, or an http(s) URL. */
  input: string;
  /** Absolute output folder. */
  output: string;
  /** Absolute template overrides folder. */
  templates?: string;
  /** Absolute path of the config file this client came from, when there is one. */
  configFile?: string;
}
