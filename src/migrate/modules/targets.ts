/**
 * Where every other name the file imports from a Chime module goes: command types, request and
 * response types, paginators and shapes to the family that has them; error classes to the
 * families the file calls (`instanceof` tests each); names the legacy client still has to
 * `@aws-sdk/client-chime`; this package's own API stays, marked.
 */
import type * as t from '@babel/types';
import { FAMILIES, type Family } from '../../operations/operation.js';
import { outermost, unwrap } from '../analysis/calls.js';
import { memberNamed } from '../analysis/input.js';
import { familyErrors, isErrorName } from '../apis/errors.js';
import { configFacts } from '../client-instances/clients.js';
import type { NativeContext } from '../context.js';
import {
  familyExports,
  familyPackage,
  isRemovedTypeName,
  isShimOwnName,
  type OperationFacts,
  operationOfCommand,
  operationOfFunction,
  operationOfPaginator,
} from '../knowledge.js';
import { isRepeatable, statementOf, textOf } from '../source/layout.js';
import { LEGACY, SHIM } from '../to-shim.js';
import type { ChimeImport, NameUse, Target } from './imports.js';

/** The families the file's moved calls go to, in the table's order. */
export function familiesUsed(ctx: NativeContext): Family[] {
  const used = new Set<Family>();
  for (const decision of ctx.decisions.values()) if ('family' in decision) used.add(decision.family);
  return FAMILIES.filter((family) => used.has(family));
}

/** Something still calls through this package or the legacy client. */
function legacyRemains(ctx: NativeContext): boolean {
  return (
    [...ctx.decisions.values()].some((decision) => 'keep' in decision) ||
    ctx.sites.some((site) => !site.facts.removed)
  );
}

/** The family of an operation's other uses (its command type, `Ns.XCommand` in a mock, ...). */
function familyOfOperation(ctx: NativeContext, facts: OperationFacts | undefined): Family | undefined {
  if (!facts?.removed || facts.status === 'none' || facts.status === 'substitute') return undefined;
  if (facts.family !== 'tagging') return facts.family;
  const decided = [...ctx.decisions].find(([site, decision]) => site.facts === facts && 'family' in decision);
  return decided && 'family' in decided[1] ? decided[1].family : undefined;
}

/** Where a name the file imports goes, wherever it is used (the uses at special places are handled first). */
export function nameTarget(ctx: NativeContext, chimeImport: ChimeImport, name: string): Target {
  const fromShim = chimeImport.source.startsWith(SHIM);
  const same: Target = { source: chimeImport.source, name, typeOnly: chimeImport.typeOnly };
  const legacy: Target = {
    source: fromShim ? LEGACY : chimeImport.source,
    name,
    typeOnly: chimeImport.typeOnly,
  };
  if (name === '*' || isShimOwnName(name) || operationOfFunction(name)) return same;
  // A removed operation's command, command types, request and response types, paginator.
  const match = /^(\w+?)(Command|CommandInput|CommandOutput|Request|Response)$/.exec(name);
  const facts = match ? operationOfCommand(`${match[1]}Command`) : operationOfPaginator(name);
  if (facts?.removed) {
    const family = familyOfOperation(ctx, facts);
    if (!family) return same;
    const renamed = match ? `${facts.counterpart}${match[2]}` : `paginate${facts.counterpart}`;
    if (!match && !familyExports(family, 'paginators', renamed)) return same;
    return { source: familyPackage(family).packageName, name: renamed, typeOnly: chimeImport.typeOnly };
  }
  const primary = familiesUsed(ctx)[0];
  if (isRemovedTypeName(name)) {
    const family = [primary, ...FAMILIES].find(
      (candidate): candidate is Family => candidate !== undefined && familyExports(candidate, 'types', name),
    );
    return family
      ? { source: familyPackage(family).packageName, name, typeOnly: chimeImport.typeOnly }
      : same;
  }
  if (isErrorName(name) && primary) {
    const [first] = familyErrors(primary, name);
    if (first)
      return { source: familyPackage(primary).packageName, name: first, typeOnly: chimeImport.typeOnly };
    return legacy;
  }
  const shimClientStays = [...ctx.decisions.values()].some((decision) => 'keep' in decision);
  if (
    (name === 'ChimeClient' || name === 'Chime' || name === 'ChimeClientConfig') &&
    fromShim &&
    shimClientStays
  ) {
    return same;
  }
  // A name the legacy client still has (its other commands, types and errors): from it directly.
  return legacy;
}

