// The operation table: for each of the 129 operations removed from `@aws-sdk/client-chime`, its
// family, its counterpart in a dedicated namespace, its request shape (the legacy one, with the
// members only the counterpart has), its legacy response shape, and what the models say a shim
// must know: idempotency tokens, ARN members, paginator, and the differences to translate.
//
// The models decide almost everything. What they cannot say is written here, with the AWS text
// that says it: the three renamed, three substituted and four counterpart-less operations, and the
// three generic tagging operations, which are routed by the resource's ARN.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLegacyModel, loadNamespaceModel, loadRemovedOperations, NAMESPACES } from './models.mjs';

/**
 * 3.699's `@deprecated` texts name these as "Replaced by ...StreamingConfigurations in the Amazon
 * Chime SDK Messaging Namespace"; the messaging model has them as
 * `...MessagingStreamingConfigurations`, same method, path and status, members renamed.
 */
const RENAMED = {
  PutAppInstanceStreamingConfigurations: 'PutMessagingStreamingConfigurations',
  GetAppInstanceStreamingConfigurations: 'GetMessagingStreamingConfigurations',
  DeleteAppInstanceStreamingConfigurations: 'DeleteMessagingStreamingConfigurations',
};

/** Member renames of the streaming-configuration operations (legacy -> messaging), both ways. */
export const MEMBER_RENAMES = {
  AppInstanceStreamingConfigurations: 'StreamingConfigurations',
  AppInstanceDataType: 'DataType',
};

/** 3.699: "Use TagResource in the Amazon Chime SDK Meetings Namespace" (likewise Untag, List). */
const SUBSTITUTES = {
  TagMeeting: 'TagResource',
  UntagMeeting: 'UntagResource',
  ListMeetingTags: 'ListTagsForResource',
};

/**
 * 3.699: "ListMeetings is not supported in the Amazon Chime SDK Meetings Namespace" and "Attendee
 * Tags are not supported in the Amazon Chime SDK Meetings Namespace". The value is what to use instead.
 */
export const NO_COUNTERPART = {
  ListMeetings:
    'keep your own list of the meetings you create (CreateMeeting returns each one), and use GetMeeting to read one',
  TagAttendee:
    'tag the meeting (TagMeeting), or keep attendee attributes in your own store keyed by AttendeeId',
  UntagAttendee:
    'untag the meeting (UntagMeeting), or keep attendee attributes in your own store keyed by AttendeeId',
  ListAttendeeTags:
    'list the meeting’s tags (ListMeetingTags), or keep attendee attributes in your own store keyed by AttendeeId',
};

/** Generic tagging: every namespace has these; the resource ARN says which one owns the resource. */
const ROUTED_BY_ARN = ['TagResource', 'UntagResource', 'ListTagsForResource'];

/**
 * Top-level members that name a Chime resource by ARN (the region sources). Every member of the
 * legacy `ChimeArn` shape, plus `ResourceARN` (tagging), which uses the generic `Arn` shape.
 * `SinkArn` (an S3 bucket) and the Lambda, SNS and SQS ARNs are not Chime resources.
 * `SourceArn`, the meeting a capture pipeline records, is not a region source either: legacy
 * callers build it as AWS's own samples do, `arn:aws:chime::<account>:meeting:<MeetingId>`, with
 * no region (the legacy `Meeting` had no ARN to copy), and the meeting is in `defaultRegion`'s
 * control plane like every meeting the shim creates.
 */
const CHIME_ARN_SHAPE = 'ChimeArn';
const CHIME_ARN_MEMBERS_OF_OTHER_SHAPES = new Set(['ResourceARN']);

export function kebabCase(name) {
  return name.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase();
}

