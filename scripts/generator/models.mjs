// Reads the committed AWS models (models/) into one intermediate form, whatever their format:
// botocore JSON for the legacy `chime` namespace, Smithy JSON AST for the five Chime SDK
// namespaces. Everything the generator writes comes from here.
//
// A shape is `{ name, type, min?, max?, pattern?, enum?, sensitive?, member?, key?, value?,
// members?, timestampFormat? }`, where `members` is an ordered array of
// `{ name, target, required, location, locationName, idempotencyToken, documentation }`
// (`location`: 'uri' | 'querystring' | 'header' | undefined for the body, as botocore says it).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The five dedicated namespaces: their model, package, client and endpoint prefix. */
export const NAMESPACES = [
  {
    family: 'identity',
    title: 'Chime SDK Identity',
    model: 'chime-sdk-identity-2021-04-20.smithy.json',
    packageName: '@aws-sdk/client-chime-sdk-identity',
    clientName: 'ChimeSDKIdentityClient',
    endpointPrefix: 'identity-chime',
  },
  {
    family: 'messaging',
    title: 'Chime SDK Messaging',
    model: 'chime-sdk-messaging-2021-05-15.smithy.json',
    packageName: '@aws-sdk/client-chime-sdk-messaging',
    clientName: 'ChimeSDKMessagingClient',
    endpointPrefix: 'messaging-chime',
  },
  {
    family: 'meetings',
    title: 'Chime SDK Meetings',
    model: 'chime-sdk-meetings-2021-07-15.smithy.json',
    packageName: '@aws-sdk/client-chime-sdk-meetings',
    clientName: 'ChimeSDKMeetingsClient',
    endpointPrefix: 'meetings-chime',
  },
  {
    family: 'voice',
    title: 'Chime SDK Voice',
    model: 'chime-sdk-voice-2022-08-03.smithy.json',
    packageName: '@aws-sdk/client-chime-sdk-voice',
    clientName: 'ChimeSDKVoiceClient',
    endpointPrefix: 'voice-chime',
  },
  {
    family: 'mediaPipelines',
    title: 'Chime SDK Media Pipelines',
    model: 'chime-sdk-media-pipelines-2021-07-15.smithy.json',
    packageName: '@aws-sdk/client-chime-sdk-media-pipelines',
    clientName: 'ChimeSDKMediaPipelinesClient',
    endpointPrefix: 'media-pipelines-chime',
  },
];

export const LEGACY_MODEL = 'legacy/chime-2018-05-01.botocore.json';
export const REMOVED_LIST = 'legacy/removed-in-3.757.txt';

/** One service model in the intermediate form: `{ operations: Map, shapes: Map }`. */
export function loadLegacyModel(root) {
  const raw = JSON.parse(readFileSync(join(root, 'models', LEGACY_MODEL), 'utf8'));
  const shapes = new Map();
  for (const [name, shape] of Object.entries(raw.shapes)) shapes.set(name, botocoreShape(name, shape));
  const operations = new Map();
  for (const [name, op] of Object.entries(raw.operations)) {
    operations.set(name, {
      name,
      method: op.http.method,
      uri: op.http.requestUri,
      code: op.http.responseCode ?? 200,
      hostPrefix: op.endpoint?.hostPrefix,
      input: op.input?.shape,
      output: op.output?.shape,
      errors: (op.errors ?? []).map((error) => error.shape),
      documentation: op.documentation ?? '',
      paginated: undefined,
    });
  }
  return { operations, shapes, metadata: raw.metadata };
}

function botocoreShape(name, shape) {
  const ir = {
    name,
    type: shape.type,
    min: shape.min,
    max: shape.max,
    pattern: shape.pattern,
    enum: shape.enum,
    sensitive: shape.sensitive === true,
    timestampFormat: shape.timestampFormat,
    documentation: shape.documentation ?? '',
  };
  if (shape.type === 'list') ir.member = shape.member.shape;
  if (shape.type === 'map') {
    ir.key = shape.key.shape;
    ir.value = shape.value.shape;
  }
  if (shape.type === 'structure') {
    const required = new Set(shape.required ?? []);
    ir.exception = shape.exception === true;
    ir.members = Object.entries(shape.members ?? {}).map(([member, spec]) => ({
      name: member,
      target: spec.shape,
      required: required.has(member),
      location: spec.location,
      locationName: spec.locationName,
      idempotencyToken: spec.idempotencyToken === true,
      documentation: spec.documentation ?? '',
    }));
  }
  return ir;
}

