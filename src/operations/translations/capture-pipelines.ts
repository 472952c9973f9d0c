import type { Answer, SendContext, Translation } from './types.js';

/**
 * Reads in flight at once when a page of capture pipelines is completed: a page holds up to 99
 * items (the legacy `MaxResults`), each one `GetMediaCapturePipeline`. Four keeps a full page to
 * about 25 round trips without bursting the namespace's request rate.
 */
export const COMPLETION_CONCURRENCY = 4;

type Item = Record<string, unknown>;

/**
 * `ListMediaCapturePipelines`: the legacy namespace listed whole `MediaCapturePipeline` objects;
 * Chime SDK Media Pipelines lists summaries only (`MediaPipelineId`, `MediaPipelineArn`). Each
 * summary of the page is completed with `GetMediaCapturePipeline` (at most
 * `COMPLETION_CONCURRENCY` at a time, in the page's order), so the legacy items keep every
 * member: the documented per-item reads. A pipeline deleted between the list and its read is left
 * out of the page (it no longer exists); any other failed read fails the call with its legacy
 * error. The event's `translation` says `capture-pipelines-completed`.
 */
export const completeCapturePipelines: Translation = {
  async send(context: SendContext): Promise<Answer> {
    const answer = await context.send('ListMediaCapturePipelines', context.request);
    const summaries = answer.MediaCapturePipelines;
    if (!Array.isArray(summaries) || summaries.length === 0) return answer;
    context.note('capture-pipelines-completed');
    const completed = await mapBounded(summaries as Item[], COMPLETION_CONCURRENCY, (summary) =>
      complete(context, summary),
    );
    return { ...answer, MediaCapturePipelines: completed.filter((item) => item !== undefined) };
  },
};

/** The summary with the pipeline's members, or `undefined` when the pipeline is gone. */
async function complete(context: SendContext, summary: Item): Promise<Item | undefined> {
  if (typeof summary?.MediaPipelineId !== 'string') return summary;
  try {
    const read = await context.send('GetMediaCapturePipeline', { MediaPipelineId: summary.MediaPipelineId });
    const pipeline = read.MediaCapturePipeline as Item | undefined;
    return pipeline ? { ...summary, ...pipeline } : summary;
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'NotFoundException') return undefined;
    throw error;
  }
}

/**
 * `map` with at most `limit` calls in flight, results in the input's order. The first failure
 * rejects; calls not yet started are then not started.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await map(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
