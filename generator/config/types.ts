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
  /** Environment variable names; default `<NAME>_API_KEY`, `<NAME>_BASE_URL`, `<NAME>_LOG`. */
  env?: { apiKey?: string; baseURL?: string; log?: string };
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
  /** Global pagination switch: `auto` (default) infers styles; `off` disables inference (overrides still apply). */
  pagination?: 'auto' | 'off';
  /**
   * Idempotency keys: `auto` (default) turns them on when the spec mentions an
   * `Idempotency-Key` header; `false` turns them off; an object sets them explicitly.
   */
  idempotency?: 'auto' | false | { header?: string; methods?: Array<'post' | 'put' | 'patch' | 'delete'> };
  /** Folder of template overrides (relative to the config file). */
  templates?: string;
  /** Format output with prettier (default true; uses the user's prettier config when found). */
  prettier?: boolean;
  /** What to emit: the full client (default) or types only. */
  emit?: 'client' | 'types';
  /** Also write a `package.json` so the output is a publishable package. */
  package?: boolean | { name?: string; version?: string };
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
