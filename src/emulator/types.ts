/**
 * The emulator's public types. Runtime code lives next door; this file only describes shapes
 * so the entry point can re-export them with `export type`.
 */

import type { OperationName as IdentityOperation } from './generated/identity.js';
import type { OperationName as MediaPipelinesOperation } from './generated/mediaPipelines.js';
import type { OperationName as MeetingsOperation } from './generated/meetings.js';
import type { OperationName as MessagingOperation } from './generated/messaging.js';
import type { OperationName as VoiceOperation } from './generated/voice.js';

/** The operations of the dedicated namespaces, named as in their models (the emulator serves those docs/emulator.md lists). */
export type EmulatorOperation =
  | IdentityOperation
  | MessagingOperation
  | MeetingsOperation
  | VoiceOperation
  | MediaPipelinesOperation;

/** An access key pair the emulator accepts. */
export interface EmulatorCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface EmulatorOptions {
  /** Interface to listen on. Default `127.0.0.1` (loopback only: the control path has no auth). */
  host?: string;
  /** Port to listen on. Default `0`: any free port, read it back from `emulator.port`. */
  port?: number;
  /** Check SigV4 on every SDK request. Default `true`. */
  verifySignatures?: boolean;
  /** Largest request body accepted, in bytes; a larger one is answered 413. Default 262,144 (256 KiB). */
  maxBodyBytes?: number;
  /** The key pair requests must be signed with. Default `EMULATOR_CREDENTIALS`. */
  credentials?: EmulatorCredentials;
  /**
   * Regions a request may be signed for. Default: any well-formed AWS region name
   * (`us-east-1`, `eu-central-1`, `us-gov-west-1`, ...). Others get `InvalidSignatureException`.
   */
  regions?: readonly string[];
  /** Region used when a request carries no SigV4 scope (only possible with `verifySignatures: false`). Default `us-east-1`. */
  defaultRegion?: string;
  /** How many entries the request log keeps (a ring buffer: the oldest go first). Default 1,000. */
  requestLogSize?: number;
  /** Most app instances the store holds, all regions together. Default 1,000; beyond: `ResourceLimitExceededException`. */
  maxAppInstances?: number;
  /** Most users the store holds, all app instances together. Default 100,000; beyond: `ResourceLimitExceededException`. */
  maxUsers?: number;
  /** Serve the `/__emulator/*` control path. Default `true`. */
  controlPath?: boolean;
}

interface FaultTarget {
  /** How many of the next matching requests get the fault. Default 1, at most 100,000. */
  count?: number;
  /** Only requests for this operation match; default: any operation. */
  operation?: EmulatorOperation;
}

/** Answer with an error instead of serving the request. */
export interface ErrorFault extends FaultTarget {
  kind: 'error';
  /** The `x-amzn-errortype`, e.g. `ThrottledClientException`. Any string is allowed. */
  errorType: string;
  /** HTTP status, 400-599. Default: the model's status for a known `errorType`, otherwise 500. */
  status?: number;
  /** The body's `Message`. Default: a message naming the fault. */
  message?: string;
  /** The body's `Code`. Default: the model's `ErrorCode` for a known type, otherwise the type itself. */
  code?: string;
}

/** Reset the TCP connection (RST) without answering: the SDK sees a network error. */
export interface ResetFault extends FaultTarget {
  kind: 'reset';
}

/** Wait, then serve the request normally. */
export interface DelayFault extends FaultTarget {
  kind: 'delay';
  /** Milliseconds to wait, 0-600,000. */
  delayMs: number;
}

/** A fault for the next `count` requests that match `operation`. */
export type FaultSpec = ErrorFault | ResetFault | DelayFault;

/** A pending fault as the emulator holds it: `remaining` counts down to 0, then it is dropped. */
export type PendingFault = FaultSpec & { readonly remaining: number };

/**
 * One request as the log keeps it. Bodies, query strings, names, metadata, tags, tokens and
 * credentials are never kept: `path` is the route template (`/app-instance-users/{AppInstanceUserArn}`)
 * for known routes, so not even a user id reaches the log.
 */
export interface RequestLogEntry {
  /** The `x-amzn-requestid` the response carried (none for a reset). */
  readonly requestId: string;
  /** When the request arrived, ISO 8601. */
  readonly time: string;
  readonly method: string;
  /** The route template for known routes; for unknown ones, the raw path (no query), cut at 200 characters. */
  readonly path: string;
  readonly operation?: EmulatorOperation;
  /** The HTTP status answered; 0 when nothing was: a reset fault, or a client that left mid-request. */
  readonly status: number;
  /** The `x-amzn-errortype` answered, for errors. */
  readonly errorType?: string;
  /** The region of the SigV4 credential scope, when the request had one. */
  readonly region?: string;
  /** The injected fault that applied to this request, if any. */
  readonly fault?: FaultSpec['kind'];
  /** Time spent answering, in milliseconds (injected delays included). */
  readonly durationMs: number;
}

/** A user as the store holds it, for inspection in tests. A copy: changing it changes nothing. */
export interface EmulatorUser {
  readonly AppInstanceUserArn: string;
  readonly AppInstanceUserId: string;
  readonly AppInstanceArn: string;
  /** The region in the ARN, which is the region the request was signed for. */
  readonly Region: string;
  readonly Name: string;
  readonly Metadata?: string;
  readonly Tags?: readonly { readonly Key: string; readonly Value: string }[];
  readonly ExpirationSettings?: { readonly ExpirationDays: number; readonly ExpirationCriterion: string };
  readonly CreatedTimestamp: Date;
  readonly LastUpdatedTimestamp: Date;
}

/** An app instance as the store holds it, for inspection in tests. */
export interface EmulatorAppInstance {
  readonly AppInstanceArn: string;
  readonly Region: string;
  readonly Name: string;
  readonly Metadata?: string;
  readonly CreatedTimestamp: Date;
  readonly LastUpdatedTimestamp: Date;
  readonly UserCount: number;
}

export interface Emulator {
  /** Base URL for the SDK's `endpoint` option, e.g. `http://127.0.0.1:43123`. */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  /** The key pair requests must be signed with. */
  readonly credentials: EmulatorCredentials;
  readonly faults: {
    /** Queue a fault. Throws `TypeError`/`RangeError` for a malformed spec or a full queue (100 pending faults). */
    inject(fault: FaultSpec): void;
    /** Drop every pending fault. */
    clear(): void;
    /** The pending faults, oldest first. */
    pending(): readonly PendingFault[];
  };
  /** The request log, oldest first (bounded: see `requestLogSize`). */
  requests(): readonly RequestLogEntry[];
  /** Users in the store, in creation order; only those of one app instance when its ARN is given. */
  users(appInstanceArn?: string): readonly EmulatorUser[];
  /** App instances in the store, in creation order. */
  appInstances(): readonly EmulatorAppInstance[];
  /**
   * Create an app instance directly in the store (no HTTP, no signature) and return its ARN:
   * a shortcut for tests that need one. Region default: `defaultRegion`.
   */
  createAppInstance(options?: { region?: string; name?: string; metadata?: string }): string;
  /** Empty the store, the fault queue and the request log. */
  reset(): void;
  /** Stop listening and close every socket, idle keep-alive ones included. Resolves when closed. */
  close(): Promise<void>;
}
