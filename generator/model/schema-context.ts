import type { DiagnosticBag } from '../diagnostics.js';
import type { SpecVersion } from '../load/version.js';

export const COMPONENT_PREFIX = '#/components/schemas/';
const GENERIC_SEGMENTS = new Set([
  'schema',
  'items',
  'properties',
  'content',
  'additionalProperties',
  'allOf',
  'oneOf',
  'anyOf',
]);

/** State shared while normalizing every schema of one document. */
export class SchemaContext {
  /** Schemas reached by `$ref`s that point outside `components.schemas`, keyed by pointer. */
  readonly extraTargets = new Map<string, string>();
  private readonly pendingExtra: Array<{ key: string; pointer: string }> = [];
  /** The loader already reported every dangling `$ref` (once per target), so uses stay quiet here. */
  refsChecked = false;

  constructor(
    readonly doc: Record<string, unknown>,
    readonly version: SpecVersion,
    readonly bag: DiagnosticBag,
    readonly file: string,
    readonly componentKeys: ReadonlySet<string>,
  ) {}

  /** Drains schemas that were referenced by pointer and still need a definition. */
  takePending(): Array<{ key: string; pointer: string }> {
    return this.pendingExtra.splice(0);
  }

  /** Key for a non-component `$ref` target: named after its position, stable across runs. */
  extraKey(pointer: string): string {
    const known = this.extraTargets.get(pointer);
    if (known) return known;
    const segments = pointer.replace(/^#\//, '').split('/').map(decodeSegment);
    const meaningful = segments.filter((s) => !GENERIC_SEGMENTS.has(s) && !s.includes('/') && !/^\d+$/.test(s));
    const key = `${meaningful.slice(-2).join('_') || 'Schema'}@${pointer}`;
    this.extraTargets.set(pointer, key);
    this.pendingExtra.push({ key, pointer });
    return key;
  }
}

export function decodeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
