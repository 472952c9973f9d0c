import type * as t from '@babel/types';
import type { Analysis, Binding, Reference } from './scope.js';

/**
 * What an expression stands for, as far as the Chime SDK is concerned: a Chime module, one of
 * its exports, a client instance, a command. Everything else has no meaning here, so an unrelated
 * `createChannel` method, a local class called `Chime` or a string never counts.
 */
export type Meaning =
  /** `import * as Chime from '@aws-sdk/client-chime'`, `require('chime-identity-shim')`. */
  | { readonly kind: 'module'; readonly source: string }
  /** SDK v2's `AWS` namespace (`aws-sdk`). */
  | { readonly kind: 'aws' }
  /** A named export of an SDK v3 Chime module: `CreateChannelCommand`, `ChimeClient`, `Chime`. */
  | { readonly kind: 'export'; readonly source: string; readonly name: string }
  /** SDK v2's Chime class: `AWS.Chime`, `require('aws-sdk/clients/chime')`. */
  | { readonly kind: 'v2-class'; readonly source: string }
  /** A client instance. */
  | ClientMeaning
  /** `new CreateChannelCommand(input)` held in a variable. */
  | {
      readonly kind: 'command';
      readonly source: string;
      readonly name: string;
      readonly node: t.NewExpression;
    }
  /** The CommonJS `require`. */
  | { readonly kind: 'require' };

export interface ClientMeaning {
  readonly kind: 'client';
  readonly sdk: 'v3' | 'v2';
  /** `Chime` (v3) and every v2 client have one method per operation; `ChimeClient` only `send`. */
  readonly aggregated: boolean;
  /** The module the class came from. */
  readonly source: string;
  /** Where the instance is made or declared: one plan per origin when the code is migrated. */
  readonly origin: ClientOrigin;
}

/**
 * Where a client comes from: a variable or parameter (`binding`), a class field (`field`, with
 * its class), or an expression used in place (`new Chime(cfg).createChannel(...)`).
 */
export type ClientOrigin =
  | {
      readonly kind: 'binding';
      readonly binding: Binding;
      readonly construction?: t.NewExpression | undefined;
    }
  | {
      readonly kind: 'field';
      readonly owner: t.Class;
      readonly name: string;
      readonly construction?: t.NewExpression | undefined;
    }
  | { readonly kind: 'inline'; readonly construction: t.NewExpression }
  | { readonly kind: 'unknown'; readonly node: t.Node };

/** The SDK v3 modules that export Chime's commands and clients. */
export const V3_MODULES: ReadonlySet<string> = new Set([
  '@aws-sdk/client-chime',
  'chime-identity-shim',
  'chime-identity-shim/function',
]);
/** SDK v2: the whole SDK, and Chime's own client module. */
export const V2_MODULES: ReadonlySet<string> = new Set(['aws-sdk', 'aws-sdk/clients/chime']);

const PENDING = Symbol('pending');

/** The meanings of one analysed file, computed on demand and remembered. */
export class Meanings {
  private readonly bindings = new Map<Binding, Meaning | undefined | typeof PENDING>();
  private readonly fields = new Map<string, Meaning | undefined | typeof PENDING>();

  constructor(readonly analysis: Analysis) {}

  /** What `node` stands for, or `undefined`. */
  of(node: t.Node | null | undefined): Meaning | undefined {
    if (!node) return undefined;
    switch (node.type) {
      case 'Identifier': {
        const binding = this.analysis.bindingOf(node);
        if (binding) return this.ofBinding(binding);
        return node.name === 'require' ? { kind: 'require' } : undefined;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const name = propertyName(node);
        if (name === undefined) return undefined;
        if (node.object.type === 'ThisExpression') {
          const owner = this.analysis.thisClass.get(node.object);
          return owner ? this.ofField(owner, name) : undefined;
        }
        return memberOf(this.of(node.object), name);
      }
      case 'CallExpression': {
        const specifier = moduleSpecifierOf(node, this);
        return specifier === undefined ? undefined : moduleMeaning(specifier);
      }
      case 'AwaitExpression': {
        // `await import('@aws-sdk/client-chime')`
        const inner = this.of(node.argument);
        return inner?.kind === 'module' || inner?.kind === 'aws' || inner?.kind === 'v2-class'
          ? inner
          : undefined;
      }
      case 'NewExpression': {
        const callee = this.of(node.callee);
        return construct(callee, node, { kind: 'inline', construction: node });
      }
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TypeCastExpression':
        return this.of(node.expression);
      case 'SequenceExpression':
        return this.of(node.expressions.at(-1));
      case 'LogicalExpression':
        return clientOf(this.of(node.right)) ?? clientOf(this.of(node.left));
      case 'ConditionalExpression':
        return clientOf(this.of(node.consequent)) ?? clientOf(this.of(node.alternate));
      default:
        return undefined;
    }
  }

