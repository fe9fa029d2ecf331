// Writes V2 over an output with the built writer and kills itself with SIGKILL
// at the Nth change to the disk. Usage: node kill-child.mjs <dist writer> <out> <N>
import * as fs from 'node:fs/promises';

const [writerPath, out, killAtText] = process.argv.slice(2);
const { writeOutput } = await import(writerPath);
const killAt = Number(killAtText);
let steps = 0;
const gate = (f) => async (...args) => {
  if (++steps === killAt) process.kill(process.pid, 'SIGKILL');
  return f(...args);
};
const dying = {
  readFile: (p) => fs.readFile(p),
  writeFile: gate(fs.writeFile),
  rename: gate(fs.rename),
  mkdir: gate(fs.mkdir),
  rm: gate(fs.rm),
  rmdir: gate(fs.rmdir),
};
await writeOutput(out, [
  { path: 'src/index.ts', content: 'export * from "./client";\n' },
  { path: 'src/client.ts', content: 'export class C { x = 1 }\n' },
  { path: 'src/resources/new.ts', content: 'new\n' },
  { path: 'src/deep/er/added.ts', content: 'added\n' },
], { fs: dying });
