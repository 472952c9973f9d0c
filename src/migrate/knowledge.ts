import { FAMILY_PACKAGES } from '../namespaces.js';
import { METHOD_NAMES, OPERATIONS, type OperationName } from '../operations/generated/index.js';
import type { Family, Operation } from '../operations/operation.js';
import SERVED from '../operations/served.json' with { type: 'json' };
import {
  FAMILY_EXPORTS,
  KEPT_OPERATIONS,
  MEMBER_RENAMES,
  REMOVED_TYPES,
  SHIM_OWN_EXPORTS,
} from './generated/sdk.js';

/**
 * What the migration assistant knows about a legacy operation, all of it from the operation table
 * (src/operations/generated/) and the release's served families (src/operations/served.json):
 * the same facts the runtime acts on, never a second list.
 */
export interface OperationFacts {
  /** The legacy name: `CreateChannel`. */
  readonly name: string;
  /** Removed from `@aws-sdk/client-chime` in 3.757.0 (a row of the table). */
  readonly removed: boolean;
  /** The row, for a removed operation. */
  readonly operation?: Operation | undefined;
  /**
   * How it maps: `same-name`, `renamed`, `substitute` (meeting tags), `routed-by-arn` (generic
   * tagging), `none` (no counterpart), or `kept` (not removed: still in `@aws-sdk/client-chime`).
   */
  readonly status: 'same-name' | 'renamed' | 'substitute' | 'routed-by-arn' | 'none' | 'kept';
  /** The family that serves it (`tagging`: the one that owns the resource). */
  readonly family?: Family | 'tagging' | undefined;
  /** The counterpart's name in the family's namespace. */
  readonly counterpart?: string | undefined;
  /** This release serves it (its family is served; the generic tag operations follow the resource). */
  readonly served: boolean;
}

let byName: Map<string, OperationFacts> | undefined;
let byMethod: Map<string, OperationFacts> | undefined;

function index(): Map<string, OperationFacts> {
  if (byName) return byName;
  const served = new Set<string>(SERVED.families);
  byName = new Map();
  for (const [name, operation] of Object.entries(OPERATIONS) as [OperationName, Operation][]) {
    byName.set(name, {
      name,
      removed: true,
      operation,
      status: operation.status ?? 'same-name',
      family: operation.family,
      counterpart: operation.counterpart,
      served: operation.status !== 'none' && (operation.family === 'tagging' || served.has(operation.family)),
    });
  }
  for (const name of KEPT_OPERATIONS.split(' ')) {
    byName.set(name, { name, removed: false, status: 'kept', served: false });
  }
  return byName;
}

/** A legacy operation by its name (`CreateChannel`), removed or kept. */
export function operationNamed(name: string): OperationFacts | undefined {
  return index().get(name);
}

/** A legacy operation by its method name on the aggregated `Chime` client (`createChannel`). */
export function operationOfMethod(method: string): OperationFacts | undefined {
  if (!byMethod) {
    byMethod = new Map();
    for (const facts of index().values()) {
      const methodName = facts.removed ? METHOD_NAMES[facts.name as OperationName] : camelCase(facts.name);
      byMethod.set(methodName, facts);
    }
  }
  return byMethod.get(method);
}

/** `CreateChannelCommand` -> CreateChannel. */
export function operationOfCommand(exportName: string): OperationFacts | undefined {
  return exportName.endsWith('Command') ? operationNamed(exportName.slice(0, -'Command'.length)) : undefined;
}

/** `paginateListChannels` -> ListChannels. */
export function operationOfPaginator(exportName: string): OperationFacts | undefined {
  return exportName.startsWith('paginate') ? operationNamed(exportName.slice('paginate'.length)) : undefined;
}

/** The function this package exports for a removed operation (`createChannel`, `create_app_instance_user`). */
export function operationOfFunction(exportName: string): OperationFacts | undefined {
  if (exportName === 'create_app_instance_user') return operationNamed('CreateAppInstanceUser');
  const facts = operationOfMethod(exportName);
  return facts?.removed ? facts : undefined;
}

/** Every legacy operation, removed ones first in the table's order. */
export function allOperations(): OperationFacts[] {
  return [...index().values()];
}

/** The names the removed operations' types had (`CreateChannelRequest`, `ChannelMessageType`, ...). */
export function isRemovedTypeName(name: string): boolean {
  removedTypes ??= new Set(REMOVED_TYPES.split(' '));
  return removedTypes.has(name);
}
let removedTypes: Set<string> | undefined;

/** A family's package, client and namespace names (src/namespaces.ts). */
export function familyPackage(family: Family) {
  const { packageName, clientName, title } = FAMILY_PACKAGES[family];
  return {
    packageName,
    clientName,
    /** The aggregated client: `ChimeSDKIdentity`. */
    aggregatedName: clientName.slice(0, -'Client'.length),
    /** `ChimeSDKIdentityServiceException`. */
    serviceExceptionName: `${clientName.slice(0, -'Client'.length)}ServiceException`,
    title,
  };
}

const exportSets = new Map<string, Set<string>>();
/** Whether a family's package exports `name` as a paginator, an error class or a legacy type name. */
export function familyExports(
  family: Family,
  kind: 'paginators' | 'errors' | 'types',
  name: string,
): boolean {
  const key = `${family}:${kind}`;
  let set = exportSets.get(key);
  if (!set) {
    set = new Set(FAMILY_EXPORTS[family][kind].split(' '));
    exportSets.set(key, set);
  }
  return set.has(name);
}

export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Member renames of the renamed operations, legacy name -> new name (requests and responses). */
export const MEMBER_RENAMES_OF: Readonly<Record<string, string>> = MEMBER_RENAMES;

let shimOwn: Set<string> | undefined;
/** A name only this package exports (its options, rollout, events, errors, plugin). */
export function isShimOwnName(name: string): boolean {
  shimOwn ??= new Set(SHIM_OWN_EXPORTS.split(' '));
  return shimOwn.has(name);
}
