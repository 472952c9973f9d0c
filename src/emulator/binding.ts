import type { IncomingMessage } from 'node:http';
import type { Shape } from '../model/shapes.js';
import { emulatorError } from './errors.js';
import type { ServiceOperation } from './service-operation.js';

/**
 * An operation's input, as restJson1 binds it: the JSON body's members (operations with a body
 * member), then the query parameters, headers and URI labels, which win over a body member of
 * the same name. Query and header values are strings on the wire; the member's shape says how
 * to read them (integers, booleans, lists of strings).
 */
export function assembleInput(
  operation: ServiceOperation,
  labels: Readonly<Record<string, string>>,
  query: Readonly<Record<string, string | string[]>>,
  req: IncomingMessage,
  body: Buffer,
): Record<string, unknown> {
  let input: Record<string, unknown> = {};
  if (operation.hasBody && body.length > 0) {
    // restJson1: a body must say it is JSON; Smithy servers answer anything else with 415.
    if (!isJsonContentType(req.headers['content-type'])) {
      throw emulatorError(
        'UnsupportedMediaTypeException',
        `Content-Type must be application/json, got ${JSON.stringify(req.headers['content-type'] ?? null)}.`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw emulatorError('SerializationException', 'The request body is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw emulatorError('SerializationException', 'The request body must be a JSON object.');
    }
    input = parsed as Record<string, unknown>;
  }
  const members = operation.input.members;
  for (const [name, member] of Object.entries(operation.query ?? {})) {
    const raw = query[name];
    if (raw === undefined) continue;
    input[member] = fromWire(raw, members[member]!.shape, `query parameter '${name}'`);
  }
  for (const [name, member] of Object.entries(operation.headers ?? {})) {
    const raw = req.headers[name];
    if (raw === undefined) continue;
    input[member] = fromWire(raw, members[member]!.shape, `header '${name}'`);
  }
  for (const [label, value] of Object.entries(labels)) input[label] = value;
  return input;
}

/** A query or header value as its member's type. */
function fromWire(raw: string | string[], shape: Shape, where: string): unknown {
  if (shape.type === 'list') {
    const values = Array.isArray(raw) ? raw : raw.split(',').map((value) => value.trim());
    return values.map((value) => fromWire(value, shape.member, where));
  }
  const value = Array.isArray(raw) ? raw[0]! : raw;
  switch (shape.type) {
    case 'integer':
    case 'long':
      if (!/^[+-]?\d{1,15}$/.test(value)) {
        throw emulatorError('SerializationException', `Expected an integer for ${where}.`);
      }
      return Number(value);
    case 'boolean':
      if (value !== 'true' && value !== 'false') {
        throw emulatorError('SerializationException', `Expected true or false for ${where}.`);
      }
      return value === 'true';
    default:
      return value;
  }
}

function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return mediaType === 'application/json';
}
