/**
 * The structural check of a single-file document, done the way Redocly's `lintDocument` does it with only its
 * `struct` and `no-unresolved-refs` rules, for a fraction of the CPU: it walks each (node, type) once over
 * Redocly's own OpenAPI type tree, resolves local `$ref`s on demand (Redocly's resolver walks the whole document
 * first), and builds a node's JSON pointer only when a problem is reported there.
 *
 * Anything it does not reproduce (a `$ref` into another file or to an anchor, a reference cycle the resolver
 * rejects, a document Redocly would throw on) makes it give up with {@link NeedsRedocly}; the caller then runs
 * Redocly itself, so the result is always the one Redocly gives.
 */
import { checkNode, type NodeContext, type NodeType, type Where } from './struct-rule.js';
import { NeedsRedocly, Place, escapePointer, isRef, joinPointer, localSegments } from './struct-place.js';

export { NeedsRedocly } from './struct-place.js';

/** One problem, as Redocly reports it: rule, message and the place (a pointer into the root document). */
export interface StructProblem {
  ruleId: 'struct' | 'no-unresolved-refs';
  message: string;
  suggest: string[];
  pointer: string;
  reportOnKey: boolean;
}

/** The parts of Redocly's type module the walk needs (passed in: the module is loaded on demand). */
export interface TypeTree {
  root: NodeType;
  specExtension: NodeType;
}

type Resolved = { node: unknown; place: Place | undefined };
type Props = Record<string, unknown>;

/** Runs the check over a parsed root document; throws {@link NeedsRedocly} when Redocly must decide. */
export function structProblems(doc: unknown, types: TypeTree): StructProblem[] {
  try {
    return new StructWalk(doc, types).run();
  } catch (error) {
    throw error instanceof NeedsRedocly ? error : new NeedsRedocly(String(error));
  }
}

class StructWalk {
  private readonly problems: StructProblem[] = [];
  private readonly seen = new Map<string, Set<unknown>>();
  /**
   * Places where a type mismatch was found: Redocly runs no further visitor on them. Kept as places and joined
   * into pointers only when a node could be one of them (a node is at one place, so an object never ignored
   * is not there); most documents ignore many extension values and never look one up.
   */
  private readonly ignoredPlaces: Place[] = [];
  private readonly ignoredPointers = new Set<string>();
  private readonly ignoredObjects = new Set<unknown>();
  private readonly refs = new Map<string, Resolved>();
  /** One context for the rule, moved from node to node (it checks one node at a time, without walking). */
  private readonly context = new RuleContext(this);

  constructor(
    private readonly doc: unknown,
    private readonly types: TypeTree,
  ) {}

  run(): StructProblem[] {
    this.walk(this.doc, this.types.root, new Place(undefined, '', '#/'), '');
    return this.problems;
  }

  private walk(node: unknown, type: NodeType, place: Place, key: string | number): void {
    const ref = isRef(node);
    const resolved: Resolved = ref ? this.resolve(node.$ref) : { node, place };
    if (resolved.node !== undefined && resolved.place && type.name !== 'scalar') {
      this.visit(resolved.node, resolved.place, node, type, place, key);
    }
    if (ref && resolved.node === undefined) this.report('no-unresolved-refs', "Can't resolve $ref", place, false);
  }

  /** Redocly's walker for one resolved node: the rules once per (type, node), then its typed children. */
  private visit(target: unknown, at: Place, raw: unknown, type: NodeType, rawPlace: Place, key: string | number) {
    let seenOfType = this.seen.get(type.name);
    if (seenOfType?.has(target)) return;
    if (!this.isIgnored(at, target, type)) {
      checkNode(target, this.context.on(target, type, key, at));
      if (type.name === 'DiscriminatorMapping' && !this.isIgnored(at, target, type)) {
        this.checkMapping(target as Props, at);
      }
    }
    if (!seenOfType) this.seen.set(type.name, (seenOfType = new Set()));
    seenOfType.add(target);
    if (Array.isArray(target)) this.walkItems(target, type, at);
    else if (typeof target === 'object' && target !== null) this.walkFields(target as Props, at, raw, type, rawPlace);
  }

