// Only the Range class (as semver's README suggests), not all of semver: less to load and to bundle.
import Range from 'semver/classes/range.js';
import { familyOfOperation } from '../operations/names.js';
import { FAMILIES } from '../operations/operation.js';
import { checkKeys, checkRoute, configurationError, describeValue, isPlainObject, own } from './guard.js';
import { murmur3OfCodeUnits } from './murmur3.js';
import type {
  RolloutPlan,
  RolloutStickiness,
  Route,
  RouteContext,
  RouteDecision,
  RouteSource,
} from './types.js';

const PLAN_FIELDS = [
  'percentage',
  'groupId',
  'stickiness',
  'allow',
  'deny',
  'serviceVersion',
  'defaultRoute',
  'operations',
] as const satisfies readonly (keyof RolloutPlan)[];
const ID_LIST_FIELDS = ['AppInstanceArns', 'AppInstanceUserIds'] as const;
const STICKINESS: readonly RolloutStickiness[] = ['AppInstanceUserId', 'AppInstanceArn'];

/**
 * The user's bucket, 1 to 100, exactly as Unleash's `flexibleRollout` strategy computes it
 * (unleash-client-node `normalizedStrategyValue`): MurmurHash3 x86 32-bit of `groupId:id`,
 * seed 0, `% 100 + 1`. The hash is proven equal to the implementation Unleash's Node SDK uses
 * (`murmurhash3js` 3.0.1), so the published vectors hold: `('123', 'gr1') -> 73`,
 * `('999', 'groupX') -> 25`.
 *
 * Non-ASCII: `murmurhash3js` hashes the low 8 bits of each UTF-16 code unit (and takes the
 * length in code units), not the UTF-8 bytes. Buckets therefore match Unleash's Node SDK for
 * every string, and its Java/Go SDKs (which hash UTF-8) for ASCII only. `AppInstanceUserId`
 * is ASCII by the service's pattern; an `AppInstanceArn` or a `groupId` may not be.
 */
export function unleashBucket(groupId: string, id: string): number {
  return (murmur3OfCodeUnits(`${groupId}:${id}`) % 100) + 1;
}

/**
 * Checks a rollout plan (every message names the field) and precomputes what the hot path
 * needs: the lists as sets, the range parsed once, one frozen decision per bucket, so a
 * decision allocates nothing but the hashed string.
 */
export function compileRolloutPlan(
  value: Record<string, unknown>,
  name: string,
  defaultRoute: Route,
): RouteSource {
  const plan = checkRolloutPlan(value, name);
  const planDefault = plan.defaultRoute ?? defaultRoute;
  const denyUsers = new Set(plan.deny?.AppInstanceUserIds);
  const denyArns = new Set(plan.deny?.AppInstanceArns);
  const allowUsers = new Set(plan.allow?.AppInstanceUserIds);
  const allowArns = new Set(plan.allow?.AppInstanceArns);
  const hasLists = denyUsers.size + denyArns.size + allowUsers.size + allowArns.size > 0;
  const stickOnArn = plan.stickiness === 'AppInstanceArn';
  const prefix = `${plan.groupId}:`;
  const covered = plan.operations ? new Set(plan.operations) : undefined;

  const NOT_COVERED = decision(planDefault, 'plan:operation');
  const NO_KEY = decision(planDefault, 'no-key');
  const DENY = decision('legacy', 'plan:deny');
  const ALLOW = decision('identity', 'plan:allow');
  const OUTSIDE = decision(planDefault, 'plan:serviceVersion');
  const ERROR = decision(planDefault, 'fallback:error');
  const BUCKETS: RouteDecision[] = [];
  for (let bucket = 1; bucket <= 100; bucket++) {
    BUCKETS[bucket] = decision(bucket <= plan.percentage ? 'identity' : 'legacy', `plan:bucket=${bucket}`);
  }

  const inRange = serviceVersionTest(plan.serviceVersion);

  return {
    decide(context: RouteContext): RouteDecision {
      try {
        if (covered && !covered.has(context.operation) && !covered.has(context.family)) return NOT_COVERED;
        const { AppInstanceUserId: userId, AppInstanceArn: arn } = context;
        if (hasLists) {
          if ((userId !== undefined && denyUsers.has(userId)) || (arn !== undefined && denyArns.has(arn))) {
            return DENY;
          }
          if ((userId !== undefined && allowUsers.has(userId)) || (arn !== undefined && allowArns.has(arn))) {
            return ALLOW;
          }
        }
        if (inRange && !inRange(context.serviceVersion)) return OUTSIDE;
        const id = stickOnArn ? arn : userId;
        if (id === undefined) return NO_KEY;
        return BUCKETS[(murmur3OfCodeUnits(prefix + id) % 100) + 1] ?? ERROR;
      } catch {
        // Nothing above should throw on validated strings; if it ever does, the call still goes through.
        return ERROR;
      }
    },
  };
}

