import type * as t from '@babel/types';
import { type Meanings, moduleSpecifierOf, V3_MODULES } from '../analysis/meaning.js';
import type { Analysis, Binding } from '../analysis/scope.js';
import type { Edits } from '../source/edits.js';
import { textOf } from '../source/layout.js';
import { quoteOf } from './references.js';

/**
 * One name a file takes from an SDK v3 Chime module (`@aws-sdk/client-chime`, this package):
 * `import { X as Y }`, `import * as Ns`, `const { X } = require(...)`, `const ns = require(...)`,
 * `import ns = require(...)`. Only top-level declarations with one declarator are managed: the
 * migration rewrites those; anything else is left where it is.
 */
export interface ChimeImport {
  readonly binding: Binding;
  readonly source: string;
  /** The exported name, or `*` for the module object. */
  readonly imported: string;
  readonly typeOnly: boolean;
  readonly declaration: t.ImportDeclaration | t.VariableDeclaration | t.TSImportEqualsDeclaration;
}

/** A name to import: from where, under which exported name, type-only or not. */
export interface Target {
  readonly source: string;
  readonly name: string;
  readonly typeOnly: boolean;
}

/** The managed Chime imports of a file, in source order. */
export function chimeImports(analysis: Analysis, meanings: Meanings): ChimeImport[] {
  const found: ChimeImport[] = [];
  for (const statement of analysis.program.body) {
    if (statement.type === 'ImportDeclaration' && V3_MODULES.has(statement.source.value)) {
      for (const specifier of statement.specifiers) {
        const binding = analysis.bindingOf(specifier.local);
        if (!binding) continue;
        const imported =
          specifier.type === 'ImportSpecifier'
            ? specifier.imported.type === 'Identifier'
              ? specifier.imported.name
              : specifier.imported.value
            : '*';
        found.push({
          binding,
          source: statement.source.value,
          imported: imported === 'default' ? '*' : imported,
          typeOnly:
            statement.importKind === 'type' ||
            (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type'),
          declaration: statement,
        });
      }
    } else if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1) {
      const [declarator] = statement.declarations;
      const init = declarator!.init;
      if (init?.type !== 'CallExpression') continue;
      const source = moduleSpecifierOf(init, meanings);
      if (source === undefined || !V3_MODULES.has(source)) continue;
      const { id } = declarator!;
      if (id.type === 'Identifier') {
        const binding = analysis.bindingOf(id);
        if (binding) found.push({ binding, source, imported: '*', typeOnly: false, declaration: statement });
      } else if (id.type === 'ObjectPattern' && id.properties.every(isPlainProperty)) {
        for (const property of id.properties as t.ObjectProperty[]) {
          const binding = analysis.bindingOf(property.value as t.Identifier);
          if (!binding) continue;
          const key = property.key as t.Identifier | t.StringLiteral;
          found.push({
            binding,
            source,
            imported: key.type === 'Identifier' ? key.name : key.value,
            typeOnly: false,
            declaration: statement,
          });
        }
      }
    } else if (
      statement.type === 'TSImportEqualsDeclaration' &&
      statement.moduleReference.type === 'TSExternalModuleReference' &&
      V3_MODULES.has(statement.moduleReference.expression.value)
    ) {
      const binding = analysis.bindingOf(statement.id);
      if (binding) {
        found.push({
          binding,
          source: statement.moduleReference.expression.value,
          imported: '*',
          typeOnly: statement.importKind === 'type',
          declaration: statement,
        });
      }
    }
  }
  return found;
}

function isPlainProperty(property: t.ObjectPattern['properties'][number]): boolean {
  return (
    property.type === 'ObjectProperty' &&
    !property.computed &&
    (property.key.type === 'Identifier' || property.key.type === 'StringLiteral') &&
    property.value.type === 'Identifier'
  );
}

/** A place in the code that names an imported Chime export: `X`, or `Ns.X` on a module object. */
export interface NameUse {
  readonly node: t.Identifier | t.MemberExpression;
  readonly chimeImport: ChimeImport;
  /** The export it names. */
  readonly name: string;
  /** In a type position only. */
  readonly type: boolean;
}

