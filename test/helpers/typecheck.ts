import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every `.ts` file under `dir`. */
export function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsFilesUnder(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Type-checks `files` in-process as one program under raw tsconfig `compilerOptions`
 * (the JSON spelling: `"module": "nodenext"`), returning `file:line: message` lines.
 * `host` shares parsed lib files between programs.
 */
export function typeCheck(
  files: string[],
  compilerOptions: Record<string, unknown>,
  host?: ts.CompilerHost,
  base = process.cwd(),
): string[] {
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    { noEmit: true, skipLibCheck: true, ...compilerOptions },
    base,
  );
  if (errors.length > 0) return errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  const program = ts.createProgram({ rootNames: files, options, ...(host ? { host } : {}) });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${path.relative(base, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

/** A compiler host that caches parsed lib and @types files across programs (they dominate a small program's cost). */
export function cachingHost(): ts.CompilerHost {
  const host = ts.createCompilerHost({});
  const cache = new Map<string, ts.SourceFile | undefined>();
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const shared = fileName.includes(`${path.sep}node_modules${path.sep}`);
    const key = `${typeof languageVersion === 'object' ? languageVersion.languageVersion : languageVersion}:${fileName}`;
    if (shared && cache.has(key)) return cache.get(key);
    const sf = original(fileName, languageVersion, onError, shouldCreate);
    if (shared) cache.set(key, sf);
    return sf;
  };
  return host;
}
