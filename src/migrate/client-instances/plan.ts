/**
 * The legacy clients of a file and what each becomes (client-instances/clients.ts): swapped in
 * place for one family's client, or split into one client per family next to it, built from its
 * config with an explicit region; the calls' receivers re-pointed.
 */
import type * as t from '@babel/types';
import { FAMILIES, type Family } from '../../operations/operation.js';
import { type CallSite, unwrap } from '../analysis/calls.js';
import type { ClientMeaning } from '../analysis/meaning.js';
import { DEFAULT_REGION, type NativeContext } from '../context.js';
import { familyPackage } from '../knowledge.js';
import type { NameUse, Target } from '../modules/imports.js';
import { indentAt, statementOf, textOf } from '../source/layout.js';
import { SHIM } from '../to-shim.js';
import {
  type ClientPlan,
  configFacts,
  constructionOf,
  isNeutralUse,
  nativeConfigEdits,
  nativeConfigText,
  originKey,
  splittableDeclaration,
  usesOf,
} from './clients.js';

/** The expressions that name the clients a call goes through, with what they are. */
function receiversOf(site: CallSite): { receiver: t.Node; client: ClientMeaning }[] {
  if (site.style === 'command')
    return site.sends.map((send) => ({ receiver: send.receiver, client: send.client! }));
  if ((site.style === 'aggregated' || site.style === 'paginator') && site.client && site.receiver) {
    return [{ receiver: site.receiver, client: site.client }];
  }
  return [];
}

/**
 * One plan per client the moved calls use. A client that must split but cannot (a parameter,
 * a config that is not repeatable, an exported variable) keeps its calls on this package.
 */
export function planClients(ctx: NativeContext): void {
  for (let round = 0; round < 3; round++) {
    ctx.clients.clear();
    for (const [site, decision] of ctx.decisions) {
      if (!('family' in decision)) continue;
      for (const { receiver, client } of receiversOf(site)) {
        const key = originKey(client.origin)!;
        let plan = ctx.clients.get(key);
        if (!plan) {
          plan = { key, client, families: new Set(), receivers: new Set(), mode: 'stay', names: new Map() };
          ctx.clients.set(key, plan);
        }
        plan.families.add(decision.family);
        plan.receivers.add(unwrap(receiver)!);
      }
    }
    let demoted = false;
    for (const plan of ctx.clients.values()) {
      const { origin } = plan.client;
      const others = usesOf(ctx.analysis, origin).filter(
        (use) => !plan.receivers.has(use) && !isNeutralUse(ctx.analysis, use),
      );
      const exported =
        origin.kind === 'binding' &&
        ctx.analysis.parents.get(ctx.analysis.parents.get(origin.binding.declarator!)!)?.type ===
          'ExportNamedDeclaration';
      if (plan.families.size === 1 && others.length === 0 && !exported && canSwap(ctx, plan)) {
        plan.mode = 'swap';
      } else if (splittableDeclaration(ctx.analysis, origin) && classUseOf(ctx, plan) !== undefined) {
        plan.mode = 'split';
      } else {
        const reason =
          'its client cannot be moved here (it also makes other calls, or is exported, or is built elsewhere), so this call stays on ' +
          `${SHIM}: give it a ${[...plan.families].map((family) => familyPackage(family).title).join(' / ')} client of its own.`;
        for (const [site, decision] of ctx.decisions) {
          if (!('family' in decision)) continue;
          if (receiversOf(site).some(({ client }) => originKey(client.origin) === plan.key)) {
            ctx.decisions.set(site, { keep: `${site.facts.name}: ${reason}` });
            demoted = true;
          }
        }
      }
    }
    if (!demoted) return;
  }
}

/** The new clients of each split client: `chimeIdentity`, `chimeMessaging`, ... (before any call is re-pointed). */
export function nameClients(ctx: NativeContext): void {
  for (const plan of ctx.clients.values()) {
    if (plan.mode !== 'split') continue;
    const { origin } = plan.client;
    const base =
      origin.kind === 'binding' ? origin.binding.name : origin.kind === 'field' ? origin.name : 'chime';
    for (const family of FAMILIES.filter((candidate) => plan.families.has(candidate))) {
      plan.names.set(family, clientName(ctx, base, family));
    }
  }
}

/** The import use that names the client's class at its construction or in its declared type. */
function classUseOf(ctx: NativeContext, plan: ClientPlan): NameUse | undefined {
  const construction = constructionOf(plan.client.origin);
  if (construction) return ctx.plan.useAt(construction.callee);
  return undefined;
}

