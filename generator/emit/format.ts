import prettier from 'prettier';
import type { GeneratedFile } from '../write/types.js';

/** Prettier options for generated code when the user has no config of their own. */
export const DEFAULT_PRETTIER: prettier.Options = { singleQuote: true, printWidth: 110, trailingComma: 'all', parser: 'typescript' };

/**
 * Formats every file with prettier. Files are independent, so they are
 * formatted concurrently; prettier's parser is the dominant cost.
 */
export async function formatFiles(files: GeneratedFile[], options: prettier.Options = DEFAULT_PRETTIER): Promise<GeneratedFile[]> {
  return Promise.all(
    files.map(async (f) => {
      const parser = f.path.endsWith('.json') ? 'json' : f.path.endsWith('.md') ? 'markdown' : 'typescript';
      return { path: f.path, content: await prettier.format(f.content, { ...options, parser }) };
    }),
  );
}
