/** Worker-thread entry of {@link FormatPool}: warms prettier up, then formats chunks on request. */
import { parentPort } from 'node:worker_threads';
import type prettier from 'prettier';
import type { GeneratedFile } from '../write/types.js';
import { formatInProcess } from './format.js';

/** Representative generated code: formatting it a few times compiles prettier's hot paths before real work arrives. */
const WARM_UP = Array.from(
  { length: 40 },
  (
    _,
    i,
  ) => `/** Doc ${i}. */\nexport interface T${i} { 'a-b'?: string | null; c: Array<{ d: number; e?: 'x' | 'y' }>; [key: string]: unknown }
const spec${i}: OperationSpec = { method: 'get', path: '/a/{id}', pathParams: ['id'], query: { limit: {} } };
export class R${i} extends APIResource { list(id: string, params: P | null | undefined = {}, options?: RequestOptions): APIPromise<T${i}> { return this._client._request(spec${i}, { ...params, id }, options); } }`,
).join('\n');

const ready = formatInProcess([{ path: 'warm-up.ts', content: WARM_UP }], { singleQuote: true }).catch(() => undefined);

parentPort?.on('message', (msg: { id: number; files: GeneratedFile[]; options: prettier.Options }) => {
  void ready
    .then(() => formatInProcess(msg.files, msg.options))
    .then(
      (files) => parentPort?.postMessage({ id: msg.id, ok: true, files }),
      (err: unknown) =>
        parentPort?.postMessage({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
});
