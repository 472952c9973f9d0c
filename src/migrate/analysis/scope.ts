import type * as t from '@babel/types';

/**
 * Scopes and bindings, enough to tell which identifiers are bound to the Chime SDK and which
 * merely share a name with it: a `Chime` that is a local class, a `createChannel` on an unrelated
 * object, a parameter that shadows an import. One walk declares every binding (so hoisting and
 * use-before-declaration resolve) and records every identifier read; references are resolved
 * against the scope chain once the walk is done.
 */

export type BindingKind =
  | 'import'
  | 'import-equals'
  | 'var'
  | 'let'
  | 'const'
  | 'using'
  | 'param'
  | 'function'
  | 'class'
  | 'catch'
  | 'enum'
  | 'namespace'
  | 'type';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  readonly scope: Scope;
  /** The identifier that declares it. */
  readonly identifier: t.Identifier;
  /** A variable: its declarator, and where in the initialiser's value it sits (`null`: not a plain property). */
  readonly declarator?: t.VariableDeclarator | undefined;
  readonly path?: readonly (string | null)[] | undefined;
  /** A parameter's or destructured property's default value. */
  readonly defaultValue?: t.Expression | undefined;
  /** An import: its declaration and specifier (`import x = require(...)` has no specifier). */
  readonly declaration?: t.ImportDeclaration | t.TSImportEqualsDeclaration | undefined;
  readonly specifier?: t.ImportSpecifier | t.ImportDefaultSpecifier | t.ImportNamespaceSpecifier | undefined;
  /** Every identifier that reads (or writes) it, in source order. */
  readonly references: Reference[];
  /** Values assigned to it after its declaration (`x = value`). */
  readonly assignments: t.Expression[];
}

export interface Reference {
  readonly identifier: t.Identifier;
  /** In a type position only (`let c: ChimeClient`): erased at run time. */
  readonly type: boolean;
}

export type ScopeKind = 'program' | 'function' | 'block' | 'class';

export interface Scope {
  readonly kind: ScopeKind;
  readonly parent: Scope | undefined;
  readonly node: t.Node;
  readonly bindings: Map<string, Binding>;
}

/** What one walk of a file learns. */
export interface Analysis {
  readonly program: t.Program;
  /** Every scope, the program's first. */
  readonly scopes: readonly Scope[];
  /** Each node's parent (the program has none). */
  readonly parents: Map<t.Node, t.Node>;
  /** `new X(...)` and calls, with the scope they are in, in source order. */
  readonly news: readonly Located<t.NewExpression>[];
  readonly calls: readonly Located<t.CallExpression | t.OptionalCallExpression>[];
  /** The class whose instance `this` is, for each `this` inside a method or field. */
  readonly thisClass: Map<t.ThisExpression, t.Class>;
  /** `this.name = value` in a class's methods, by class and name. */
  readonly thisAssignments: Map<t.Class, Map<string, t.Expression[]>>;
  /** `require`, `import()` and other identifiers no declaration binds (globals). */
  readonly unresolved: Map<string, Reference[]>;
  /** The binding an identifier names in its scope, or `undefined` for a global. */
  resolve(name: string, scope: Scope): Binding | undefined;
  /** The innermost scope a node is in. */
  scopeOf(node: t.Node): Scope;
  /** The binding a reference identifier resolves to. */
  bindingOf(identifier: t.Identifier): Binding | undefined;
}

export interface Located<T extends t.Node> {
  readonly node: T;
  readonly scope: Scope;
}

const SKIPPED_KEYS = new Set([
  'type',
  'start',
  'end',
  'loc',
  'range',
  'extra',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'comments',
  'tokens',
  'errors',
]);

interface PatternInfo {
  readonly declarator?: t.VariableDeclarator | undefined;
  readonly path: (string | null)[];
  readonly defaultValue?: t.Expression | undefined;
}

interface Context {
  scope: Scope;
  /** The class `this` refers to here, if any. */
  thisClass: t.Class | undefined;
  /** Inside a type: identifiers name types. */
  type: boolean;
}