export function camelCase(name) {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The legacy v3 paginators, as `@aws-sdk/client-chime@3.699.0` builds them with `createPaginator`. */
function loadLegacyPaginators(root) {
  const dir = join(root, 'node_modules/legacy-chime/dist-es/pagination');
  const paginators = new Map();
  for (const file of readdirSync(dir)) {
    const source = readFileSync(join(dir, file), 'utf8');
    const match =
      /export const (paginate\w+) = createPaginator\(ChimeClient, (\w+)Command, "(\w+)", "(\w+)", "(\w+)"\)/.exec(
        source,
      );
    if (match) {
      const [, name, operation, inputToken, outputToken, pageSize] = match;
      paginators.set(operation, { name, inputToken, outputToken, pageSize });
    }
  }
  return paginators;
}

export function buildTable(root) {
  const legacy = loadLegacyModel(root);
  const namespaces = new Map(
    NAMESPACES.map((namespace) => [
      namespace.family,
      { ...namespace, model: loadNamespaceModel(root, namespace) },
    ]),
  );
  const paginators = loadLegacyPaginators(root);
  const operations = loadRemovedOperations(root).map((name) =>
    buildOperation(name, legacy, namespaces, paginators),
  );
  return { legacy, namespaces, operations };
}

function familyOf(name, legacyOp, namespaces) {
  if (RENAMED[name]) return { family: 'messaging', status: 'renamed', counterpart: RENAMED[name] };
  if (SUBSTITUTES[name]) return { family: 'meetings', status: 'substitute', counterpart: SUBSTITUTES[name] };
  if (NO_COUNTERPART[name]) return { family: 'meetings', status: 'none', counterpart: undefined };
  if (ROUTED_BY_ARN.includes(name)) return { family: 'tagging', status: 'routed-by-arn', counterpart: name };
  // The legacy host prefixes say it for identity and messaging; the rest have one home by name.
  if (legacyOp.hostPrefix === 'identity-')
    return { family: 'identity', status: 'same-name', counterpart: name };
  if (legacyOp.hostPrefix === 'messaging-') {
    return { family: 'messaging', status: 'same-name', counterpart: name };
  }
  const homes = [...namespaces.values()].filter((namespace) => namespace.model.operations.has(name));
  if (homes.length !== 1) {
    throw new Error(`${name}: expected one namespace with this operation, found ${homes.length}`);
  }
  return { family: homes[0].family, status: 'same-name', counterpart: name };
}

function buildOperation(name, legacy, namespaces, paginators) {
  const legacyOp = legacy.operations.get(name);
  if (!legacyOp) throw new Error(`${name} is not in the legacy model`);
  const { family, status, counterpart } = familyOf(name, legacyOp, namespaces);
  const namespace = namespaces.get(family);
  const next = counterpart && namespace ? namespace.model.operations.get(counterpart) : undefined;
  if (counterpart && namespace && !next) throw new Error(`${name}: ${family} has no ${counterpart}`);
  const inputShape = legacy.shapes.get(legacyOp.input);
  // Only a same-name counterpart's extra members are the legacy operation's new members: a renamed
  // or substituted operation's request is translated member by member instead.
  const mergeWith =
    status === 'same-name' ? { family, model: namespace.model, shape: next.input } : undefined;
  const members = inputShape.members;
  const tokens = members.filter((member) => member.idempotencyToken).map((member) => member.name);
  const locationRank = { uri: 0, querystring: 1, undefined: 2, header: 3 };
  const regionSources = members
    .filter(
      (member) => member.target === CHIME_ARN_SHAPE || CHIME_ARN_MEMBERS_OF_OTHER_SHAPES.has(member.name),
    )
    .sort((a, b) => locationRank[a.location] - locationRank[b.location])
    .map((member) => member.name);
  return {
    name,
    family,
    status,
    counterpart,
    legacy: legacyOp,
    next,
    mergeWith,
    tokens,
    regionSources,
    paginator: paginators.get(name),
    differences: mergeWith ? differences(legacy, legacyOp.input, mergeWith.model, next.input) : undefined,
    errors: legacyOp.errors,
  };
}

/**
 * What changed between the legacy request and the counterpart's, recursively: members only the new
 * model has (accepted on the identity route only), and members the new model requires that the
 * legacy one did not (each needs a translation, or the call would fail on the identity route).
 */
function differences(legacy, legacyShapeName, model, newShapeName) {
  const newOnly = [];
  const legacyOnly = [];
  const newlyRequired = [];
  const visit = (legacyName, newName, path) => {
    const l = legacy.shapes.get(legacyName);
    const n = model.shapes.get(newName);
    if (!l || !n) return;
    if (l.type === 'list' && n.type === 'list') return visit(l.member, n.member, `${path}[]`);
    if (l.type === 'map' && n.type === 'map') return visit(l.value, n.value, `${path}{}`);
    if (l.type !== 'structure' || n.type !== 'structure') return;
    const join = (member) => (path === '' ? member : `${path}.${member}`);
    for (const member of l.members) {
      if (!n.members.some((candidate) => candidate.name === member.name)) legacyOnly.push(join(member.name));
    }
    for (const member of n.members) {
      const old = l.members.find((candidate) => candidate.name === member.name);
      if (!old) newOnly.push(join(member.name));
      else {
        if (member.required && !old.required) newlyRequired.push(join(member.name));
        visit(old.target, member.target, join(member.name));
      }
    }
  };
  visit(legacyShapeName, newShapeName, '');
  return { newOnly, legacyOnly, newlyRequired };
}