/**
 * What the file's imports become: each use of an imported Chime name is pointed at a target (the
 * same import, a family package's export, `@aws-sdk/client-chime` instead of this package, ...),
 * and the rewritten code may ask for more names (`ref`). Local names are decided once everything
 * is known (`finish`): a target takes its own name when it is free or when the import that held it
 * goes away, else a prefixed alias; code written before then holds a placeholder for it.
 */
export class ImportPlan {
  private readonly decided = new Map<t.Node, { use: NameUse; target: Target | null }>();
  private readonly extra = new Map<string, Target>();
  private readonly locals = new Map<string, string>();
  private readonly placeholders = new Map<string, Target>();
  /** Module-object imports that still carry some use (`Ns.X` that stays). */
  private readonly namespacesKept = new Set<ChimeImport>();
  private uses: NameUse[] | undefined;

  constructor(
    private readonly text: string,
    private readonly analysis: Analysis,
    private readonly imports: readonly ChimeImport[],
    private readonly names: NameTable,
    private readonly style: { readonly esm: boolean; readonly typescript: boolean },
  ) {}

  /** Every use of every managed import, in source order. */
  allUses(): NameUse[] {
    if (this.uses) return this.uses;
    const uses: NameUse[] = [];
    for (const chimeImport of this.imports) {
      for (const reference of chimeImport.binding.references) {
        const { identifier } = reference;
        if (chimeImport.imported !== '*') {
          uses.push({ node: identifier, chimeImport, name: chimeImport.imported, type: reference.type });
          continue;
        }
        const parent = this.analysis.parents.get(identifier);
        if (parent?.type === 'MemberExpression' && parent.object === identifier && !parent.computed) {
          const name = (parent.property as t.Identifier).name;
          uses.push({ node: parent, chimeImport, name, type: reference.type });
        } else {
          // The module object itself (passed around, or a type namespace `Ns.X`): it stays.
          uses.push({ node: identifier, chimeImport, name: '*', type: reference.type });
        }
      }
    }
    this.uses = uses.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
    return this.uses;
  }

  /** The use of an import at `node` (an identifier, or `Ns.X`), if `node` is one. */
  useAt(node: t.Node | undefined): NameUse | undefined {
    if (!node) return undefined;
    if (!this.indexed) {
      this.indexed = new Map();
      for (const use of this.allUses()) this.indexed.set(use.node, use);
    }
    return this.indexed.get(node);
  }
  private indexed: Map<t.Node, NameUse> | undefined;

  /** Where an import nothing uses goes (by default, where it was). */
  unusedTarget: (chimeImport: ChimeImport) => Target = (chimeImport) => ({
    source: chimeImport.source,
    name: chimeImport.imported,
    typeOnly: chimeImport.typeOnly,
  });

  /** Points a use at `target`; `null` when the use disappears with the code around it. */
  point(use: NameUse, target: Target | null): void {
    this.decided.set(use.node, { use, target });
  }

  /** The target a use was pointed at (`undefined`: not decided). */
  targetOf(use: NameUse): Target | null | undefined {
    return this.decided.get(use.node)?.target;
  }

  /** A name the rewritten code needs; returns a placeholder that `finish` resolves to its local name. */
  ref(target: Target): string {
    const key = keyOf(target);
    const known = this.extra.get(key);
    this.extra.set(key, known ? { ...known, typeOnly: known.typeOnly && target.typeOnly } : target);
    const placeholder = `\uE000${this.placeholders.size}\uE001`;
    this.placeholders.set(placeholder, target);
    return placeholder;
  }

