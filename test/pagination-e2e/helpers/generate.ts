import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateClient } from '../../../generator/pipeline.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Generates a client (formatting off) into test/.tmp/pagination-e2e/<dirName>, writes it and
 * imports its `src/index.ts`. Returns the module and the generation result.
 */
export async function generateAndImport(input: string, dirName: string, name?: string) {
  const output = path.join(repoRoot, 'test/.tmp/pagination-e2e', `${dirName}-${process.pid}`);
  rmSync(output, { recursive: true, force: true });
  const result = await generateClient({
    input,
    output,
    configDir: repoRoot,
    format: false,
    ...(name !== undefined ? { name } : {}),
  });
  for (const file of result.files) {
    const target = path.join(output, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mod: any = await import(pathToFileURL(path.join(output, 'src/index.ts')).href);
  return { mod, result, output, cleanup: () => rmSync(output, { recursive: true, force: true }) };
}
