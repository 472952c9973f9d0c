/**
 * Where each call of a removed operation goes when code moves to the native clients: its
 * family's client, or nowhere (it stays on this package, and the reason becomes a TODO): no
 * counterpart, meeting tags, a tag call whose resource the code does not show, a client or a
 * request the step cannot see, a member the counterpart requires that no tool can write.
 */
import type * as t from '@babel/types';
import type { Family } from '../../operations/operation.js';
import { ownerOf } from '../../operations/translations/index.js';
import { type CallSite, unwrap } from '../analysis/calls.js';
import { givesMember, memberNamed, type RequestLiteral, requestLiteral } from '../analysis/input.js';
import { originKey } from '../client-instances/clients.js';
import type { Decision, NativeContext } from '../context.js';
import { familyExports, familyPackage } from '../knowledge.js';
import { statementOf } from '../source/layout.js';
import { SHIM } from '../to-shim.js';
import { type Recipe, readBackExpression, recipeFor, renamesText } from './requests.js';

/** Where a call of a removed operation goes: its family's client, or nowhere, with the reason. */
export function decide(ctx: NativeContext, site: CallSite): Decision {
  const { facts } = site;
  const operation = facts.operation!;
  if (facts.status === 'none') {
    return {
      keep: `${facts.name} has no counterpart in the Chime SDK namespaces, so it stays on ${SHIM} (which refuses it before any I/O). Instead, ${operation.instead}.`,
    };
  }
  if (facts.status === 'substitute') {
    return {
      keep: `${facts.name} has no same-name counterpart: Chime SDK Meetings tags a meeting by its ARN (${facts.counterpart} with ResourceARN set to the MeetingArn GetMeeting returns). It stays on ${SHIM} until that is written.`,
    };
  }
  let family: Family | undefined = facts.family === 'tagging' ? undefined : facts.family;
  if (facts.family === 'tagging') {
    family = taggingFamily(ctx, site);
    if (!family) {
      return {
        keep: `${facts.name} is routed by the ResourceARN's resource type: call ${facts.counterpart} on the client of the namespace that owns the resource (app instances and users: Chime SDK Identity, channels: Messaging, meetings: Meetings, voice connectors and SIP resources: Voice, media pipelines: Media Pipelines). It stays on ${SHIM} until then.`,
      };
    }
  }
  const title = familyPackage(family!).title;
  // Who sends it.
  if (site.style === 'command') {
    if (!ctx.plan.useAt(site.callee))
      return {
        keep: `${facts.name}: its command is not imported at the top of this file; move it to ${title} by hand.`,
      };
    if (
      site.sends.length === 0 ||
      site.sends.some((send) => !send.client || !originKey(send.client.origin))
    ) {
      return {
        keep: `could not tell which client sends this ${facts.name} command, so it stays on ${SHIM}: send it with a ${title} client (${familyPackage(family!).packageName}).`,
      };
    }
  } else if (site.style === 'aggregated' || site.style === 'paginator') {
    if (!site.client || !originKey(site.client.origin)) {
      return {
        keep: `could not tell which client this ${facts.name} call uses, so it stays on ${SHIM}: use a ${title} client.`,
      };
    }
    if (site.style === 'paginator') {
      if (
        !ctx.plan.useAt(site.callee) ||
        !familyExports(family!, 'paginators', `paginate${facts.counterpart}`)
      ) {
        return { keep: `${title} has no paginator for ${facts.counterpart}: page through it by hand.` };
      }
    }
  }
  // What it must now send.
  const literal = requestLiteral(ctx.analysis, site.input);
  const editable = literal !== undefined && isEditable(ctx, literal);
  for (const member of operation.newlyRequired ?? []) {
    const given = givesMember(literal, member);
    if (given !== false) continue;
    const recipe = recipeFor(operation, member);
    if (!editable) {
      return {
        keep: `${facts.name} without ${member}: ${title} requires it; add it to the request, then move this call.`,
      };
    }
    const why = cannotWrite(ctx, site, literal!, recipe, member);
    if (why) return { keep: why };
  }
  if (facts.status === 'renamed' && literal && !literal.complete) {
    return {
      keep: `${facts.name} is ${facts.counterpart} in ${title}, with members renamed (${renamesText()}): the request is not fully visible here; rename them, then move this call.`,
    };
  }
  return { family: family! };
}

