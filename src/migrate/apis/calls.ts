/**
 * Each call, re-pointed: the command, method, paginator or function of its family, its request
 * with what this package did at run time written out (apis/requests.ts), or left as it was with
 * its TODO.
 */
import type * as t from '@babel/types';
import type { Family } from '../../operations/operation.js';
import { type CallSite, unwrap } from '../analysis/calls.js';
import { givesMember, memberNamed, type RequestLiteral, requestLiteral } from '../analysis/input.js';
import { receiverText } from '../client-instances/plan.js';
import { DEFAULT_REGION, type NativeContext } from '../context.js';
import { camelCase, familyPackage, type OperationFacts } from '../knowledge.js';
import { isRepeatable, statementOf, textOf } from '../source/layout.js';
import { SHIM } from '../to-shim.js';
import {
  addMember,
  methodOf,
  type Recipe,
  readBackExpression,
  recipeFor,
  renameMembers,
  renamesText,
} from './requests.js';

/** The call stays as it is: its command, paginator or function keeps its import. */
export function keep(ctx: NativeContext, site: CallSite, reason: string): void {
  const use = site.style === 'aggregated' ? undefined : ctx.plan.useAt(site.callee);
  if (use)
    ctx.plan.point(use, {
      source: use.chimeImport.source,
      name: use.name,
      typeOnly: use.chimeImport.typeOnly,
    });
  ctx.todos.add(statementOf(ctx.analysis, site.node), reason);
}

/** Moves a call to its family: the command, method, paginator or function, its receiver, its request. */
export function repoint(ctx: NativeContext, site: CallSite, family: Family): void {
  const { facts } = site;
  const operation = facts.operation!;
  const counterpart = facts.counterpart!;
  const names = familyPackage(family);
  const statement = statementOf(ctx.analysis, site.node);
  let receiver = '';
  switch (site.style) {
    case 'command': {
      ctx.plan.point(ctx.plan.useAt(site.callee)!, {
        source: names.packageName,
        name: `${counterpart}Command`,
        typeOnly: false,
      });
      const [send] = site.sends;
      receiver = receiverText(ctx, send!.receiver, family);
      break;
    }
    case 'aggregated': {
      const member = site.callee as t.MemberExpression;
      const method = methodOf(counterpart);
      if (camelCase(facts.name) !== method)
        ctx.edits.replace(member.property.start!, member.property.end!, method);
      receiver = receiverText(ctx, site.receiver!, family);
      break;
    }
    case 'paginator': {
      ctx.plan.point(ctx.plan.useAt(site.callee)!, {
        source: names.packageName,
        name: `paginate${counterpart}`,
        typeOnly: false,
      });
      const plan = [...ctx.clients.values()].find((candidate) =>
        candidate.receivers.has(unwrap(site.receiver)!),
      );
      const property = ctx.analysis.parents.get(site.receiver!);
      const name = plan?.mode === 'split' ? plan.names.get(family) : undefined;
      if (name && property?.type === 'ObjectProperty') {
        if (property.shorthand) ctx.edits.replace(property.start!, property.end!, `client: ${name}`);
      }
      receiver = receiverText(ctx, site.receiver!, family);
      break;
    }
    case 'function': {
      receiver = functionClient(ctx, family, operation);
      const command = ctx.plan.ref({
        source: names.packageName,
        name: `${counterpart}Command`,
        typeOnly: false,
      });
      const use = ctx.plan.useAt(site.callee);
      if (use) ctx.plan.point(use, null);
      const call = site.node as t.CallExpression;
      const [input, ...rest] = call.arguments;
      ctx.edits.replace(call.callee.start!, call.callee.end!, `${receiver}.send(new ${command}`);
      if (rest.length > 0) {
        ctx.edits.replace(input!.end!, rest.at(-1)!.end!, '');
        ctx.todos.add(
          statement,
          `${camelCase(facts.name)}'s options were ${SHIM}'s (route, identityConfig, onEvent, ...): the ${names.title} client does not take them.`,
        );
      }
      ctx.edits.insert(call.end!, ')');
      break;
    }
    case 'v2':
      return;
  }
  requestEdits(ctx, site, family, receiver, statement);
}

/** The request of a moved call: renamed members, and the members the counterpart newly requires. */
function requestEdits(
  ctx: NativeContext,
  site: CallSite,
  family: Family,
  receiver: string,
  statement: t.Node,
): void {
  const { facts } = site;
  const operation = facts.operation!;
  const title = familyPackage(family).title;
  const literal = requestLiteral(ctx.analysis, site.input);
  if (facts.status === 'renamed') {
    if (literal) renameMembers(ctx.edits, literal.object);
    ctx.todos.add(
      statement,
      `${facts.name} is ${facts.counterpart} in ${title}, with members renamed in the request and the response: ${renamesText()}.`,
    );
  }
  for (const member of operation.newlyRequired ?? []) {
    const given = givesMember(literal, member);
    if (given === true) continue;
    const recipe = recipeFor(operation, member);
    if (given === undefined) {
      ctx.todos.add(
        statement,
        `${title} requires ${member}, which ${SHIM} filled in when absent (docs/operations.md): make sure this request has it.`,
      );
      continue;
    }
    writeRecipe(ctx, site, literal!, member, recipe, receiver, statement, title);
  }
}

