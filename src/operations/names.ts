import { OPERATION_NAMES } from './generated/names.js';

let families: ReadonlyMap<string, string> | undefined;

/**
 * The family of a removed operation by its legacy name (`tagging` for the generic tag
 * operations), or `undefined` for a name that is not one of them: all a rollout plan or the CLI
 * needs of the table. Decoded on first use.
 */
export function familyOfOperation(name: string): string | undefined {
  families ??= new Map(
    Object.entries(OPERATION_NAMES).flatMap(([family, list]) =>
      decodeNames(list).map((op) => [op, family] as const),
    ),
  );
  return families.get(name);
}

/**
 * A front-coded list (src/operations/generated/names.ts): each entry is the length it shares
 * with the previous name, one base-36 digit, then the rest. `0CreateAppInstance bAdmin` is
 * `CreateAppInstance CreateAppInstanceAdmin`.
 */
export function decodeNames(list: string): string[] {
  let previous = '';
  return list.split(' ').map((entry) => {
    previous = previous.slice(0, Number.parseInt(entry.charAt(0), 36)) + entry.slice(1);
    return previous;
  });
}