  private walkItems(list: unknown[], type: NodeType, at: Place): void {
    const itemsType = type.items;
    if (itemsType === undefined) return;
    for (let i = 0; i < list.length; i++) {
      // No OpenAPI list type decides its item type per item (Redocly would pass it the item's absolute pointer).
      if (typeof itemsType === 'function') throw new NeedsRedocly('a list type typed per item');
      const itemType = itemsType;
      if (isNamedType(itemType)) this.walk(list[i], itemType, at.child(i), i);
    }
  }

  /** The typed fields of an object, in Redocly's order, each walked with its type. */
  private walkFields(node: Props, at: Place, raw: unknown, type: NodeType, rawPlace: Place): void {
    // Fields beside a `$ref` belong to the referring object, not to the target.
    const rawProps = raw !== node && isRef(raw) ? (raw as Props) : undefined;
    for (const name of fieldOrder(node, rawProps, type)) {
      let value = node[name];
      let base = at;
      if (value === undefined) {
        value = rawProps?.[name];
        base = rawPlace;
        // An absent field: Redocly walks nothing there either.
        if (value === undefined) continue;
      }
      const fieldType = this.fieldType(type, name, value);
      if (fieldType) this.walk(fieldType.value, fieldType.type, base.child(name), name);
    }
  }

  /** The type Redocly walks a field's value with (and the value, a mapping string made a `$ref`), if any. */
  private fieldType(type: NodeType, name: string, value: unknown): { type: NodeType; value: unknown } | undefined {
    let propType = type.properties[name] as unknown;
    if (propType === undefined) propType = type.additionalProperties;
    if (typeof propType === 'function') propType = propType(value, name);
    if (propType === undefined && type.extensionsPrefix && name.startsWith(type.extensionsPrefix)) {
      propType = this.types.specExtension;
    }
    const direct = (propType as { directResolveAs?: NodeType } | null)?.directResolveAs;
    if (!isNamedType(propType) && direct) {
      propType = direct;
      value = { $ref: value };
    }
    if (propType && (propType as NodeType).name === undefined && (propType as Props).resolvable !== false) {
      propType = SCALAR;
    }
    if (!isNamedType(propType) || (propType.name === 'scalar' && !isRef(value))) return undefined;
    return { type: propType, value };
  }

  /** `no-unresolved-refs` on a discriminator's mapping (it stops at the first value that resolves). */
  private checkMapping(mapping: Props, at: Place): void {
    for (const name of Object.keys(mapping)) {
      const value = mapping[name];
      if (this.resolveValue({ $ref: value }) !== undefined) return;
      this.report('no-unresolved-refs', "Can't resolve $ref", at.child(name), false);
    }
  }

  resolveValue(node: unknown): unknown {
    return isRef(node) ? this.resolve(node.$ref).node : node;
  }

  /** A local `$ref`, followed as Redocly's resolver follows it (through `$ref`s met on the way). */
  private resolve(ref: string): Resolved {
    let found = this.refs.get(ref);
    if (!found) {
      const { node, pointer } = this.follow(ref, []);
      found = { node, place: new Place(undefined, '', pointer) };
      this.refs.set(ref, found);
    }
    return found;
  }

  private follow(ref: string, chain: string[]): { node: unknown; pointer: string } {
    const segments = localSegments(ref);
    if (chain.includes(ref)) throw new NeedsRedocly('a $ref cycle');
    let pointer = '#/';
    let target: unknown = this.doc;
    for (const segment of segments) {
      if (typeof target !== 'object') {
        target = undefined;
        break;
      }
      if ((target as Props)[segment] !== undefined) {
        target = (target as Props)[segment];
      } else if (isRef(target)) {
        const via = this.follow(target.$ref, [...chain, ref]);
        if (typeof via.node !== 'object') {
          target = undefined;
          pointer = joinPointer(via.pointer, escapePointer(segment));
          break;
        }
        target = (via.node as Props)[segment];
        pointer = via.pointer;
      } else {
        target = undefined;
        break;
      }
      pointer = joinPointer(pointer, escapePointer(segment));
    }
    if (isRef(target)) return this.follow(target.$ref, [...chain, ref]);
    return { node: target, pointer };
  }