/** Points every use of an imported Chime name that the calls and clients did not point. */
export function pointOtherUses(ctx: NativeContext): void {
  const families = familiesUsed(ctx);
  for (const use of ctx.plan.allUses()) {
    if (ctx.plan.targetOf(use) !== undefined) continue;
    const { name, chimeImport } = use;
    if (name === '*') continue;
    if (isShimOwnName(name) || operationOfFunction(name)) {
      if (!use.type) {
        ctx.todos.add(
          statementOf(ctx.analysis, use.node),
          `${name} is ${SHIM}'s: remove it once nothing here uses ${SHIM}.`,
        );
      }
      continue;
    }
    const target = nameTarget(ctx, chimeImport, name);
    if (isErrorName(name) && families.length > 0 && target.source !== chimeImport.source) {
      const legacy: Target = {
        source: chimeImport.source.startsWith(SHIM) ? LEGACY : chimeImport.source,
        name,
        typeOnly: chimeImport.typeOnly,
      };
      pointError(ctx, use, families, legacy);
      continue;
    }
    ctx.plan.point(use, target);
    if (
      chimeImport.source.startsWith(SHIM) &&
      target.source === LEGACY &&
      (name === 'ChimeClient' || name === 'Chime')
    ) {
      stripMigrationAt(ctx, use);
    }
  }
}

/** A legacy client built from this package's class keeps no `migration` options. */
function stripMigrationAt(ctx: NativeContext, use: NameUse): void {
  const construction = ctx.analysis.parents.get(use.node);
  if (construction?.type !== 'NewExpression' || construction.callee !== use.node) return;
  const facts = configFacts(ctx.text, construction);
  if (!facts.hasMigration) return;
  const argument = unwrap(construction.arguments[0]) as t.ObjectExpression;
  const migration = argument.properties.find(
    (property) => property.type === 'ObjectProperty' && memberNamed(argument, 'migration') === property,
  )!;
  const index = argument.properties.indexOf(migration);
  const next = argument.properties[index + 1];
  const previous = argument.properties[index - 1];
  if (next) ctx.edits.replace(migration.start!, next.start!, '');
  else if (previous) ctx.edits.replace(previous.end!, migration.end!, '');
  else ctx.edits.replace(argument.start!, argument.end!, '{}');
  ctx.todos.add(
    statementOf(ctx.analysis, construction),
    `removed the migration options: they were ${SHIM}'s, and this client is @aws-sdk/client-chime's again.`,
  );
}

/**
 * A legacy error class: the family's class of the same name (or meaning). `error instanceof X`
 * tests every family the file now calls (and the legacy class while legacy calls remain).
 */
function pointError(ctx: NativeContext, use: NameUse, families: readonly Family[], legacy: Target): void {
  const targets: Target[] = [];
  for (const family of families) {
    for (const name of familyErrors(family, use.name)) {
      targets.push({ source: familyPackage(family).packageName, name, typeOnly: use.chimeImport.typeOnly });
    }
  }
  if (legacyRemains(ctx)) targets.push(legacy);
  if (targets.length === 0) {
    ctx.plan.point(use, legacy);
    ctx.todos.add(
      statementOf(ctx.analysis, use.node),
      `no Chime SDK client of this file throws ${use.name}: check what this catch block should test.`,
    );
    return;
  }
  const outer = outermost(ctx.analysis, use.node);
  const test = ctx.analysis.parents.get(outer);
  if (
    targets.length > 1 &&
    test?.type === 'BinaryExpression' &&
    test.operator === 'instanceof' &&
    test.right === outer &&
    isRepeatable(test.left)
  ) {
    const left = textOf(ctx.text, test.left);
    const alternatives = targets.map((target) => `${left} instanceof ${ctx.plan.ref(target)}`).join(' || ');
    ctx.plan.point(use, null);
    ctx.edits.replace(test.start!, test.end!, `(${alternatives})`);
    return;
  }
  ctx.plan.point(use, targets[0]!);
  if (targets.length > 1) {
    ctx.todos.add(
      statementOf(ctx.analysis, use.node),
      `${use.name} is now ${familyPackage(families[0]!).title}'s class; errors of the other clients here are not instances of it (test error.name instead).`,
    );
  }
}
