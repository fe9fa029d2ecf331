import type { Headers } from '../core/platform.js';
import { isHeaders } from './headers.js';
import type { Logger, LogLevel } from '../core/types.js';
import { readEnv } from './env.js';

const levels: Record<LogLevel, number> = { off: 0, error: 200, warn: 300, info: 400, debug: 500 };
const noop = (): void => {};

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(levels, value);
}

/**
 * The level to use: the option, else the environment variable `envName`, else `warn`. An
 * unknown value is reported through `logger.warn` (in the official SDKs' wording) and ignored.
 */
export function resolveLogLevel(option: LogLevel | undefined, envName: string, logger: Logger): LogLevel {
  return (
    parseLevel(option, 'ClientOptions.logLevel', logger) ??
    parseLevel(readEnv(envName), `process.env['${envName}']`, logger) ??
    'warn'
  );
}

function parseLevel(value: string | undefined, source: string, logger: Logger): LogLevel | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (isLogLevel(lower)) return lower;
  logger.warn(`${source} was set to ${JSON.stringify(value)}, expected one of ${JSON.stringify(Object.keys(levels))}`);
  return undefined;
}

/** Whether messages of level `name` pass `level`; callers check it before building log arguments. */
export function logs(level: LogLevel, name: Exclude<LogLevel, 'off'>): boolean {
  return levels[level] >= levels[name];
}

/** A logger that drops messages above `level`. */
export function levelled(logger: Logger, level: LogLevel): Logger {
  const at = levels[level];
  const method = (name: Exclude<LogLevel, 'off'>): Logger[typeof name] =>
    at >= levels[name] && typeof logger[name] === 'function' ? logger[name].bind(logger) : noop;
  return { error: method('error'), warn: method('warn'), info: method('info'), debug: method('debug') };
}

/** Header names whose values are never logged. */
export const ALWAYS_REDACTED = ['authorization', 'x-api-key', 'api-key', 'cookie', 'set-cookie', 'proxy-authorization'];

export const REDACTED = '***';

/** Headers as a plain object, with sensitive values replaced by `***`. */
export function redactHeaders(
  headers: Headers | Readonly<Record<string, string>> | undefined,
  sensitive: ReadonlySet<string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const add = (value: string, name: string): void => {
    out[name] = sensitive.has(name.toLowerCase()) ? REDACTED : value;
  };
  if (isHeaders(headers)) headers.forEach(add);
  else for (const name of Object.keys(headers)) add((headers as Record<string, string>)[name] ?? '', name);
  return out;
}

/** The URL with the values of sensitive query parameters replaced by `***`. */
export function redactURL(url: string, sensitiveQuery: ReadonlySet<string>): string {
  if (sensitiveQuery.size === 0) return url;
  const q = url.indexOf('?');
  if (q < 0) return url;
  const pairs = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = key;
      try {
        decoded = decodeURIComponent(key);
      } catch {
        // keep the raw key
      }
      return sensitiveQuery.has(decoded.toLowerCase()) ? `${key}=${REDACTED}` : pair;
    });
  return `${url.slice(0, q)}?${pairs.join('&')}`;
}