/** Why a recipe cannot be written at this call, or `undefined` when it can. */
function cannotWrite(
  ctx: NativeContext,
  site: CallSite,
  literal: RequestLiteral,
  recipe: Recipe,
  member: string,
): string | undefined {
  const { facts } = site;
  const title = familyPackage(facts.family as Family).title;
  if (recipe.kind === 'none') {
    return `${facts.name} without ${member}: ${SHIM} served it differently (docs/operations.md), and ${title} requires ${member}; write that, then move this call.`;
  }
  if (member.includes('.')) {
    const [outer] = member.split('.');
    const value = unwrap(memberNamed(literal.object, outer!)?.value);
    if (value?.type !== 'ObjectExpression') {
      return `${facts.name}: ${title} requires ${member}; the request's ${outer} is not visible here: add it, then move this call.`;
    }
  }
  if (recipe.kind !== 'read-back') return undefined;
  const callback =
    site.style !== 'command' && site.node.arguments.length >= 2 && isFunction(site.node.arguments.at(-1));
  if (callback || !inAsyncFunction(ctx, site.node) || site.sends.length > 1) {
    return `${facts.name} without ${member}: ${SHIM} read the current ${member} (${recipe.read.operation}) and sent it back; ${title} requires it. Read it and pass it here, then move this call.`;
  }
  const expression = readBackExpression(recipe.read, literal, ctx.text, () => '', { ChimeBearer: 'x' });
  if (!expression) {
    return `${facts.name} without ${member}: ${SHIM} read the current ${member} (${recipe.read.operation}) and sent it back; ${title} requires it. Read it and pass it here, then move this call.`;
  }
  return undefined;
}

/** A request literal the migration may edit: written at the call, or a `const` used only there. */
function isEditable(ctx: NativeContext, literal: RequestLiteral): boolean {
  if (!literal.complete) return false;
  if (literal.inPlace) return true;
  const declarator = ctx.analysis.parents.get(literal.object);
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return false;
  return (ctx.analysis.bindingOf(declarator.id)?.references.length ?? 0) === 1;
}

/** The code around the node may `await` (the read-back of a required member needs it). */
function inAsyncFunction(ctx: NativeContext, node: t.Node): boolean {
  for (let current = ctx.analysis.parents.get(node); current; current = ctx.analysis.parents.get(current)) {
    if (
      current.type === 'FunctionDeclaration' ||
      current.type === 'FunctionExpression' ||
      current.type === 'ArrowFunctionExpression' ||
      current.type === 'ObjectMethod' ||
      current.type === 'ClassMethod' ||
      current.type === 'ClassPrivateMethod'
    ) {
      return current.async === true;
    }
  }
  return false;
}

/** The family a generic tag call goes to: the ARN's owner when written out, else the file's only family. */
function taggingFamily(ctx: NativeContext, site: CallSite): Family | undefined {
  const literal = requestLiteral(ctx.analysis, site.input);
  const arn = literal ? unwrap(memberNamed(literal.object, 'ResourceARN')?.value) : undefined;
  const text =
    arn?.type === 'StringLiteral'
      ? arn.value
      : arn?.type === 'TemplateLiteral'
        ? arn.quasis[0]?.value.cooked
        : undefined;
  const owner = text ? ownerOf(text) : undefined;
  if (owner) return owner;
  const families = new Set(
    [...ctx.decisions.values()].flatMap((decision) => ('family' in decision ? [decision.family] : [])),
  );
  if (families.size === 1) {
    const [only] = families;
    ctx.todos.add(
      statementOf(ctx.analysis, site.node),
      `${site.facts.name} was routed by the ResourceARN's resource type; this call now goes to ${familyPackage(only!).title}, the only namespace this file uses: check the resource is one of its.`,
    );
    return only;
  }
  return undefined;
}

function isFunction(node: t.Node | undefined): boolean {
  return (
    node?.type === 'FunctionExpression' ||
    node?.type === 'ArrowFunctionExpression' ||
    node?.type === 'Identifier'
  );
}