  ignore(place: Place, node: unknown): void {
    this.ignoredPlaces.push(place);
    if (typeof node === 'object' && node !== null) this.ignoredObjects.add(node);
  }

  private isIgnored(place: Place, node: unknown, type: NodeType): boolean {
    if (this.ignoredPlaces.length === 0 && this.ignoredPointers.size === 0) return false;
    if (typeof node === 'object' && node !== null) {
      if (!this.ignoredObjects.has(node)) return false;
    } else if (type === this.types.specExtension) {
      // The rule only ignores a scalar extension value again: whether it was ignored before changes nothing.
      return false;
    }
    for (const p of this.ignoredPlaces.splice(0)) this.ignoredPointers.add(p.pointer);
    return this.ignoredPointers.has(place.pointer);
  }

  report(ruleId: StructProblem['ruleId'], message: string, place: Place, onKey: boolean, suggest?: string[]) {
    this.problems.push({ ruleId, message, suggest: suggest ?? [], pointer: place.pointer, reportOnKey: onKey });
  }
}

/** The struct rule's view of the walk, at the node it checks. */
class RuleContext implements NodeContext {
  private node: unknown;
  type!: NodeType;
  key: string | number = '';
  place!: Place;

  constructor(private readonly walk: StructWalk) {}

  on(node: unknown, type: NodeType, key: string | number, place: Place): this {
    this.node = node;
    this.type = type;
    this.key = key;
    this.place = place;
    return this;
  }

  report(message: string, where: Where | undefined, reportOnKey: boolean, suggest?: string[]): void {
    this.walk.report('struct', message, (where as Place | undefined) ?? this.place, reportOnKey, suggest);
  }

  ignore(): void {
    this.walk.ignore(this.place, this.node);
  }

  resolve(value: unknown): unknown {
    return this.walk.resolveValue(value);
  }
}

const SCALAR: NodeType = { name: 'scalar', properties: {} };

const ORDER = new WeakMap<NodeType, Map<string, number>>();

/** Each field name of a type, by its position in the type. */
function orderOf(type: NodeType): Map<string, number> {
  let order = ORDER.get(type);
  if (!order) ORDER.set(type, (order = new Map(Object.keys(type.properties).map((k, i) => [k, i]))));
  return order;
}

/**
 * The fields Redocly's walker visits, in its order: the type's own fields in the type's order, then the
 * others it types (every other field, or the extensions), then the other fields beside a `$ref`. Only fields
 * present on the node (or beside its `$ref`) are listed: Redocly walks the absent ones to find nothing.
 */
function fieldOrder(node: Props, rawProps: Props | undefined, type: NodeType): string[] {
  const order = orderOf(type);
  const own: string[] = [];
  const extra: string[] = [];
  for (const k of Object.keys(node)) {
    if (order.has(k)) own.push(k);
    else if (type.additionalProperties) extra.push(k);
  }
  if (!type.additionalProperties && type.extensionsPrefix) {
    // Redocly lists an extension that is also a field of the type twice.
    for (const k of Object.keys(node)) if (k.startsWith(type.extensionsPrefix)) extra.push(k);
  }
  if (rawProps) {
    for (const k of Object.keys(rawProps)) {
      if (k === '$ref' || node[k] !== undefined) continue;
      if (order.has(k)) own.push(k);
      else if (!extra.includes(k)) extra.push(k);
    }
  }
  if (own.length > 1) own.sort((a, b) => order.get(a)! - order.get(b)!);
  return own.length === 0 ? extra : extra.length === 0 ? own : [...own, ...extra];
}

function isNamedType(t: unknown): t is NodeType {
  return typeof (t as NodeType | undefined)?.name === 'string';
}
