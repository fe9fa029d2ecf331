/**
 * Runs a callback with a Prism mock server for the Stigg spec on a free loopback port, stopped afterwards. Like the
 * official SDK's own mock script, without `--errors`: a response example that violates its schema is still served.
 */
import { join } from 'node:path';
import { createJiti } from 'jiti';

/**
 * @param {string} repo apiforge's root
 * @param {(baseURL: string) => Promise<void>} fn
 */
export async function withPrism(repo, fn) {
  const jiti = createJiti(import.meta.url);
  const { startPrism } = await jiti.import(join(repo, 'test', 'helpers', 'prism.ts'));
  const server = await startPrism({
    spec: join(repo, 'specs', 'stigg', 'openapi.yaml'),
    cwd: repo,
    errors: false,
  });
  try {
    await fn(server.baseURL);
  } finally {
    await server.stop();
  }
}