  /** What a binding holds, from its import, its initialiser, its type or its assignments. */
  ofBinding(binding: Binding): Meaning | undefined {
    const known = this.bindings.get(binding);
    if (known === PENDING) return undefined;
    if (known !== undefined || this.bindings.has(binding)) return known;
    this.bindings.set(binding, PENDING);
    const meaning = this.computeBinding(binding);
    this.bindings.set(binding, meaning);
    return meaning;
  }

  private computeBinding(binding: Binding): Meaning | undefined {
    const origin: ClientOrigin = { kind: 'binding', binding };
    switch (binding.kind) {
      case 'import': {
        const declaration = binding.declaration as t.ImportDeclaration;
        const source = declaration.source.value;
        const specifier = binding.specifier!;
        if (specifier.type === 'ImportSpecifier') {
          const imported =
            specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          return imported === 'default' ? moduleMeaning(source) : memberOf(moduleMeaning(source), imported);
        }
        // A namespace, or a default import of a CommonJS module: the module object.
        return moduleMeaning(source);
      }
      case 'import-equals': {
        const declaration = binding.declaration as t.TSImportEqualsDeclaration;
        const reference = declaration.moduleReference;
        if (reference.type === 'TSExternalModuleReference') return moduleMeaning(reference.expression.value);
        return undefined;
      }
      case 'var':
      case 'let':
      case 'const':
      case 'using': {
        const { declarator, path = [] } = binding;
        let meaning = this.of(declarator?.init);
        if (meaning?.kind === 'client' && path.length === 0) {
          meaning = {
            ...meaning,
            origin: { kind: 'binding', binding, construction: constructionOf(declarator?.init) },
          };
        }
        for (const step of path) meaning = step === null ? undefined : memberOf(meaning, step);
        if (meaning) return meaning;
        for (const value of binding.assignments) {
          const assigned = clientOf(this.of(value));
          if (assigned)
            return { ...assigned, origin: { kind: 'binding', binding, construction: constructionOf(value) } };
        }
        if (path.length === 0) return this.ofType(binding.identifier.typeAnnotation, origin);
        return undefined;
      }
      case 'param': {
        const fromDefault = clientOf(this.of(binding.defaultValue));
        if (fromDefault) return { ...fromDefault, origin };
        return this.ofType(binding.identifier.typeAnnotation, origin);
      }
      default:
        return undefined;
    }
  }

  /** `this.name` in a method of `owner`: its field's initialiser or type, or what the methods assign. */
  ofField(owner: t.Class, name: string): Meaning | undefined {
    const key = `${owner.start}:${name}`;
    const known = this.fields.get(key);
    if (known === PENDING) return undefined;
    if (known !== undefined || this.fields.has(key)) return known;
    this.fields.set(key, PENDING);
    const meaning = this.computeField(owner, name);
    this.fields.set(key, meaning);
    return meaning;
  }

  private computeField(owner: t.Class, name: string): Meaning | undefined {
    const field = (construction: t.Node | null | undefined): ClientOrigin => ({
      kind: 'field',
      owner,
      name,
      construction: constructionOf(construction),
    });
    for (const member of owner.body.body) {
      if (
        (member.type === 'ClassProperty' || member.type === 'ClassAccessorProperty') &&
        !member.computed &&
        member.key.type === 'Identifier' &&
        member.key.name === name
      ) {
        const value = clientOf(this.of(member.value));
        if (value) return { ...value, origin: field(member.value) };
        const typed = this.ofType(member.typeAnnotation, field(undefined));
        if (typed) return typed;
      }
      if (member.type === 'ClassMethod' && member.kind === 'constructor') {
        for (const param of member.params) {
          if (param.type !== 'TSParameterProperty') continue;
          const inner = param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter;
          if (inner.type !== 'Identifier' || inner.name !== name) continue;
          const binding = this.analysis.bindingOf(inner);
          const meaning = binding ? clientOf(this.ofBinding(binding)) : undefined;
          if (meaning) return { ...meaning, origin: field(undefined) };
        }
      }
    }
    for (const value of this.analysis.thisAssignments.get(owner)?.get(name) ?? []) {
      const assigned = clientOf(this.of(value));
      if (assigned) return { ...assigned, origin: field(value) };
    }
    return undefined;
  }

