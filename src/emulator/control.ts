import { emulatorError } from './errors.js';
import type { FaultQueue } from './faults.js';
import type { EmulatorState } from './state.js';
import type { RequestLogEntry } from './types.js';

/**
 * The control path, `/__emulator/...` on the emulator's own port, for tests in another process
 * (the CLI's emulator, a service under test). No SDK operation lives under it, and it is not
 * signature-checked: keep the emulator on loopback (the default host).
 *
 * | method | path                      | does                                                  |
 * |--------|---------------------------|-------------------------------------------------------|
 * | GET    | /__emulator/health        | 200 `{ status, accountId, verifySignatures }`         |
 * | POST   | /__emulator/faults        | queue one fault (or an array of them): 201 `{ pending }` |
 * | GET    | /__emulator/faults        | 200 `{ faults }`, the pending faults                  |
 * | DELETE | /__emulator/faults        | drop every pending fault: 204                         |
 * | POST   | /__emulator/reset         | empty store, faults and log: 204                      |
 * | GET    | /__emulator/requests      | 200 `{ requests }`, the request log                   |
 * | GET    | /__emulator/users         | 200 `{ users }`; `?app-instance-arn=` narrows it      |
 * | GET    | /__emulator/app-instances | 200 `{ appInstances }`                                |
 * | POST   | /__emulator/app-instances | body `{ region?, name?, metadata? }`: 201 `{ AppInstanceArn }` |
 */

/** What the control path acts on: the emulator's runtime (declared here, so this module needs nothing of it). */
export interface ControlTarget {
  readonly options: { readonly verifySignatures: boolean };
  readonly state: EmulatorState;
  readonly faults: FaultQueue;
  readonly log: { entries(): readonly RequestLogEntry[] };
  reset(): void;
  createAppInstance(options: { region?: string; name?: string; metadata?: string }): string;
}

export interface ControlResult {
  readonly status: number;
  readonly body?: unknown;
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw emulatorError('SerializationException', 'The control request body is not valid JSON.');
  }
}

/** Turn a TypeError/RangeError from an argument check into a 400 that carries its message. */
function asBadRequest<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) {
      throw emulatorError('BadRequestException', error.message);
    }
    throw error;
  }
}

export function handleControl(
  runtime: ControlTarget,
  method: string,
  path: string,
  query: Readonly<Record<string, string | string[]>>,
  body: Buffer,
): ControlResult {
  switch (`${method} ${path}`) {
    case 'GET health':
      return {
        status: 200,
        body: {
          status: 'ok',
          accountId: runtime.state.accountId,
          verifySignatures: runtime.options.verifySignatures,
        },
      };
    case 'POST faults': {
      const specs = parseJson(body);
      const list = Array.isArray(specs) ? specs : [specs];
      asBadRequest(() => runtime.faults.injectAll(list));
      return { status: 201, body: { pending: runtime.faults.pending().length } };
    }
    case 'GET faults':
      return { status: 200, body: { faults: runtime.faults.pending() } };
    case 'DELETE faults':
      runtime.faults.clear();
      return { status: 204 };
    case 'POST reset':
      runtime.reset();
      return { status: 204 };
    case 'GET requests':
      return { status: 200, body: { requests: runtime.log.entries() } };
    case 'GET users': {
      const arn = query['app-instance-arn'];
      return {
        status: 200,
        body: { users: runtime.state.identity.userViews(Array.isArray(arn) ? arn[0] : arn) },
      };
    }
    case 'GET app-instances':
      return { status: 200, body: { appInstances: runtime.state.identity.appInstanceViews() } };
    case 'POST app-instances': {
      const given = parseJson(body) ?? {};
      if (typeof given !== 'object' || given === null || Array.isArray(given)) {
        throw emulatorError(
          'BadRequestException',
          'The body must be a JSON object { region?, name?, metadata? }.',
        );
      }
      const { region, name, metadata } = given as Record<string, unknown>;
      for (const [key, value] of Object.entries({ region, name, metadata })) {
        if (value !== undefined && typeof value !== 'string') {
          throw emulatorError('BadRequestException', `'${key}' must be a string.`);
        }
      }
      const arn = asBadRequest(() =>
        runtime.createAppInstance({
          ...(region === undefined ? {} : { region: region as string }),
          ...(name === undefined ? {} : { name: name as string }),
          ...(metadata === undefined ? {} : { metadata: metadata as string }),
        }),
      );
      return { status: 201, body: { AppInstanceArn: arn } };
    }
    default:
      throw emulatorError(
        'UnknownOperationException',
        `No control operation matches ${method} /__emulator/${path}.`,
      );
  }
}
