import { completeCapturePipelines } from './capture-pipelines.js';
import type { Translation } from './types.js';

// Chime SDK Media Pipelines: what differs from the legacy media capture pipeline operations
// (docs/operations.md). The paths moved (`/media-capture-pipelines` -> `/sdk-media-capture-pipelines`);
// the namespace's own client sends the new ones, so only the list needs a translation.

/**
 * Chime SDK Media Pipelines lists summaries only (`MediaPipelineId`, `MediaPipelineArn`): each
 * item of the page is completed with `GetMediaCapturePipeline`, at most 4 reads at a time, so the
 * legacy items keep every member (the documented per-item reads, `capture-pipelines-completed`).
 * A pipeline deleted between the list and its read is left out of the page.
 */
export const ListMediaCapturePipelines: Translation = completeCapturePipelines;
