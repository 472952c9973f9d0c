import type * as t from '@babel/types';
import {
  type OperationFacts,
  operationOfCommand,
  operationOfFunction,
  operationOfMethod,
  operationOfPaginator,
} from '../knowledge.js';
import { type ClientMeaning, type Meaning, type Meanings, propertyName } from './meaning.js';
import type { Analysis } from './scope.js';

/**
 * How the operation is called:
 * - `command`: `new CreateChannelCommand(input)` (SDK v3, sent with `client.send`);
 * - `aggregated`: `chime.createChannel(input)` on SDK v3's `Chime`;
 * - `paginator`: `paginateListChannels({ client }, input)`;
 * - `function`: this package's `createChannel(input)`;
 * - `v2`: `chime.createChannel(params)` on SDK v2's `AWS.Chime`, with `.promise()`, a callback,
 *   or the request object (`form`).
 */
export type CallStyle = 'command' | 'aggregated' | 'paginator' | 'function' | 'v2';

export interface CallSite {
  readonly facts: OperationFacts;
  readonly sdk: 'v3' | 'v2';
  readonly style: CallStyle;
  readonly form?: 'promise' | 'callback' | 'request' | undefined;
  /** The module the command, client class or function was imported from. */
  readonly source: string;
  /** The `new` or call expression. */
  readonly node: t.NewExpression | t.CallExpression | t.OptionalCallExpression;
  /** Where the report points: the command's `new`, or the method's name. */
  readonly at: t.Node;
  /** The command class, paginator or function reference; for a method, the member expression. */
  readonly callee: t.Node;
  /** The request argument. */
  readonly input: t.Node | undefined;
  /** The client a method is called on, or that sends the command. */
  readonly client?: ClientMeaning | undefined;
  /** The expression that names that client (`chime`, `this.chime`). */
  readonly receiver?: t.Node | undefined;
  /** For commands: every `client.send(command)` that sends it. */
  readonly sends: readonly Send[];
  /** `request.on('build', ...)` handlers on the call's request (SDK v2, or such code after the v2 codemod). */
  readonly buildHooks: readonly BuildHook[];
}

export interface Send {
  readonly call: t.CallExpression | t.OptionalCallExpression;
  readonly receiver: t.Node;
  readonly client: ClientMeaning | undefined;
}

export interface BuildHook {
  readonly node: t.CallExpression | t.OptionalCallExpression;
  /** The handler names the `x-amz-chime-bearer` header. */
  readonly bearer: boolean;
}

const HOOK_EVENTS = new Set(['build', 'afterBuild', 'sign']);

/** Every call of a legacy Chime operation in an analysed file, in source order. */
export function findCalls(analysis: Analysis, meanings: Meanings, text: string): CallSite[] {
  const sites: CallSite[] = [];
  const parentOf = (node: t.Node) => outerParent(analysis, node);

  for (const { node } of analysis.news) {
    const meaning = meanings.of(node.callee);
    if (meaning?.kind !== 'export' || meaning.source === 'chime-identity-shim/function') continue;
    const facts = operationOfCommand(meaning.name);
    if (!facts) continue;
    sites.push({
      facts,
      sdk: 'v3',
      style: 'command',
      source: meaning.source,
      node,
      at: node,
      callee: node.callee,
      input: node.arguments[0],
      sends: sendsOf(node, analysis, meanings),
      buildHooks: [],
    });
  }

  for (const { node } of analysis.calls) {
    const { callee } = node;
    if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') {
      const method = propertyName(callee);
      const facts = method === undefined ? undefined : operationOfMethod(method);
      const client = facts ? meanings.of(callee.object) : undefined;
      // Not a client's method: maybe `Ns.paginateX(...)` or `Ns.createChannel(...)` of a module object.
      if (!facts || client?.kind !== 'client' || !client.aggregated) {
        const exported = exportCall(node, meanings.of(callee), meanings);
        if (exported) sites.push(exported);
        continue;
      }
      const v2 = client.sdk === 'v2';
      const form = v2 ? v2Form(node, parentOf) : undefined;
      sites.push({
        facts,
        sdk: client.sdk,
        style: v2 ? 'v2' : 'aggregated',
        form,
        source: client.source,
        node,
        at: callee.property,
        callee,
        input: node.arguments[0],
        client,
        receiver: callee.object,
        sends: [],
        buildHooks: buildHooksOf(node, analysis, text),
      });
      continue;
    }
    const exported = exportCall(node, meanings.of(callee), meanings);
    if (exported) sites.push(exported);
  }
  return sites.sort((a, b) => (a.at.start ?? 0) - (b.at.start ?? 0));
}