/** Writes one newly required member into the request, as the shim filled it in at run time. */
function writeRecipe(
  ctx: NativeContext,
  site: CallSite,
  literal: RequestLiteral,
  member: string,
  recipe: Recipe,
  receiver: string,
  statement: t.Node,
  title: string,
): void {
  const { facts } = site;
  switch (recipe.kind) {
    case 'bearer':
      addMember(ctx.edits, ctx.text, literal.object, `ChimeBearer: ${bearerName(ctx)}`);
      return;
    case 'value': {
      const path = member.split('.');
      const name = path.pop()!;
      let object = literal.object;
      for (const step of path) object = unwrap(memberNamed(object, step)!.value) as t.ObjectExpression;
      addMember(ctx.edits, ctx.text, object, `${name}: ${recipe.value.replace(/'/g, ctx.quote)}`);
      ctx.todos.add(
        statement,
        `${member}: ${recipe.value.replace(/'/g, ctx.quote)} added, ${recipe.why}: ${SHIM} filled it in, and ${title} requires it.`,
      );
      return;
    }
    case 'token': {
      const token = memberNamed(literal.object, 'ClientRequestToken');
      const value =
        token && isRepeatable(unwrap(token.value))
          ? textOf(ctx.text, token.value)
          : `${ctx.plan.ref({ source: 'node:crypto', name: 'randomUUID', typeOnly: false })}()`;
      addMember(ctx.edits, ctx.text, literal.object, `ExternalMeetingId: ${value}`);
      ctx.todos.add(
        statement,
        `ExternalMeetingId added: ${SHIM} used the call's ClientRequestToken when it was absent, and ${title} requires it.`,
      );
      return;
    }
    case 'read-back': {
      const { read } = recipe;
      const aggregated = site.style === 'aggregated';
      const command = aggregated
        ? undefined
        : ctx.plan.ref({
            source: familyPackage(site.facts.family as Family).packageName,
            name: `${read.counterpart}Command`,
            typeOnly: false,
          });
      const send = (input: string) =>
        aggregated
          ? `${receiver}.${methodOf(read.counterpart)}(${input})`
          : `${receiver}.send(new ${command}(${input}))`;
      const supplied: Record<string, string> = {};
      if (!givesMember(literal, 'ChimeBearer') && facts.operation?.newlyRequired?.includes('ChimeBearer')) {
        supplied.ChimeBearer = bearerName(ctx);
      }
      const expression = readBackExpression(read, literal, ctx.text, send, supplied)!;
      addMember(ctx.edits, ctx.text, literal.object, `${member}: ${expression}`);
      ctx.todos.add(
        statement,
        `${member}: ${SHIM} read the current value (${read.operation}) and sent it back when the call left it out; ${title} requires it, so this reads it the same way (one more call).`,
      );
      return;
    }
    case 'none':
      return;
  }
}

/** The file's `ChimeBearer` constant, declared after the imports on first use. */
function bearerName(ctx: NativeContext): string {
  if (ctx.bearer) return ctx.bearer;
  ctx.bearer = ctx.names.fresh('chimeBearer');
  const value = ctx.bearerValue ?? configuredBearer(ctx) ?? `${ctx.quote}${ctx.quote}`;
  ctx.topLevel.push(
    `// TODO(chime-migrate): the ChimeBearer of the calls below: ${SHIM} sent its chimeBearer option when a call had none, and Chime SDK Messaging requires it (the ARN of the AppInstanceUser or AppInstanceBot that makes the calls).`,
    `const ${ctx.bearer} = ${value}${semicolon(ctx)}`,
  );
  return ctx.bearer;
}

/** `configureChimeIdentityShim({ chimeBearer })` in this file, when the value can move to the top. */
function configuredBearer(ctx: NativeContext): string | undefined {
  for (const { node } of ctx.analysis.calls) {
    const callee = ctx.meanings.of(node.callee);
    if (callee?.kind !== 'export' || callee.name !== 'configureChimeIdentityShim') continue;
    const options = unwrap(node.arguments[0]);
    if (options?.type !== 'ObjectExpression') continue;
    const value = unwrap(memberNamed(options, 'chimeBearer')?.value);
    if (
      value &&
      (value.type === 'StringLiteral' || (value.type === 'TemplateLiteral' && value.expressions.length === 0))
    )
      return textOf(ctx.text, value);
  }
  return undefined;
}

/** The client the functions of a family now use, declared after the imports. */
function functionClient(
  ctx: NativeContext,
  family: Family,
  operation: NonNullable<OperationFacts['operation']>,
): string {
  const known = ctx.functionClients.get(family);
  if (known) return known;
  const names = familyPackage(family);
  const name = ctx.names.fresh(`chime${names.clientName.slice('ChimeSDK'.length, -'Client'.length)}`);
  ctx.functionClients.set(family, name);
  const className = ctx.plan.ref({ source: names.packageName, name: names.clientName, typeOnly: false });
  const arn = (operation.regionSources ?? []).some((member) => /A(rn|RN)$/.test(member));
  ctx.topLevel.push(
    `// TODO(chime-migrate): the ${SHIM} functions built their client from their options (identityConfig, defaultRegion${arn ? ', and the region in the input ARN' : ''}); this one is fixed to ${DEFAULT_REGION}: make it the region of your resources.`,
    `const ${name} = new ${className}({ region: ${ctx.quote}${DEFAULT_REGION}${ctx.quote} })${semicolon(ctx)}`,
  );
  return name;
}

/** `;` when the file's imports end with one. */
function semicolon(ctx: NativeContext): string {
  const first = ctx.imports[0]?.declaration;
  return !first || ctx.text.slice(0, first.end!).endsWith(';') ? ';' : '';
}
