// Writes model shapes as TypeScript constants of the model module's types (src/model/shapes.ts),
// one `const` per shape, dependencies first, so that a bundler keeps only the shapes of the
// operations a program uses (each constant is a plain object literal: no side effects).

/**
 * A model pattern as a JavaScript regular expression, with the semantics of the model's format,
 * or `undefined` for a pattern that is not checked:
 * - botocore's (the legacy model) are the service framework's Java `matches()` patterns: the
 *   whole value must match;
 * - Smithy's are searched in the value, as the Smithy spec says; most carry their own `^...$`.
 * `.` is Java's and JavaScript's: any character but a line break. Two deliberate exceptions,
 * documented in docs/operations.md ("Validation"):
 * - `.*` (Metadata, NextToken) is not checked: it would refuse line breaks, which would surprise
 *   the multi-line JSON people store in Metadata, and AWS does not say it enforces it;
 * - `.*\S.*` (names) is "contains a non-whitespace character", its intent and what the new
 *   models say (`\S`), line breaks included.
 * The `u` flag makes lengths and classes work on code points; `\u10000-\u10FFFF` (Java's way of
 * writing the supplementary planes in these models) becomes `\u{10000}-\u{10FFFF}`; escapes of
 * characters that need none (`\:`, `\_`, `\@`) lose their backslash, which `u` requires.
 */
export function toJsRegex(pattern, wholeValue) {
  if (pattern === '.*') return undefined;
  if (pattern === '.*\\S.*') return '/\\S/u';
  const SYNTAX = new Set('^$\\.*+?()[]{}|/-'.split(''));
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char !== '\\') {
      source += char === '/' ? '\\/' : char;
      continue;
    }
    const next = pattern[i + 1];
    if (next === 'u') {
      const hex = /^[0-9a-fA-F]{4,6}/.exec(pattern.slice(i + 2))?.[0] ?? '';
      if (hex.length > 4) {
        source += `\\u{${hex}}`;
        i += 1 + hex.length;
        continue;
      }
      source += `\\u${hex}`;
      i += 1 + hex.length;
      continue;
    }
    if (/[A-Za-z0-9]/.test(next) || SYNTAX.has(next)) source += `\\${next}`;
    else source += next;
    i += 1;
  }
  const regex = new RegExp(wholeValue ? `^(?:${source})$` : source, 'u');
  return `/${regex.source}/u`;
}

/** The model module's type of each kind of shape. */
const TYPES = {
  string: 'StringShape',
  integer: 'NumberShape',
  long: 'NumberShape',
  float: 'NumberShape',
  double: 'NumberShape',
  boolean: 'BooleanShape',
  timestamp: 'TimestampShape',
  blob: 'BlobShape',
  list: 'ListShape',
  map: 'MapShape',
  structure: 'StructureShape',
};

/** A shape's name as a constant's: `$String`, not `String`, which would hide the global. */
function identifier(name) {
  return name in globalThis ? `$${name}` : name;
}