/** A call of a paginator, or of one of this package's functions. */
function exportCall(
  node: t.CallExpression | t.OptionalCallExpression,
  meaning: Meaning | undefined,
  meanings: Meanings,
): CallSite | undefined {
  const { callee } = node;
  if (meaning?.kind !== 'export') return undefined;
  const paginated = operationOfPaginator(meaning.name);
  if (paginated && meaning.source !== 'chime-identity-shim/function') {
    const config = unwrap(node.arguments[0]);
    const clientProperty =
      config?.type === 'ObjectExpression'
        ? config.properties.find(
            (property): property is t.ObjectProperty =>
              property.type === 'ObjectProperty' &&
              !property.computed &&
              property.key.type === 'Identifier' &&
              property.key.name === 'client',
          )
        : undefined;
    const receiver = clientProperty?.value;
    const client = meanings.of(receiver);
    return {
      facts: paginated,
      sdk: 'v3',
      style: 'paginator',
      source: meaning.source,
      node,
      at: node,
      callee,
      input: node.arguments[1],
      client: client?.kind === 'client' ? client : undefined,
      receiver,
      sends: [],
      buildHooks: [],
    };
  }
  if (meaning.source === 'chime-identity-shim' || meaning.source === 'chime-identity-shim/function') {
    const facts = operationOfFunction(meaning.name);
    if (!facts) return undefined;
    return {
      facts,
      sdk: 'v3',
      style: 'function',
      source: meaning.source,
      node,
      at: node,
      callee,
      input: node.arguments[0],
      sends: [],
      buildHooks: [],
    };
  }
  return undefined;
}

/** `client.send(new XCommand(...))`, or `const command = new XCommand(...); client.send(command)`. */
function sendsOf(node: t.NewExpression, analysis: Analysis, meanings: Meanings): Send[] {
  const sendOf = (argument: t.Node): Send | undefined => {
    const call = outerParent(analysis, argument);
    if (
      (call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') ||
      call.arguments[0] !== argument
    )
      return undefined;
    const { callee } = call;
    if (
      (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') ||
      propertyName(callee) !== 'send'
    )
      return undefined;
    const client = meanings.of(callee.object);
    return { call, receiver: callee.object, client: client?.kind === 'client' ? client : undefined };
  };
  const outer = outermost(analysis, node);
  const direct = sendOf(outer);
  if (direct) return [direct];
  const declarator = analysis.parents.get(outer);
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return [];
  const binding = analysis.bindingOf(declarator.id);
  const sends: Send[] = [];
  for (const { identifier } of binding?.references ?? []) {
    const send = sendOf(outermost(analysis, identifier));
    if (send) sends.push(send);
  }
  return sends;
}

/** SDK v2: `.promise()`, a callback (a last argument that is a function), or the request itself. */
function v2Form(
  node: t.CallExpression | t.OptionalCallExpression,
  parentOf: (node: t.Node) => t.Node | undefined,
): 'promise' | 'callback' | 'request' {
  const parent = parentOf(node);
  if (
    (parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') &&
    propertyName(parent) === 'promise'
  )
    return 'promise';
  const last = node.arguments.at(-1);
  if (
    node.arguments.length >= 2 ||
    last?.type === 'FunctionExpression' ||
    last?.type === 'ArrowFunctionExpression'
  )
    return 'callback';
  return 'request';
}

/**
 * `request.on('build', handler)` on the request a call returns: chained
 * (`chime.op(p).on('build', h)`) or through a variable (`const req = chime.op(p); req.on('build', h)`).
 * SDK v2 code set `x-amz-chime-bearer` this way before `ChimeBearer` was a member; SDK v3 has no
 * such event, so the header is silently lost after a migration.
 */
function buildHooksOf(
  node: t.CallExpression | t.OptionalCallExpression,
  analysis: Analysis,
  text: string,
): BuildHook[] {
  const hooks: BuildHook[] = [];
  const follow = (request: t.Node): void => {
    let current = outermost(analysis, request);
    for (;;) {
      const member = analysis.parents.get(current);
      if (
        (member?.type !== 'MemberExpression' && member?.type !== 'OptionalMemberExpression') ||
        member.object !== current
      )
        return;
      const call = analysis.parents.get(member);
      if (
        (call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') ||
        call.callee !== member
      )
        return;
      const name = propertyName(member);
      const [event, handler] = call.arguments;
      if (
        (name === 'on' || name === 'addListener' || name === 'onAsync') &&
        event?.type === 'StringLiteral' &&
        HOOK_EVENTS.has(event.value)
      ) {
        const handlerText = handler ? text.slice(handler.start ?? 0, handler.end ?? 0) : '';
        hooks.push({ node: call, bearer: /x-amz-chime-bearer/i.test(handlerText) });
      }
      current = outermost(analysis, call);
    }
  };
  follow(node);
  const declarator = analysis.parents.get(outermost(analysis, node));
  if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') {
    const binding = analysis.bindingOf(declarator.id);
    for (const { identifier } of binding?.references ?? []) follow(identifier);
  }
  return hooks;
}

const TRANSPARENT = new Set([
  'ParenthesizedExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
]);

/** The node, with the parentheses and type assertions around it. */
export function outermost(analysis: Analysis, node: t.Node): t.Node {
  let current = node;
  for (let parent = analysis.parents.get(current); parent && TRANSPARENT.has(parent.type); ) {
    current = parent;
    parent = analysis.parents.get(current);
  }
  return current;
}

/** The parent of the node's outermost wrapper. */
export function outerParent(analysis: Analysis, node: t.Node): t.Node | undefined {
  return analysis.parents.get(outermost(analysis, node));
}

/** The expression inside parentheses and type assertions. */
export function unwrap(node: t.Node | null | undefined): t.Node | undefined {
  let current = node ?? undefined;
  while (current && TRANSPARENT.has(current.type)) current = (current as { expression: t.Node }).expression;
  return current;
}
