import type { Answer, SendContext, Translation } from './types.js';

/**
 * `UpdateAppInstance` / `UpdateAppInstanceUser` without `Metadata`: the legacy model let callers
 * leave it out to keep it; Chime SDK Identity requires it. So the current value is read first and
 * sent back unchanged: "not given" keeps meaning "not changed". One documented extra read; the
 * event's `translation` says `metadata-read-back`.
 *
 * @param describe the read: its command and where the current metadata is in its answer
 */
export function metadataReadBack(describe: {
  readonly command: string;
  readonly key: string;
  readonly resource: string;
}): Translation {
  return {
    async send(context: SendContext): Promise<Answer> {
      const { request, operation } = context;
      if (request.Metadata === undefined) {
        const current = await context.send(describe.command, { [describe.key]: request[describe.key] });
        const resource = current[describe.resource] as { Metadata?: string } | undefined;
        context.note('metadata-read-back');
        return context.send(operation.counterpart!, { ...request, Metadata: resource?.Metadata ?? '' });
      }
      return context.send(operation.counterpart!, request);
    },
  };
}