  /**
   * Writes the result into `edits`: the renamed uses, then the declarations. A declaration whose
   * names all stay exactly as they were keeps its bytes; the others are replaced by the new
   * declarations, written where the first of them was.
   *
   * @param trailing declarations that need the imports (written right after them)
   * @returns the function that puts the local names in place of the placeholders
   */
  finish(
    edits: Edits,
    lineBreak: string,
    trailing: readonly string[] = [],
  ): { resolve: (text: string) => string } {
    const uses = this.allUses();
    for (const use of uses) {
      if (!this.decided.has(use.node)) {
        this.point(use, {
          source: use.chimeImport.source,
          name: use.name,
          typeOnly: use.chimeImport.typeOnly,
        });
      }
    }
    // A module object whose uses all keep their names, in one module: the import moves, the uses stay.
    const moduleSource = new Map<ChimeImport, string | null>();
    for (const chimeImport of this.imports.filter((entry) => entry.imported === '*')) {
      const own = [...this.decided.values()].filter(({ use }) => use.chimeImport === chimeImport);
      const sources = new Set(
        own.map(({ use, target }) =>
          target && (target.name === use.name || use.name === '*') ? target.source : null,
        ),
      );
      const [only] = sources;
      moduleSource.set(chimeImport, sources.size === 1 && only ? only : null);
    }

    const carries = (use: NameUse, target: Target) =>
      use.chimeImport.imported === '*' &&
      (use.name === '*' ||
        moduleSource.get(use.chimeImport) !== null ||
        target.source === use.chimeImport.source);
    for (const { use, target } of this.decided.values()) {
      if (target && carries(use, target)) this.namespacesKept.add(use.chimeImport);
    }

    const wanted = new Map<string, Wanted>();
    const want = (target: Target, local: string) => {
      const key = wantedKey(target, local);
      const entry = wanted.get(key);
      if (entry) entry.typeOnly &&= target.typeOnly;
      else wanted.set(key, { target, local, typeOnly: target.typeOnly });
    };
    // Names first for the targets an import already holds, so those keep their local names.
    const ordered = [...this.decided.values()].sort(
      (a, b) => Number(this.holderOf(b.target) !== undefined) - Number(this.holderOf(a.target) !== undefined),
    );
    for (const { use, target } of ordered) {
      if (!target) continue;
      if (carries(use, target)) {
        // `Ns.X` that stays `Ns.X`, or the module object: the namespace import carries it.
        const source = moduleSource.get(use.chimeImport) ?? use.chimeImport.source;
        want({ source, name: '*', typeOnly: use.chimeImport.typeOnly }, use.chimeImport.binding.name);
        continue;
      }
      const local = this.localFor(target);
      want(target, local);
      const current = use.node.type === 'Identifier' ? use.node.name : undefined;
      if (local !== current) edits.replace(use.node.start!, use.node.end!, local);
    }
    for (const target of this.extra.values()) want(target, this.localFor(target));
    // An import nothing uses keeps its name, from where `unusedTarget` says.
    for (const chimeImport of this.imports) {
      if (!uses.some((use) => use.chimeImport === chimeImport))
        want(this.unusedTarget(chimeImport), chimeImport.binding.name);
    }

    const declarations = [...new Set(this.imports.map((chimeImport) => chimeImport.declaration))];
    const placed = new Set<string>();
    const removed: t.Node[] = [];
    for (const declaration of declarations) {
      const own = this.imports.filter((chimeImport) => chimeImport.declaration === declaration);
      const keyOfImport = (chimeImport: ChimeImport) =>
        wantedKey(
          { source: chimeImport.source, name: chimeImport.imported, typeOnly: false },
          chimeImport.binding.name,
        );
      const unchanged = own.every((chimeImport) => {
        const entry = wanted.get(keyOfImport(chimeImport));
        return entry !== undefined && entry.local === chimeImport.binding.name;
      });
      if (unchanged) {
        for (const chimeImport of own) placed.add(keyOfImport(chimeImport));
      } else {
        removed.push(declaration);
      }
    }
    const remaining = [...wanted.entries()].filter(([key]) => !placed.has(key)).map(([, entry]) => entry);
    const anchor = declarations[0];
    const format = {
      quote: anchor ? quoteOfDeclaration(anchor, this.text) : "'",
      semicolon: anchor ? this.text.slice(0, anchor.end!).endsWith(';') : true,
      multiline: removed.some((declaration) => textOf(this.text, declaration).includes('\n')),
      lineBreak,
    };
    const written = [...this.declarationsFor(remaining, format), ...trailing];
    if (removed.length === 0) {
      if (written.length > 0) {
        const after = anchor ? declarations.at(-1)!.end! : lastImportEnd(this.analysis);
        if (after > 0) edits.insert(after, lineBreak + written.join(lineBreak));
        else {
          // No import yet: before the first statement, below the file's header comment and directives.
          const first = this.analysis.program.body[0];
          edits.insert(first?.start ?? this.text.length, written.join(lineBreak) + lineBreak + lineBreak);
        }
      }
    } else {
      const [first, ...rest] = removed;
      edits.replace(first!.start!, first!.end!, written.join(lineBreak));
      for (const declaration of rest) removeStatement(edits, this.text, declaration);
    }
    const resolve = (text: string): string =>
      text.replace(/\uE000\d+\uE001/g, (placeholder) => this.localFor(this.placeholders.get(placeholder)!));
    return { resolve };
  }