export const quote = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Collects shapes from one or more models and writes them. Names:
 * - a legacy shape: its model name (`ChimeArn`);
 * - a shape of a dedicated namespace: `<family>$<Name>` (`identity$ExpirationSettings`), or its
 *   plain name when the emitter serves that one namespace only (the emulator's);
 * - a legacy request structure with the counterpart's extra members: `<Name>$<family>`.
 */
export class ShapeEmitter {
  #entries = new Map();
  #order = [];
  /** The shapes each shape under construction refers to (innermost last). */
  #building = [];
  #plainFamily;

  /** @param {{ plainFamily?: string }} [options] shapes of this family are named without a prefix */
  constructor(options = {}) {
    this.#plainFamily = options.plainFamily;
  }

  /** A shape of the legacy model, as it is. */
  legacy(model, name) {
    return this.#add(identifier(name), model, name, (shape) =>
      this.#literal(shape, (target) => this.legacy(model, target), true),
    );
  }

  /** A shape of a dedicated namespace's model, as it is. */
  namespace(family, model, name) {
    const id = family === this.#plainFamily ? identifier(name) : `${family}$${name}`;
    return this.#add(id, model, name, (shape) =>
      this.#literal(shape, (target) => this.namespace(family, model, target), false),
    );
  }

  /**
   * The legacy shape, with the members only the new one has added (marked `newOnly`, with the new
   * model's shape) and the members the new one lacks marked `legacyOnly`, recursively. Where the
   * two have the same members, the legacy shape itself.
   */
  merged(legacyModel, legacyName, family, newModel, newName) {
    if (!this.#differs(legacyModel, legacyName, newModel, newName))
      return this.legacy(legacyModel, legacyName);
    const l = legacyModel.shapes.get(legacyName);
    const n = newModel.shapes.get(newName);
    const id = `${legacyName}$${family}`;
    return this.#add(id, legacyModel, legacyName, () => {
      if (l.type === 'list') {
        return this.#literal(l, () => this.merged(legacyModel, l.member, family, newModel, n.member), true);
      }
      if (l.type === 'map') {
        const value = this.merged(legacyModel, l.value, family, newModel, n.value);
        return this.#literal(
          l,
          (target) => (target === l.value ? value : this.legacy(legacyModel, target)),
          true,
        );
      }
      const members = l.members.map((member) => {
        const counterpart = n.members.find((candidate) => candidate.name === member.name);
        const shape = counterpart
          ? this.merged(legacyModel, member.target, family, newModel, counterpart.target)
          : this.legacy(legacyModel, member.target);
        return this.#member(member, shape, { legacy: true, legacyOnly: !counterpart });
      });
      for (const member of n.members) {
        if (l.members.some((candidate) => candidate.name === member.name)) continue;
        members.push(
          this.#member(member, this.namespace(family, newModel, member.target), { newOnly: true }),
        );
      }
      return `{ type: 'structure', members: {\n${members.join('')}  }${l.sensitive ? ', sensitive: true' : ''} }`;
    });
  }

  /** Whether one side has members the other lacks, anywhere under the two shapes. */
  #differs(legacyModel, legacyName, newModel, newName) {
    const l = legacyModel.shapes.get(legacyName);
    const n = newModel.shapes.get(newName);
    if (!l || !n || l.type !== n.type) return false;
    if (l.type === 'list') return this.#differs(legacyModel, l.member, newModel, n.member);
    if (l.type === 'map') return this.#differs(legacyModel, l.value, newModel, n.value);
    if (l.type !== 'structure') return false;
    const lacking = l.members.some(
      (member) => !n.members.some((candidate) => candidate.name === member.name),
    );
    return (
      lacking ||
      n.members.some((member) => {
        const old = l.members.find((candidate) => candidate.name === member.name);
        return !old || this.#differs(legacyModel, old.target, newModel, member.target);
      })
    );
  }

  #add(id, model, name, build) {
    this.#building.at(-1)?.add(id);
    if (!this.#entries.has(id)) {
      if (!model.shapes.has(name)) throw new Error(`unknown shape ${name}`);
      this.#entries.set(id, undefined); // reserved: a cycle would show up as an unfinished entry
      const uses = new Set();
      this.#building.push(uses);
      const code = build(model.shapes.get(name));
      this.#building.pop();
      this.#entries.set(id, { id, code, type: model.shapes.get(name).type, uses });
      this.#order.push(id);
    } else if (this.#entries.get(id) === undefined) {
      throw new Error(`recursive shape ${id}: the model module has no support for recursion`);
    }
    return id;
  }

  /** The shapes a shape is built from, itself included, at any depth. */
  closure(id, into = new Set()) {
    if (!into.has(id)) {
      into.add(id);
      for (const used of this.#entries.get(id).uses) this.closure(used, into);
    }
    return into;
  }

  /**
   * @param options.legacy a member of the legacy model: its idempotency tokens are required there,
   *   yet both SDKs fill them when absent, so callers never had to give them
   * @param options.newOnly only the counterpart has it
   * @param options.legacyOnly the counterpart lacks it
   */
  #member(member, shapeId, { legacy = false, newOnly = false, legacyOnly = false } = {}) {
    const required = member.required && !newOnly && !(legacy && member.idempotencyToken);
    const flags = [
      required ? 'required: true' : undefined,
      newOnly ? 'newOnly: true' : undefined,
      legacyOnly ? 'legacyOnly: true' : undefined,
    ].filter(Boolean);
    return `    ${member.name}: { shape: ${shapeId}${flags.map((flag) => `, ${flag}`).join('')} },\n`;
  }

  #literal(shape, ref, wholeValue) {
    const parts = [`type: '${shape.type}'`];
    const bounds = () => {
      if (shape.min !== undefined) parts.push(`min: ${shape.min}`);
      if (shape.max !== undefined) parts.push(`max: ${shape.max}`);
    };
    switch (shape.type) {
      case 'string':
        bounds();
        {
          const regex = shape.pattern === undefined ? undefined : toJsRegex(shape.pattern, wholeValue);
          if (regex !== undefined) parts.push(`pattern: { text: ${quote(shape.pattern)}, regex: ${regex} }`);
        }
        if (shape.enum) parts.push(`enum: [${shape.enum.map(quote).join(', ')}]`);
        break;
      case 'integer':
      case 'long':
      case 'float':
      case 'double':
        bounds();
        break;
      case 'timestamp':
        if (shape.timestampFormat) parts.push(`format: '${shape.timestampFormat}'`);
        break;
      case 'list':
        parts.push(`member: ${ref(shape.member)}`);
        bounds();
        break;
      case 'map':
        parts.push(`key: ${ref(shape.key)}`, `value: ${ref(shape.value)}`);
        bounds();
        break;
      case 'structure': {
        const members = shape.members.map((member) =>
          this.#member(member, ref(member.target), { legacy: wholeValue }),
        );
        return `{ type: 'structure', members: {${members.length ? `\n${members.join('')}  ` : ''}}${shape.sensitive ? ', sensitive: true' : ''} }`;
      }
      case 'boolean':
      case 'blob':
        break;
      default:
        throw new Error(`shape ${shape.name}: type ${shape.type} is not supported`);
    }
    if (shape.sensitive) parts.push('sensitive: true');
    return `{ ${parts.join(', ')} }`;
  }

  /**
   * The collected shapes (or those of `ids`), dependencies first, each with the model module's
   * type; `exported` ones with `export`.
   */
  code(ids = this.#order, exported = new Set()) {
    const wanted = new Set(ids);
    return this.#order
      .filter((id) => wanted.has(id))
      .map((id) => {
        const { code, type } = this.#entries.get(id);
        return `${exported.has(id) ? 'export ' : ''}const ${id}: ${TYPES[type]} = ${code};\n`;
      })
      .join('');
  }

  /** The model module's type names the code of these shapes uses. */
  typeNames(ids = this.#order) {
    const names = new Set();
    for (const id of ids) names.add(TYPES[this.#entries.get(id).type]);
    return [...names].sort();
  }
}
