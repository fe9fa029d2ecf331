import { LineCounter, parseDocument } from 'yaml';
import { ApiforgeError } from '../diagnostics.js';

/** Parses YAML or JSON, chosen by content; errors carry file:line:column and the parser's reason. */
export function parseText(text: string, display: string): unknown {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text);
    } catch (err) {
      // Not strict JSON: it may still be YAML flow syntax (JSON with comments, trailing commas…).
      const yamlResult = tryYaml(text, display);
      if (yamlResult.ok) return yamlResult.value;
      throw jsonError(err as Error, text, display);
    }
  }
  const result = tryYaml(text, display);
  if (result.ok) return result.value;
  throw result.error;
}

type YamlResult = { ok: true; value: unknown } | { ok: false; error: ApiforgeError };

function tryYaml(text: string, display: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const reason = first.message.split('\n')[0] ?? first.message;
    return {
      ok: false,
      error: new ApiforgeError('parse-error', `invalid YAML: ${reason}`, { file: display, line: pos.line, column: pos.col }),
    };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: -1 }) };
}

function jsonError(err: Error, text: string, display: string): ApiforgeError {
  const match = /position (\d+)/.exec(err.message);
  const reason = err.message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  if (!match) return new ApiforgeError('parse-error', `invalid JSON: ${reason}`, { file: display });
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return new ApiforgeError('parse-error', `invalid JSON: ${reason}`, { file: display, line, column });
}