  /** The managed import that already brings exactly this target, if any. */
  private holderOf(target: Target | null): ChimeImport | undefined {
    if (!target) return undefined;
    return this.imports.find((entry) => entry.source === target.source && entry.imported === target.name);
  }

  /** The local name of a target: its holder's, its own when free or freed, else a prefixed alias. */
  private localFor(target: Target): string {
    const key = keyOf(target);
    const known = this.locals.get(key);
    if (known) return known;
    const holder = this.holderOf(target);
    let local: string;
    if (holder && this.stays(holder, target)) {
      local = holder.binding.name;
    } else {
      // The name is free when its import goes: every use moves to this target (or, for a module
      // object, no use keeps `Ns.X`).
      const freed = this.imports.some(
        (entry) =>
          entry.binding.name === target.name &&
          (entry.imported === '*' ? !this.namespacesKept.has(entry) : this.goesAway(entry, target)),
      );
      local = this.names.claim(target.name, freed, prefixOf(target.source));
    }
    this.locals.set(key, local);
    return local;
  }

  /** Some use of the import still names this target (so the import keeps its local name). */
  private stays(holder: ChimeImport, target: Target): boolean {
    const own = [...this.decided.values()].filter(({ use }) => use.chimeImport === holder);
    if (own.length === 0) return keyOf(this.unusedTarget(holder)) === keyOf(target);
    return own.some(({ target: decided }) => decided !== null && keyOf(decided) === keyOf(target));
  }

  /** Every use of the import goes to `target` or disappears: its name is free for `target`. */
  private goesAway(entry: ChimeImport, target: Target): boolean {
    const own = [...this.decided.values()].filter(({ use }) => use.chimeImport === entry);
    if (own.length === 0) return keyOf(this.unusedTarget(entry)) === keyOf(target);
    return own.every(({ target: decided }) => decided === null || keyOf(decided) === keyOf(target));
  }

  private declarationsFor(
    entries: readonly Wanted[],
    format: { quote: string; semicolon: boolean; multiline: boolean; lineBreak: string },
  ): string[] {
    const bySource = new Map<string, Wanted[]>();
    for (const entry of entries) {
      const list = bySource.get(entry.target.source) ?? [];
      list.push(entry);
      bySource.set(entry.target.source, list);
    }
    const end = format.semicolon ? ';' : '';
    const q = format.quote;
    const out: string[] = [];
    for (const [source, list] of [...bySource].sort(([a], [b]) => sourceRank(a) - sourceRank(b))) {
      for (const entry of list.filter((candidate) => candidate.target.name === '*')) {
        out.push(
          this.style.esm
            ? `import ${entry.typeOnly && this.style.typescript ? 'type ' : ''}* as ${entry.local} from ${q}${source}${q}${end}`
            : `const ${entry.local} = require(${q}${source}${q})${end}`,
        );
      }
      // Sorted by name, as Biome's and ESLint's import sorting leave them.
      const named = list
        .filter((candidate) => candidate.target.name !== '*')
        .sort((a, b) => (a.target.name < b.target.name ? -1 : a.target.name > b.target.name ? 1 : 0));
      if (named.length === 0) continue;
      const allTypes = this.style.esm && this.style.typescript && named.every((entry) => entry.typeOnly);
      const specifiers = named.map((entry) => {
        const type = this.style.esm && this.style.typescript && entry.typeOnly && !allTypes ? 'type ' : '';
        if (entry.local === entry.target.name) return `${type}${entry.local}`;
        return this.style.esm
          ? `${type}${entry.target.name} as ${entry.local}`
          : `${entry.target.name}: ${entry.local}`;
      });
      const braces =
        format.multiline && specifiers.length > 1
          ? `{${format.lineBreak}${specifiers.map((specifier) => `  ${specifier},`).join(format.lineBreak)}${format.lineBreak}}`
          : `{ ${specifiers.join(', ')} }`;
      out.push(
        this.style.esm
          ? `import ${allTypes ? 'type ' : ''}${braces} from ${q}${source}${q}${end}`
          : `const ${braces} = require(${q}${source}${q})${end}`,
      );
    }
    return out;
  }
}