/** The import uses that name the client's class in its declared type (`chime: ChimeClient`). */
function typeUses(ctx: NativeContext, plan: ClientPlan): NameUse[] {
  const { origin } = plan.client;
  const annotations: (t.Node | null | undefined)[] = [];
  if (origin.kind === 'binding') annotations.push(origin.binding.identifier.typeAnnotation);
  if (origin.kind === 'field') {
    for (const member of origin.owner.body.body) {
      if (
        member.type === 'ClassProperty' &&
        member.key.type === 'Identifier' &&
        member.key.name === origin.name
      ) {
        annotations.push(member.typeAnnotation);
      }
      if (member.type === 'ClassMethod' && member.kind === 'constructor') {
        for (const param of member.params) {
          if (param.type !== 'TSParameterProperty') continue;
          const inner = param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter;
          if (inner.type === 'Identifier' && inner.name === origin.name)
            annotations.push(inner.typeAnnotation);
        }
      }
    }
  }
  const uses: NameUse[] = [];
  for (const annotation of annotations) {
    const type = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : undefined;
    const references = type?.type === 'TSUnionType' ? type.types : type ? [type] : [];
    for (const reference of references) {
      if (reference.type !== 'TSTypeReference') continue;
      const use = ctx.plan.useAt(reference.typeName);
      if (use) uses.push(use);
    }
  }
  return uses;
}

/** The client's class can change in place: its construction or its type names an imported class. */
function canSwap(ctx: NativeContext, plan: ClientPlan): boolean {
  const construction = constructionOf(plan.client.origin);
  if (construction) return classUseOf(ctx, plan) !== undefined;
  return typeUses(ctx, plan).length > 0;
}

/** The family's client class, bare or aggregated as the legacy one was. */
function clientTarget(plan: ClientPlan, family: Family): Target {
  const names = familyPackage(family);
  return {
    source: names.packageName,
    name: plan.client.aggregated ? names.aggregatedName : names.clientName,
    typeOnly: false,
  };
}

/** Writes a client's plan: the class swapped in place, or one new client per family next to it. */
export function applyClient(ctx: NativeContext, plan: ClientPlan): void {
  if (plan.mode === 'stay') return;
  const { origin } = plan.client;
  const construction = constructionOf(origin);
  const facts = configFacts(ctx.text, construction);
  const region = facts.defaultRegion ?? DEFAULT_REGION;
  const families = FAMILIES.filter((family) => plan.families.has(family));
  const statement =
    declarationOf(ctx, origin) ?? statementOf(ctx.analysis, plan.receivers.values().next().value!);
  if (facts.hasMigration) {
    ctx.todos.add(
      statement,
      plan.mode === 'swap'
        ? `removed the migration options: they were ${SHIM}'s (route, regions, chimeBearer, ...) and mean nothing to the Chime SDK clients.`
        : `the Chime SDK clients below are built from this config without its migration options (${SHIM}'s: route, regions, chimeBearer, ...).`,
    );
  }
  regionTodo(ctx, plan, statement, facts.hasRegion || construction === undefined ? undefined : region);
  if (plan.mode === 'swap') {
    const [family] = families;
    const target = clientTarget(plan, family!);
    const classUse = classUseOf(ctx, plan);
    if (classUse) ctx.plan.point(classUse, target);
    for (const use of typeUses(ctx, plan)) ctx.plan.point(use, target);
    if (construction) nativeConfigEdits(ctx.edits, ctx.text, construction, region, ctx.quote);
    else {
      ctx.todos.add(
        statement,
        `this client is built elsewhere: build it there as a ${familyPackage(family!).title} client (${target.name}), with an explicit region.`,
      );
    }
    return;
  }
  // Split: one new client per family, next to the old one.
  const declaration = splittableDeclaration(ctx.analysis, origin)!;
  const config = nativeConfigText(ctx.text, construction!, region, ctx.quote);
  const indent = indentAt(ctx.text, declaration.statement.start!);
  const semicolon = ctx.text.slice(0, declaration.statement.end!).endsWith(';') ? ';' : '';
  const lines: string[] = [];
  for (const family of families) {
    const name = plan.names.get(family)!;
    const className = ctx.plan.ref(clientTarget(plan, family));
    if (declaration.kind === 'variable') {
      const kind = (declaration.statement as t.VariableDeclaration).kind;
      lines.push(`${kind} ${name} = new ${className}(${config})${semicolon}`);
    } else if (declaration.kind === 'property') {
      const member = declaration.statement as t.ClassProperty;
      const modifiersStart = member.decorators?.at(-1)?.end ?? member.start!;
      const modifiers = ctx.text.slice(modifiersStart, member.key.start!).trimStart();
      lines.push(`${modifiers}${name} = new ${className}(${config})${semicolon}`);
    } else {
      lines.push(`this.${name} = new ${className}(${config})${semicolon}`);
      declareField(ctx, origin, name, className);
    }
  }
  for (const receiver of plan.receivers) {
    const family = familyOfReceiver(ctx, plan, receiver);
    const name = family ? plan.names.get(family) : undefined;
    if (!name) continue;
    if (receiver.type === 'Identifier') ctx.edits.replace(receiver.start!, receiver.end!, name);
    else if (receiver.type === 'MemberExpression')
      ctx.edits.replace(receiver.property.start!, receiver.property.end!, name);
  }
  const others = usesOf(ctx.analysis, origin).filter((use) => !plan.receivers.has(use));
  const stillUsed = others.some((use) => !isNeutralUse(ctx.analysis, use));
  for (const use of others.filter((candidate) => isNeutralUse(ctx.analysis, candidate))) {
    ctx.todos.add(
      statementOf(ctx.analysis, use),
      `also destroy ${[...plan.names.values()].join(', ')}, the clients that now make this client's calls.`,
    );
  }
  const joined = lines.join(`${ctx.lineBreak}${indent}`);
  if (stillUsed || declaration.kind === 'assignment') {
    ctx.edits.insert(declaration.statement.end!, `${ctx.lineBreak}${indent}${joined}`);
    // The legacy client stays for its other calls: its class stays (or leaves this package).
  } else {
    ctx.edits.replace(declaration.statement.start!, declaration.statement.end!, joined);
    const classUse = classUseOf(ctx, plan);
    if (classUse) ctx.plan.point(classUse, null);
    for (const use of typeUses(ctx, plan)) ctx.plan.point(use, null);
  }
}

