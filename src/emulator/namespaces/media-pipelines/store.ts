import { randomUUID } from 'node:crypto';
import { emulatorError } from '../../errors.js';
import { NamespaceStore } from '../store.js';
import type { Tag } from '../tags.js';

/**
 * Chime SDK Media Pipelines's state (moto's `models`): media capture pipelines. Handlers own the
 * rules (idempotency, the meeting a pipeline captures); the store holds the data, the pipelines'
 * states and the size limit that keeps memory bounded.
 */

/** What a create request gives, kept to answer it back. */
export interface CapturePipelineRequest {
  readonly SourceType: string;
  readonly SourceArn: string;
  readonly SinkType: string;
  readonly SinkArn: string;
  readonly ChimeSdkMeetingConfiguration?: Readonly<Record<string, unknown>>;
  readonly SseAwsKeyManagementParams?: Readonly<Record<string, unknown>>;
  readonly SinkIamRoleArn?: string;
  readonly Tags?: readonly Tag[];
}

/**
 * The states the emulator moves a capture pipeline through (the model's `MediaPipelineStatus`
 * also has `Failed`, `Stopping`, `Paused` and `NotStarted`, which nothing here produces).
 */
export type CapturePipelineStatus = 'Initializing' | 'InProgress' | 'Stopped';

export interface StoredCapturePipeline {
  readonly mediaPipelineId: string;
  readonly arn: string;
  /** The Region the creating request was signed for: the pipeline is served only there. */
  readonly region: string;
  /** The meeting it captures, in the same Region. */
  readonly meetingId: string;
  readonly request: CapturePipelineRequest;
  status: CapturePipelineStatus;
  /** Epoch milliseconds. */
  readonly created: number;
  updated: number;
  readonly seq: number;
  /** The ClientRequestToken that created it, and a fingerprint of that request, for replays. */
  readonly token: string;
  readonly fingerprint: string;
}

/** Most capture pipelines the store holds, all Regions together; beyond: `ResourceLimitExceededException`. */
export const MAX_PIPELINES = 10_000;
/** Most tags per pipeline: the media pipelines model's `TagList` maximum. */
export const MAX_TAGS = 200;

export class MediaPipelinesStore extends NamespaceStore {
  /** By MediaPipelineId (a UUID), in creation order. */
  readonly #pipelines = new Map<string, StoredCapturePipeline>();
  /** By `<region> <ClientRequestToken>`. */
  readonly #byToken = new Map<string, StoredCapturePipeline>();

  /** The pipeline with this id in this Region, or `undefined`. */
  pipeline(region: string, mediaPipelineId: string): StoredCapturePipeline | undefined {
    const pipeline = this.#pipelines.get(mediaPipelineId);
    return pipeline?.region === region ? pipeline : undefined;
  }

  /** The pipeline an ARN names (`arn:aws:chime:<region>:<account>:media-pipeline/<id>`), or `undefined`. */
  pipelineByArn(arn: string): StoredCapturePipeline | undefined {
    const match = /^arn:aws:chime:([a-z0-9-]+):(\d{12}):media-pipeline\/([^/]+)$/.exec(arn);
    if (!match || match[2] !== this.accountId) return undefined;
    return this.pipeline(match[1]!, match[3]!);
  }

  pipelineByToken(region: string, token: string): StoredCapturePipeline | undefined {
    return this.#byToken.get(`${region} ${token}`);
  }

  /** The Region's pipelines, in creation order. */
  *pipelinesIn(region: string): Iterable<StoredCapturePipeline> {
    for (const pipeline of this.#pipelines.values()) if (pipeline.region === region) yield pipeline;
  }

  /** The pipeline still capturing the meeting, if one is. */
  capturing(region: string, meetingId: string): StoredCapturePipeline | undefined {
    for (const pipeline of this.pipelinesIn(region)) {
      if (pipeline.meetingId === meetingId && pipeline.status !== 'Stopped') return pipeline;
    }
    return undefined;
  }

  addPipeline(options: {
    region: string;
    meetingId: string;
    request: CapturePipelineRequest;
    token: string;
    fingerprint: string;
    now: number;
  }): StoredCapturePipeline {
    if (this.#pipelines.size >= MAX_PIPELINES) {
      throw emulatorError(
        'ResourceLimitExceededException',
        `The emulator holds at most ${MAX_PIPELINES} media capture pipelines.`,
      );
    }
    const mediaPipelineId = randomUUID();
    const arn = `arn:aws:chime:${options.region}:${this.accountId}:media-pipeline/${mediaPipelineId}`;
    const pipeline: StoredCapturePipeline = {
      mediaPipelineId,
      arn,
      region: options.region,
      meetingId: options.meetingId,
      request: options.request,
      status: 'Initializing',
      created: options.now,
      updated: options.now,
      seq: this.sequence.next(),
      token: options.token,
      fingerprint: options.fingerprint,
    };
    // Tags first: a refused tag list leaves no pipeline behind.
    this.tags.tag(arn, options.request.Tags, MAX_TAGS);
    this.#pipelines.set(mediaPipelineId, pipeline);
    this.#byToken.set(`${options.region} ${options.token}`, pipeline);
    return pipeline;
  }

  /** Moves the pipeline to `status` (no change, no new `UpdatedTimestamp`, when it is there already). */
  setStatus(pipeline: StoredCapturePipeline, status: CapturePipelineStatus, now: number): void {
    if (pipeline.status === status) return;
    pipeline.status = status;
    pipeline.updated = now;
  }

  /** The pipeline, its tags and its ClientRequestToken are forgotten. */
  deletePipeline(pipeline: StoredCapturePipeline): void {
    this.#pipelines.delete(pipeline.mediaPipelineId);
    this.#byToken.delete(`${pipeline.region} ${pipeline.token}`);
    this.tags.forget(pipeline.arn);
  }

  /** A meeting ended: the pipelines capturing it stop (and stay readable, as `Stopped`). */
  meetingEnded(region: string, meetingId: string, now: number): void {
    for (const pipeline of this.pipelinesIn(region)) {
      if (pipeline.meetingId === meetingId) this.setStatus(pipeline, 'Stopped', now);
    }
  }

  clear(): void {
    this.#pipelines.clear();
    this.#byToken.clear();
  }
}