/** Smithy prelude shapes the models target without defining them. */
const PRELUDE = {
  'smithy.api#String': { type: 'string' },
  'smithy.api#Boolean': { type: 'boolean' },
  'smithy.api#PrimitiveBoolean': { type: 'boolean' },
  'smithy.api#Integer': { type: 'integer' },
  'smithy.api#PrimitiveInteger': { type: 'integer' },
  'smithy.api#Long': { type: 'long' },
  'smithy.api#PrimitiveLong': { type: 'long' },
  'smithy.api#Float': { type: 'float' },
  'smithy.api#Double': { type: 'double' },
  'smithy.api#Timestamp': { type: 'timestamp' },
  'smithy.api#Blob': { type: 'blob' },
  'smithy.api#Unit': { type: 'structure', members: [] },
};

export function loadNamespaceModel(root, namespace) {
  const raw = JSON.parse(readFileSync(join(root, 'models/current', namespace.model), 'utf8'));
  const shortName = (id) => id.slice(id.indexOf('#') + 1);
  const shapes = new Map();
  for (const [id, shape] of Object.entries(raw.shapes)) {
    if (shape.type === 'operation' || shape.type === 'service' || shape.type === 'resource') continue;
    shapes.set(shortName(id), smithyShape(shortName(id), shape, shortName));
  }
  for (const [id, shape] of Object.entries(PRELUDE)) {
    shapes.set(shortName(id), { name: shortName(id), ...shape, sensitive: false, documentation: '' });
  }
  const operations = new Map();
  for (const [id, shape] of Object.entries(raw.shapes)) {
    if (shape.type !== 'operation') continue;
    const traits = shape.traits ?? {};
    const http = traits['smithy.api#http'];
    operations.set(shortName(id), {
      name: shortName(id),
      method: http.method,
      uri: http.uri,
      code: http.code ?? 200,
      hostPrefix: traits['smithy.api#endpoint']?.hostPrefix,
      input: shape.input ? shortName(shape.input.target) : undefined,
      output: shape.output ? shortName(shape.output.target) : undefined,
      errors: (shape.errors ?? []).map((error) => shortName(error.target)),
      documentation: traits['smithy.api#documentation'] ?? '',
      paginated: traits['smithy.api#paginated'],
    });
  }
  return { operations, shapes };
}

function smithyShape(name, shape, shortName) {
  const traits = shape.traits ?? {};
  const length = traits['smithy.api#length'];
  const range = traits['smithy.api#range'];
  const ir = {
    name,
    type: shape.type,
    min: length?.min ?? range?.min,
    max: length?.max ?? range?.max,
    pattern: traits['smithy.api#pattern'],
    sensitive: traits['smithy.api#sensitive'] !== undefined,
    timestampFormat: traits['smithy.api#timestampFormat'],
    documentation: traits['smithy.api#documentation'] ?? '',
  };
  if (shape.type === 'enum') {
    ir.type = 'string';
    ir.enum = Object.entries(shape.members).map(
      ([member, spec]) => spec.traits?.['smithy.api#enumValue'] ?? member,
    );
  } else if (shape.type === 'intEnum') {
    ir.type = 'integer';
  } else if (shape.type === 'list' || shape.type === 'set') {
    ir.type = 'list';
    ir.member = shortName(shape.member.target);
  } else if (shape.type === 'map') {
    ir.key = shortName(shape.key.target);
    ir.value = shortName(shape.value.target);
  } else if (shape.type === 'structure' || shape.type === 'union') {
    ir.type = 'structure';
    ir.exception = traits['smithy.api#error'] !== undefined;
    ir.members = Object.entries(shape.members ?? {}).map(([member, spec]) => {
      const memberTraits = spec.traits ?? {};
      const location =
        memberTraits['smithy.api#httpLabel'] !== undefined
          ? 'uri'
          : memberTraits['smithy.api#httpQuery'] !== undefined
            ? 'querystring'
            : memberTraits['smithy.api#httpHeader'] !== undefined
              ? 'header'
              : undefined;
      return {
        name: member,
        target: shortName(spec.target),
        required: memberTraits['smithy.api#required'] !== undefined,
        location,
        locationName:
          location === 'uri'
            ? member
            : (memberTraits['smithy.api#httpQuery'] ?? memberTraits['smithy.api#httpHeader']),
        idempotencyToken: memberTraits['smithy.api#idempotencyToken'] !== undefined,
        documentation: memberTraits['smithy.api#documentation'] ?? '',
      };
    });
  }
  return ir;
}

/** The operations removed from `@aws-sdk/client-chime` in 3.757.0, in the list's order. */
export function loadRemovedOperations(root) {
  return readFileSync(join(root, 'models', REMOVED_LIST), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The first sentence of a model's HTML documentation, as plain text, for help texts and docs. */
export function firstSentence(html) {
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  const end = text.search(/\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}