function decision(route: Route, reason: string): RouteDecision {
  return Object.freeze({ route, reason });
}

/**
 * The range test, memoised on the last version seen: a process has one `serviceVersion`, so
 * parsing it once instead of on every call keeps the plan well under the 2 us budget.
 */
function serviceVersionTest(
  range: string | undefined,
): ((version: string | undefined) => boolean) | undefined {
  if (range === undefined) return undefined;
  const parsed = new Range(range, { includePrerelease: true });
  let lastVersion: string | undefined;
  let lastResult = false;
  return (version) => {
    if (version === undefined) return false;
    if (version !== lastVersion) {
      lastResult = parsed.test(version);
      lastVersion = version;
    }
    return lastResult;
  };
}

function isRange(value: string): boolean {
  try {
    new Range(value);
    return true;
  } catch {
    return false;
  }
}

/** Validates the plan's shape and values; the result is a plan with its fields typed and checked. */
export function checkRolloutPlan(value: Record<string, unknown>, name: string): RolloutPlan {
  checkKeys(value, PLAN_FIELDS, name, 'a rollout plan');

  const percentage = own(value, 'percentage');
  if (percentage === undefined) {
    throw configurationError(
      `${name}.percentage`,
      'is required: the share of users (0 to 100) on the identity route',
    );
  }
  if (typeof percentage !== 'number' || !(percentage >= 0 && percentage <= 100)) {
    throw configurationError(
      `${name}.percentage`,
      `must be a number from 0 to 100, got ${describeValue(percentage)}`,
    );
  }
  if (!Number.isInteger(percentage)) {
    // Buckets are whole numbers 1..100: 12.5 would silently mean 12, so say so instead.
    throw configurationError(
      `${name}.percentage`,
      `must be a whole number (buckets are 1 to 100), got ${percentage}`,
    );
  }

  const groupId = own(value, 'groupId');
  if (groupId === undefined) {
    throw configurationError(
      `${name}.groupId`,
      'is required: it salts the bucketing (the flag name in Unleash)',
    );
  }
  if (typeof groupId !== 'string' || groupId === '') {
    throw configurationError(`${name}.groupId`, `must be a non-empty string, got ${describeValue(groupId)}`);
  }

  const stickiness = own(value, 'stickiness');
  if (stickiness !== undefined && !STICKINESS.includes(stickiness as RolloutStickiness)) {
    throw configurationError(
      `${name}.stickiness`,
      `must be 'AppInstanceUserId' or 'AppInstanceArn', got ${describeValue(stickiness)}`,
    );
  }

  const serviceVersion = own(value, 'serviceVersion');
  if (serviceVersion !== undefined) {
    if (typeof serviceVersion !== 'string' || serviceVersion.trim() === '' || !isRange(serviceVersion)) {
      throw configurationError(
        `${name}.serviceVersion`,
        `must be a semver range such as '>=2.3.0', got ${describeValue(serviceVersion)}`,
      );
    }
  }

  const operations = own(value, 'operations');
  if (operations !== undefined) {
    const names = checkStrings(operations, `${name}.operations`);
    for (const [index, operation] of names.entries()) {
      if (
        familyOfOperation(operation) === undefined &&
        !(FAMILIES as readonly string[]).includes(operation)
      ) {
        throw configurationError(
          `${name}.operations[${index}]`,
          `must name a removed operation (CreateChannel) or a family (${FAMILIES.join(', ')}), got ${describeValue(operation)}`,
        );
      }
    }
  }

  return {
    percentage,
    groupId,
    operations: operations as string[] | undefined,
    stickiness: stickiness as RolloutStickiness | undefined,
    allow: checkIds(own(value, 'allow'), `${name}.allow`),
    deny: checkIds(own(value, 'deny'), `${name}.deny`),
    serviceVersion: serviceVersion as string | undefined,
    defaultRoute: checkRoute(own(value, 'defaultRoute'), `${name}.defaultRoute`),
  };
}

function checkIds(
  value: unknown,
  field: string,
): { AppInstanceArns: string[]; AppInstanceUserIds: string[] } | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) {
    throw configurationError(
      field,
      `must be an object with AppInstanceArns and/or AppInstanceUserIds, got ${describeValue(value)}`,
    );
  }
  checkKeys(value, ID_LIST_FIELDS, field, 'an id list');
  return {
    AppInstanceArns: checkStrings(own(value, 'AppInstanceArns'), `${field}.AppInstanceArns`),
    AppInstanceUserIds: checkStrings(own(value, 'AppInstanceUserIds'), `${field}.AppInstanceUserIds`),
  };
}

function checkStrings(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw configurationError(field, `must be an array of strings, got ${describeValue(value)}`);
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (typeof item !== 'string' || item === '') {
      throw configurationError(
        `${field}[${index}]`,
        `must be a non-empty string, got ${describeValue(item)}`,
      );
    }
  }
  return value as string[];
}
