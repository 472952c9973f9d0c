import type * as t from '@babel/types';
import { unwrap } from './calls.js';
import type { Analysis } from './scope.js';

/**
 * A request argument as far as the code shows it: the object literal (written in place, or the
 * initialiser of a `const` that nothing else writes to), and whether its members are all visible
 * (no spread, no computed key).
 */
export interface RequestLiteral {
  readonly object: t.ObjectExpression;
  /** Every member is a plain `Name: value` (or shorthand, or method): the list is complete. */
  readonly complete: boolean;
  /** Written in place at the call (so the migration may edit it there). */
  readonly inPlace: boolean;
}

export function requestLiteral(analysis: Analysis, input: t.Node | undefined): RequestLiteral | undefined {
  const node = unwrap(input);
  if (node?.type === 'ObjectExpression') return { object: node, complete: isComplete(node), inPlace: true };
  if (node?.type !== 'Identifier') return undefined;
  const binding = analysis.bindingOf(node);
  if (binding?.kind !== 'const' || binding.path?.length !== 0) return undefined;
  const init = unwrap(binding.declarator?.init);
  if (init?.type !== 'ObjectExpression') return undefined;
  // `params.ChimeBearer = bearer` after the declaration: the literal is not the whole story.
  const written = binding.references.some(({ identifier }) => {
    const member = analysis.parents.get(identifier);
    if (member?.type !== 'MemberExpression' || member.object !== identifier) return false;
    const assignment = analysis.parents.get(member);
    return assignment?.type === 'AssignmentExpression' && assignment.left === member;
  });
  return { object: init, complete: isComplete(init) && !written, inPlace: false };
}

function isComplete(object: t.ObjectExpression): boolean {
  return object.properties.every((property) => property.type !== 'SpreadElement' && !property.computed);
}

/** The name of an object member written `Name: value`, `'Name': value` or shorthand. */
export function keyName(property: t.ObjectExpression['properties'][number]): string | undefined {
  if (property.type === 'SpreadElement' || property.computed) return undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'StringLiteral') return property.key.value;
  return undefined;
}

export function memberNamed(object: t.ObjectExpression, name: string): t.ObjectProperty | undefined {
  return object.properties.find(
    (property): property is t.ObjectProperty =>
      property.type === 'ObjectProperty' && keyName(property) === name,
  );
}

/**
 * Whether the request gives a member (a dotted path for nested ones:
 * `StreamingConfiguration.Disabled`): `true`, `false`, or `undefined` when the code does not say.
 */
export function givesMember(literal: RequestLiteral | undefined, path: string): boolean | undefined {
  if (!literal) return undefined;
  let object: t.ObjectExpression = literal.object;
  let complete = literal.complete;
  const steps = path.split('.');
  for (const [index, step] of steps.entries()) {
    const member = memberNamed(object, step);
    if (!member) return complete ? false : undefined;
    // `Name: undefined` sends nothing, as the legacy client did.
    const value = unwrap(member.value);
    if (value?.type === 'Identifier' && value.name === 'undefined') return complete ? false : undefined;
    if (index === steps.length - 1) return true;
    if (value?.type !== 'ObjectExpression') return undefined;
    object = value;
    complete = isComplete(value);
  }
  return true;
}