  /** A client by its declared type: `chime: ChimeClient`, `client: AWS.Chime`. */
  ofType(annotation: t.Node | null | undefined, origin: ClientOrigin): ClientMeaning | undefined {
    if (!annotation) return undefined;
    switch (annotation.type) {
      case 'TSTypeAnnotation':
        return this.ofType(annotation.typeAnnotation, origin);
      case 'TSUnionType':
        for (const type of annotation.types) {
          const meaning = this.ofType(type, origin);
          if (meaning) return meaning;
        }
        return undefined;
      case 'TSTypeReference':
        return clientOf(construct(this.ofEntity(annotation.typeName), undefined, origin));
      default:
        return undefined;
    }
  }

  private ofEntity(name: t.Node): Meaning | undefined {
    if (name.type === 'Identifier') return this.of(name);
    if (name.type === 'TSQualifiedName') return memberOf(this.ofEntity(name.left), name.right.name);
    return undefined;
  }
}

/** A module's meaning by its specifier, if it is one of Chime's. */
export function moduleMeaning(source: string): Meaning | undefined {
  if (V3_MODULES.has(source)) return { kind: 'module', source };
  if (source === 'aws-sdk') return { kind: 'aws' };
  if (source === 'aws-sdk/clients/chime') return { kind: 'v2-class', source };
  return undefined;
}

function memberOf(meaning: Meaning | undefined, name: string): Meaning | undefined {
  if (!meaning) return undefined;
  if (meaning.kind === 'module') return { kind: 'export', source: meaning.source, name };
  if (meaning.kind === 'aws' && name === 'Chime') return { kind: 'v2-class', source: 'aws-sdk' };
  return undefined;
}

/** The instance `new Callee(...)` makes, for a Chime client class or command. */
function construct(
  callee: Meaning | undefined,
  node: t.NewExpression | undefined,
  origin: ClientOrigin,
): Meaning | undefined {
  if (!callee) return undefined;
  if (callee.kind === 'v2-class')
    return { kind: 'client', sdk: 'v2', aggregated: true, source: callee.source, origin };
  if (callee.kind !== 'export' || callee.source === 'chime-identity-shim/function') return undefined;
  if (callee.name === 'ChimeClient' || callee.name === 'Chime') {
    return { kind: 'client', sdk: 'v3', aggregated: callee.name === 'Chime', source: callee.source, origin };
  }
  if (node && callee.name.endsWith('Command')) {
    return { kind: 'command', source: callee.source, name: callee.name, node };
  }
  return undefined;
}

function clientOf(meaning: Meaning | undefined): ClientMeaning | undefined {
  return meaning?.kind === 'client' ? meaning : undefined;
}

function constructionOf(node: t.Node | null | undefined): t.NewExpression | undefined {
  let current = node;
  while (
    current &&
    (current.type === 'ParenthesizedExpression' ||
      current.type === 'TSAsExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSNonNullExpression')
  ) {
    current = current.expression;
  }
  return current?.type === 'NewExpression' ? current : undefined;
}

/** `x.name` and `x['name']`: the property's name. */
export function propertyName(node: t.MemberExpression | t.OptionalMemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'StringLiteral') return node.property.value;
  return undefined;
}

/** `require('x')` or `import('x')`: the specifier `x`. */
export function moduleSpecifierOf(
  node: t.CallExpression | t.OptionalCallExpression,
  meanings: Meanings,
): string | undefined {
  const [first] = node.arguments;
  if (first?.type !== 'StringLiteral') return undefined;
  if (node.callee.type === 'Import') return first.value;
  if (node.callee.type === 'Identifier' && meanings.of(node.callee)?.kind === 'require') return first.value;
  return undefined;
}

export type { Reference };