/** Where a client is declared or built: the statement (or class member) a comment about it goes above. */
function declarationOf(ctx: NativeContext, origin: ClientMeaning['origin']): t.Node | undefined {
  const construction = constructionOf(origin);
  if (construction) return statementOf(ctx.analysis, construction);
  if (origin.kind === 'binding') return statementOf(ctx.analysis, origin.binding.identifier);
  if (origin.kind === 'field') {
    return origin.owner.body.body.find(
      (member) =>
        (member.type === 'ClassProperty' &&
          member.key.type === 'Identifier' &&
          member.key.name === origin.name) ||
        (member.type === 'ClassMethod' && member.kind === 'constructor'),
    );
  }
  return undefined;
}

/** `chimeMessaging` next to `chime`; `meetingsClient` next to `meetings`. */
function clientName(ctx: NativeContext, base: string, family: Family): string {
  const word = familyPackage(family).clientName.slice('ChimeSDK'.length, -'Client'.length);
  return ctx.names.fresh(
    base.toLowerCase().includes(word.toLowerCase()) ? `${base}Client` : `${base}${word}`,
  );
}

/** A TypeScript class that declares the field gets a declaration of the new one next to it. */
function declareField(
  ctx: NativeContext,
  origin: ClientMeaning['origin'],
  name: string,
  className: string,
): void {
  if (origin.kind !== 'field' || !ctx.typescript) return;
  const declared = origin.owner.body.body.find(
    (member): member is t.ClassProperty =>
      member.type === 'ClassProperty' &&
      member.key.type === 'Identifier' &&
      member.key.name === origin.name &&
      !member.value,
  );
  if (!declared) return;
  const modifiersStart = declared.decorators?.at(-1)?.end ?? declared.start!;
  const modifiers = ctx.text.slice(modifiersStart, declared.key.start!).trimStart();
  const semicolon = ctx.text.slice(0, declared.end!).endsWith(';') ? ';' : '';
  ctx.edits.insert(
    declared.end!,
    `${ctx.lineBreak}${indentAt(ctx.text, declared.start!)}${modifiers}${name}: ${className}${semicolon}`,
  );
}

/** The family of the moved call that names the client through `receiver`. */
function familyOfReceiver(ctx: NativeContext, plan: ClientPlan, receiver: t.Node): Family | undefined {
  for (const [site, decision] of ctx.decisions) {
    if (!('family' in decision)) continue;
    if (
      receiversOf(site).some(
        (entry) => unwrap(entry.receiver) === receiver && originKey(entry.client.origin) === plan.key,
      )
    ) {
      return decision.family;
    }
  }
  return undefined;
}

/** The receiver text a moved call uses for its family's client. */
export function receiverText(ctx: NativeContext, receiver: t.Node, family: Family): string {
  const plan = [...ctx.clients.values()].find((candidate) => candidate.receivers.has(unwrap(receiver)!));
  const name = plan?.mode === 'split' ? plan.names.get(family) : undefined;
  if (!name) return textOf(ctx.text, receiver);
  const inner = unwrap(receiver)!;
  if (inner.type === 'MemberExpression') return `${textOf(ctx.text, inner.object)}.${name}`;
  return name;
}

/** The TODO about the region: the shim took it from the calls' ARNs; a client has one. */
function regionTodo(
  ctx: NativeContext,
  plan: ClientPlan,
  statement: t.Node,
  region: string | undefined,
): void {
  const sources = new Set<string>();
  for (const [site, decision] of ctx.decisions) {
    if (!('family' in decision)) continue;
    if (!receiversOf(site).some(({ client }) => originKey(client.origin) === plan.key)) continue;
    for (const member of site.facts.operation?.regionSources ?? []) {
      if (member.endsWith('Arn') || member.endsWith('ARN')) sources.add(member);
    }
  }
  if (sources.size === 0) return;
  ctx.todos.add(
    statement,
    `${SHIM} sent these calls to the region in their ${[...sources].slice(0, 3).join(', ')} (the legacy namespace: always us-east-1); a Chime SDK client has one region${region ? ` (here ${region})` : ''}: make it the region of those resources.`,
  );
}