/** Walks a parsed file once and returns its scopes, bindings and references. */
export function analyse(file: t.File): Analysis {
  const parents = new Map<t.Node, t.Node>();
  const scopes = new Map<t.Node, Scope>();
  const scopeList: Scope[] = [];
  const pending: { identifier: t.Identifier; scope: Scope; type: boolean }[] = [];
  const news: Located<t.NewExpression>[] = [];
  const calls: Located<t.CallExpression | t.OptionalCallExpression>[] = [];
  const thisClass = new Map<t.ThisExpression, t.Class>();
  const thisAssignments = new Map<t.Class, Map<string, t.Expression[]>>();
  const identifierBindings = new Map<t.Identifier, Binding>();
  const unresolved = new Map<string, Reference[]>();

  const newScope = (kind: ScopeKind, node: t.Node, parent: Scope | undefined): Scope => {
    const scope: Scope = { kind, parent, node, bindings: new Map() };
    scopes.set(node, scope);
    scopeList.push(scope);
    return scope;
  };

  const declare = (
    scope: Scope,
    identifier: t.Identifier,
    kind: BindingKind,
    extra: Partial<Binding> = {},
  ): Binding => {
    const binding: Binding = {
      name: identifier.name,
      kind,
      scope,
      identifier,
      references: [],
      assignments: [],
      ...extra,
    };
    // A type alias or interface never hides a value of the same name.
    const existing = scope.bindings.get(identifier.name);
    if (!existing || existing.kind === 'type') scope.bindings.set(identifier.name, binding);
    return binding;
  };

  const functionScopeOf = (scope: Scope): Scope => {
    let current = scope;
    while (current.kind !== 'function' && current.kind !== 'program' && current.parent)
      current = current.parent;
    return current;
  };

  const link = (node: t.Node, parent: t.Node | undefined): void => {
    if (parent) parents.set(node, parent);
  };

  const reference = (identifier: t.Identifier, context: Context): void => {
    pending.push({ identifier, scope: context.scope, type: context.type });
  };

  const visitChildren = (node: t.Node, context: Context): void => {
    for (const key in node) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child, node, context);
      } else if (isNode(value)) {
        visit(value, node, context);
      }
    }
  };

  const visitAll = (
    nodes: readonly (t.Node | null | undefined)[],
    parent: t.Node,
    context: Context,
  ): void => {
    for (const node of nodes) if (node) visit(node, parent, context);
  };

  const visitOptional = (node: t.Node | null | undefined, parent: t.Node, context: Context): void => {
    if (node) visit(node, parent, context);
  };

  const typeContext = (context: Context): Context => (context.type ? context : { ...context, type: true });

  /** Declares the identifiers of a binding pattern, visiting its defaults and computed keys. */
  const declarePattern = (
    pattern: t.Node,
    parent: t.Node,
    context: Context,
    target: Scope,
    kind: BindingKind,
    extra: PatternInfo,
  ): void => {
    link(pattern, parent);
    switch (pattern.type) {
      case 'Identifier': {
        const binding = declare(target, pattern, kind, {
          declarator: extra.declarator,
          path: extra.path,
          defaultValue: extra.defaultValue,
        });
        identifierBindings.set(pattern, binding);
        visitOptional(pattern.typeAnnotation, pattern, typeContext(context));
        return;
      }
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          link(property, pattern);
          if (property.type === 'RestElement') {
            declarePattern(property.argument, property, context, target, kind, {
              ...extra,
              path: [...extra.path, null],
              defaultValue: undefined,
            });
            continue;
          }
          let name: string | null = null;
          if (property.computed) visit(property.key, property, context);
          else if (property.key.type === 'Identifier') name = property.key.name;
          else if (property.key.type === 'StringLiteral') name = property.key.value;
          declarePattern(property.value, property, context, target, kind, {
            declarator: extra.declarator,
            path: [...extra.path, name],
          });
        }
        visitOptional(pattern.typeAnnotation, pattern, typeContext(context));
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) {
          if (element)
            declarePattern(element, pattern, context, target, kind, {
              declarator: extra.declarator,
              path: [...extra.path, null],
            });
        }
        visitOptional(pattern.typeAnnotation, pattern, typeContext(context));
        return;
      case 'AssignmentPattern':
        visit(pattern.right, pattern, context);
        declarePattern(pattern.left, pattern, context, target, kind, {
          ...extra,
          defaultValue: pattern.right,
        });
        return;
      case 'RestElement':
        declarePattern(pattern.argument, pattern, context, target, kind, {
          ...extra,
          path: [...extra.path, null],
        });
        visitOptional(pattern.typeAnnotation, pattern, typeContext(context));
        return;
      case 'TSParameterProperty':
        visitAll(pattern.decorators ?? [], pattern, context);
        declarePattern(pattern.parameter, pattern, context, target, kind, extra);
        return;
      default:
        // A member expression in a for-in head, or syntax errors recovered: plain references.
        visit(pattern, parent, context);
    }
  };

  /** The targets of an assignment (`x = ...`, `({ a } = ...)`): references that write. */
  const visitAssignmentTarget = (pattern: t.Node, parent: t.Node, context: Context): void => {
    link(pattern, parent);
    switch (pattern.type) {
      case 'Identifier':
        reference(pattern, context);
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          link(property, pattern);
          if (property.type === 'RestElement') visitAssignmentTarget(property.argument, property, context);
          else {
            if (property.computed) visit(property.key, property, context);
            visitAssignmentTarget(property.value, property, context);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) visitAssignmentTarget(element, pattern, context);
        return;
      case 'AssignmentPattern':
        visitAssignmentTarget(pattern.left, pattern, context);
        visit(pattern.right, pattern, context);
        return;
      case 'RestElement':
        visitAssignmentTarget(pattern.argument, pattern, context);
        return;
      default:
        visit(pattern, parent, context);
    }
  };

  const visitFunction = (
    node: t.Function | t.TSDeclareMethod | t.TSDeclareFunction,
    context: Context,
    thisOf: t.Class | undefined,
  ): void => {
    const scope = newScope('function', node, context.scope);
    const inner: Context = { scope, thisClass: thisOf, type: false };
    if (node.type === 'FunctionExpression' && node.id) {
      link(node.id, node);
      identifierBindings.set(node.id, declare(scope, node.id, 'function'));
    }
    for (const param of node.params) declarePattern(param, node, inner, scope, 'param', { path: [] });
    visitOptional(node.typeParameters, node, typeContext(inner));
    visitOptional(node.returnType, node, typeContext(inner));
    const body = 'body' in node ? node.body : undefined;
    if (!body) return;
    link(body, node);
    if (body.type === 'BlockStatement') {
      scopes.set(body, scope);
      visitAll(body.body, body, inner);
    } else {
      visit(body, node, inner);
    }
  };

  const visitClass = (node: t.Class, context: Context): void => {
    visitAll(node.decorators ?? [], node, context);
    if (node.id) {
      link(node.id, node);
      if (node.type === 'ClassDeclaration') {
        identifierBindings.set(node.id, declare(context.scope, node.id, 'class'));
      }
    }
    visitOptional(node.superClass, node, context);
    visitOptional(node.superTypeParameters, node, typeContext(context));
    visitOptional(node.typeParameters, node, typeContext(context));
    visitAll(node.implements ?? [], node, typeContext(context));
    const scope = newScope('class', node, context.scope);
    if (node.type === 'ClassExpression' && node.id) {
      identifierBindings.set(node.id, declare(scope, node.id, 'class'));
    }
    link(node.body, node);
    const inner: Context = { scope, thisClass: node, type: false };
    for (const member of node.body.body) {
      link(member, node.body);
      switch (member.type) {
        case 'ClassMethod':
        case 'ClassPrivateMethod':
        case 'TSDeclareMethod':
          visitAll(member.decorators ?? [], member, inner);
          if (member.computed) visit(member.key, member, context);
          visitFunction(member, inner, node);
          break;
        case 'ClassProperty':
        case 'ClassPrivateProperty':
        case 'ClassAccessorProperty':
          visitAll(member.decorators ?? [], member, inner);
          if ('computed' in member && member.computed) visit(member.key, member, context);
          visitOptional(member.typeAnnotation, member, typeContext(inner));
          visitOptional(member.value, member, inner);
          break;
        default:
          visit(member, node.body, inner);
      }
    }
  };

  const visit = (node: t.Node, parent: t.Node | undefined, context: Context): void => {
    link(node, parent);
    switch (node.type) {
      case 'Identifier':
        reference(node, context);
        visitOptional(node.typeAnnotation, node, typeContext(context));
        return;
      case 'ImportDeclaration':
        for (const specifier of node.specifiers) {
          link(specifier, node);
          link(specifier.local, specifier);
          identifierBindings.set(
            specifier.local,
            declare(context.scope, specifier.local, 'import', { declaration: node, specifier }),
          );
        }
        return;
      case 'TSImportEqualsDeclaration':
        link(node.id, node);
        identifierBindings.set(
          node.id,
          declare(context.scope, node.id, 'import-equals', { declaration: node }),
        );
        if (node.moduleReference.type !== 'TSExternalModuleReference')
          visit(node.moduleReference, node, context);
        return;
      case 'ExportNamedDeclaration':
        if (node.declaration) visit(node.declaration, node, context);
        if (!node.source) {
          for (const specifier of node.specifiers) {
            link(specifier, node);
            if (specifier.type === 'ExportSpecifier' && specifier.local.type === 'Identifier') {
              link(specifier.local, specifier);
              reference(specifier.local, context);
            }
          }
        }
        return;
      case 'ExportAllDeclaration':
        return;
      case 'VariableDeclaration': {
        const kind: BindingKind =
          node.kind === 'var'
            ? 'var'
            : node.kind === 'let'
              ? 'let'
              : node.kind === 'const'
                ? 'const'
                : 'using';
        const target = kind === 'var' ? functionScopeOf(context.scope) : context.scope;
        for (const declarator of node.declarations) {
          link(declarator, node);
          declarePattern(declarator.id, declarator, context, target, kind, { declarator, path: [] });
          visitOptional(declarator.init, declarator, context);
        }
        return;
      }
      case 'FunctionDeclaration':
        if (node.id) {
          link(node.id, node);
          identifierBindings.set(node.id, declare(context.scope, node.id, 'function'));
        }
        visitFunction(node, context, undefined);
        return;
      case 'TSDeclareFunction':
        if (node.id) {
          link(node.id, node);
          identifierBindings.set(node.id, declare(context.scope, node.id, 'function'));
        }
        visitFunction(node, context, undefined);
        return;
      case 'FunctionExpression':
      case 'ObjectMethod':
        if (node.type === 'ObjectMethod' && node.computed) visit(node.key, node, context);
        visitFunction(node, context, undefined);
        return;
      case 'ArrowFunctionExpression':
        visitFunction(node, context, context.thisClass);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression':
        visitClass(node, context);
        return;
      case 'ThisExpression':
        if (context.thisClass) thisClass.set(node, context.thisClass);
        return;
      case 'BlockStatement':
      case 'StaticBlock': {
        const scope = newScope('block', node, context.scope);
        visitAll(node.body, node, { ...context, scope });
        return;
      }
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        const scope = newScope('block', node, context.scope);
        const inner = { ...context, scope };
        if (node.type === 'ForStatement') {
          visitOptional(node.init, node, inner);
          visitOptional(node.test, node, inner);
          visitOptional(node.update, node, inner);
        } else {
          if (node.left.type === 'VariableDeclaration') visit(node.left, node, inner);
          else visitAssignmentTarget(node.left, node, inner);
          visit(node.right, node, inner);
        }
        visit(node.body, node, inner);
        return;
      }
      case 'SwitchStatement': {
        visit(node.discriminant, node, context);
        const scope = newScope('block', node, context.scope);
        visitAll(node.cases, node, { ...context, scope });
        return;
      }
      case 'CatchClause': {
        const scope = newScope('block', node, context.scope);
        const inner = { ...context, scope };
        if (node.param) declarePattern(node.param, node, inner, scope, 'catch', { path: [] });
        link(node.body, node);
        scopes.set(node.body, scope);
        visitAll(node.body.body, node.body, inner);
        return;
      }
      case 'AssignmentExpression':
        visitAssignmentTarget(node.left, node, context);
        visit(node.right, node, context);
        if (node.operator === '=') recordAssignment(node, context);
        return;
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        visit(node.object, node, context);
        if (node.computed) visit(node.property, node, context);
        else link(node.property, node);
        return;
      case 'ObjectProperty':
        if (node.computed) visit(node.key, node, context);
        else link(node.key, node);
        visit(node.value, node, context);
        return;
      case 'LabeledStatement':
        visit(node.body, node, context);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
      case 'TSImportType':
        return;
      case 'NewExpression':
        news.push({ node, scope: context.scope });
        visitChildren(node, context);
        return;
      case 'CallExpression':
      case 'OptionalCallExpression':
        calls.push({ node, scope: context.scope });
        visitChildren(node, context);
        return;
      // TypeScript
      case 'TSTypeReference':
        visitTypeName(node.typeName, node, typeContext(context));
        visitOptional(node.typeParameters, node, typeContext(context));
        return;
      case 'TSQualifiedName':
        visitTypeName(node, parent!, typeContext(context));
        return;
      case 'TSTypeQuery':
        // `typeof value`: a value read in a type.
        if (node.exprName.type === 'TSImportType') return;
        visitTypeName(node.exprName, node, { ...context, type: false });
        return;
      case 'TSPropertySignature':
      case 'TSMethodSignature':
        if (node.computed) visit(node.key, node, context);
        else link(node.key, node);
        if (node.type === 'TSMethodSignature') visitSignature(node, context);
        else visitOptional(node.typeAnnotation, node, typeContext(context));
        return;
      case 'TSFunctionType':
      case 'TSConstructorType':
      case 'TSCallSignatureDeclaration':
      case 'TSConstructSignatureDeclaration':
        visitSignature(node, context);
        return;
      case 'TSIndexSignature':
        for (const parameter of node.parameters) {
          link(parameter, node);
          visitOptional(parameter.typeAnnotation, parameter, typeContext(context));
        }
        visitOptional(node.typeAnnotation, node, typeContext(context));
        return;
      case 'TSTypePredicate':
        visitOptional(node.typeAnnotation, node, typeContext(context));
        return;
      case 'TSNamedTupleMember':
        visit(node.elementType, node, typeContext(context));
        return;
      case 'TSEnumDeclaration':
        link(node.id, node);
        identifierBindings.set(node.id, declare(context.scope, node.id, 'enum'));
        for (const member of node.members) {
          link(member, node);
          visitOptional(member.initializer, member, context);
        }
        return;
      case 'TSInterfaceDeclaration':
      case 'TSTypeAliasDeclaration':
        link(node.id, node);
        identifierBindings.set(node.id, declare(context.scope, node.id, 'type'));
        visitOptional(node.typeParameters, node, typeContext(context));
        if (node.type === 'TSInterfaceDeclaration') {
          visitAll(node.extends ?? [], node, typeContext(context));
          visit(node.body, node, typeContext(context));
        } else {
          visit(node.typeAnnotation, node, typeContext(context));
        }
        return;
      case 'TSTypeParameter':
        visitOptional(node.constraint, node, typeContext(context));
        visitOptional(node.default, node, typeContext(context));
        return;
      case 'TSModuleDeclaration': {
        if (node.id.type === 'Identifier') {
          link(node.id, node);
          identifierBindings.set(node.id, declare(context.scope, node.id, 'namespace'));
        }
        if (node.body) {
          const scope = newScope('block', node.body, context.scope);
          link(node.body, node);
          visitChildren(node.body, { ...context, scope });
        }
        return;
      }
      case 'TSEnumMember':
        visitOptional(node.initializer, node, context);
        return;
      default:
        visitChildren(node, context);
    }
  };

  const visitTypeName = (name: t.Node, parent: t.Node, context: Context): void => {
    link(name, parent);
    if (name.type === 'Identifier') reference(name, context);
    else if (name.type === 'TSQualifiedName') {
      visitTypeName(name.left, name, context);
      link(name.right, name);
    }
  };

  const visitSignature = (
    node:
      | t.TSMethodSignature
      | t.TSFunctionType
      | t.TSConstructorType
      | t.TSCallSignatureDeclaration
      | t.TSConstructSignatureDeclaration,
    context: Context,
  ): void => {
    const inner = typeContext(context);
    visitOptional(node.typeParameters, node, inner);
    const parameters =
      (node as { parameters?: t.Node[]; params?: t.Node[] }).parameters ??
      (node as { params?: t.Node[] }).params ??
      [];
    for (const parameter of parameters) {
      link(parameter, node);
      // Parameter names in a signature are not bindings of the file; only their types matter.
      const annotation = (parameter as { typeAnnotation?: t.Node | null }).typeAnnotation;
      visitOptional(annotation, parameter, inner);
    }
    visitOptional(node.typeAnnotation, node, inner);
  };

  /** `this.x = value` inside a class: what `this.x` holds. */
  const recordAssignment = (node: t.AssignmentExpression, context: Context): void => {
    const { left } = node;
    if (
      left.type === 'MemberExpression' &&
      left.object.type === 'ThisExpression' &&
      !left.computed &&
      left.property.type === 'Identifier' &&
      context.thisClass
    ) {
      let fields = thisAssignments.get(context.thisClass);
      if (!fields) {
        fields = new Map();
        thisAssignments.set(context.thisClass, fields);
      }
      const list = fields.get(left.property.name) ?? [];
      list.push(node.right);
      fields.set(left.property.name, list);
    }
  };

  const programScope = newScope('program', file.program, undefined);
  link(file.program, undefined);
  visitAll(file.program.body, file.program, { scope: programScope, thisClass: undefined, type: false });

  const resolve = (name: string, scope: Scope): Binding | undefined => {
    for (let current: Scope | undefined = scope; current; current = current.parent) {
      const binding = current.bindings.get(name);
      if (binding) return binding;
    }
    return undefined;
  };

  for (const { identifier, scope, type } of pending) {
    const binding = resolve(identifier.name, scope);
    const entry: Reference = { identifier, type };
    if (binding) {
      // A type-only binding (interface, alias) never answers a value read.
      if (binding.kind === 'type' && !type) {
        const outer = binding.scope.parent ? resolve(identifier.name, binding.scope.parent) : undefined;
        if (outer) {
          outer.references.push(entry);
          identifierBindings.set(identifier, outer);
          continue;
        }
      }
      binding.references.push(entry);
      identifierBindings.set(identifier, binding);
      const parent = parents.get(identifier);
      if (parent?.type === 'AssignmentExpression' && parent.left === identifier && parent.operator === '=') {
        binding.assignments.push(parent.right);
      }
    } else {
      const list = unresolved.get(identifier.name) ?? [];
      list.push(entry);
      unresolved.set(identifier.name, list);
    }
  }

  return {
    program: file.program,
    scopes: scopeList,
    parents,
    news,
    calls,
    thisClass,
    thisAssignments,
    unresolved,
    resolve,
    scopeOf(node) {
      for (let current: t.Node | undefined = node; current; current = parents.get(current)) {
        const scope = scopes.get(current);
        if (scope && current !== node) return scope;
        if (scope && current === node && current.type === 'Program') return scope;
      }
      return programScope;
    },
    bindingOf(identifier) {
      return identifierBindings.get(identifier);
    },
  };
}

function isNode(value: unknown): value is t.Node {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}