interface Wanted {
  readonly target: Target;
  readonly local: string;
  typeOnly: boolean;
}

function keyOf(target: Target): string {
  return `${target.source}\u0000${target.name}`;
}

/** Module objects are one import per local name (`import * as A` and `import * as B` of one module). */
function wantedKey(target: Target, local: string): string {
  return target.name === '*' ? `${keyOf(target)}\u0000${local}` : keyOf(target);
}

/** Node's own modules first, then the legacy client, this package, and the families in order. */
function sourceRank(source: string): number {
  if (source.startsWith('node:')) return 0;
  if (source === '@aws-sdk/client-chime') return 1;
  if (source.startsWith('chime-identity-shim')) return 2;
  return 3;
}

/** The prefix of an alias for a name a family package shares with another import: `Messaging`. */
function prefixOf(source: string): string {
  const family = /client-chime-sdk-([a-z-]+)$/.exec(source)?.[1];
  if (family) return family.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
  if (source === '@aws-sdk/client-chime') return 'Legacy';
  if (source.startsWith('chime-identity-shim')) return 'Shim';
  return 'Imported';
}

function quoteOfDeclaration(declaration: t.Node, text: string): string {
  if (declaration.type === 'ImportDeclaration') return quoteOf(declaration.source, text);
  if (
    declaration.type === 'TSImportEqualsDeclaration' &&
    declaration.moduleReference.type === 'TSExternalModuleReference'
  )
    return quoteOf(declaration.moduleReference.expression, text);
  if (declaration.type === 'VariableDeclaration') {
    const init = declaration.declarations[0]?.init;
    if (init?.type === 'CallExpression' && init.arguments[0]?.type === 'StringLiteral')
      return quoteOf(init.arguments[0], text);
  }
  return "'";
}

/** The end of the file's last top-level import or `require` declaration (0 when it has none). */
export function lastImportEnd(analysis: Analysis): number {
  let end = 0;
  for (const statement of analysis.program.body) {
    if (
      statement.type === 'ImportDeclaration' ||
      statement.type === 'TSImportEqualsDeclaration' ||
      (statement.type === 'VariableDeclaration' &&
        statement.declarations.every(
          (declarator) =>
            declarator.init?.type === 'CallExpression' &&
            declarator.init.callee.type === 'Identifier' &&
            declarator.init.callee.name === 'require',
        ))
    ) {
      end = statement.end ?? end;
    } else if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'StringLiteral') {
      // Imports come first; a later one (after code) does not move the anchor.
      if (end > 0) break;
    }
  }
  return end;
}

/** Removes a whole statement and the line break after it. */
export function removeStatement(edits: Edits, text: string, statement: t.Node): void {
  let end = statement.end!;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (text.charAt(end) === '\n') end += 1;
  edits.replace(statement.start!, end, '');
}

/**
 * Every name the file declares or reads, so that a new name never shadows or is shadowed by one.
 */
export class NameTable {
  private readonly taken = new Set<string>();
  /** Names this table handed out: a freed name goes to one new import only. */
  private readonly assigned = new Set<string>();

  constructor(analysis: Analysis) {
    for (const scope of analysis.scopes) for (const name of scope.bindings.keys()) this.taken.add(name);
    for (const name of analysis.unresolved.keys()) this.taken.add(name);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** `name` when free (or `freed`: its holder goes away), else `${prefix}${name}`, else numbered. */
  claim(name: string, freed: boolean, prefix: string): string {
    if (!this.assigned.has(name) && (freed || !this.taken.has(name))) return this.assign(name);
    let candidate = `${prefix}${name}`;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${prefix}${name}${n}`;
    return this.assign(candidate);
  }

  /** A fresh variable name: `base`, `base2`, ... */
  fresh(base: string): string {
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base}${n}`;
    return this.assign(candidate);
  }

  private assign(name: string): string {
    this.taken.add(name);
    this.assigned.add(name);
    return name;
  }
}
