import type { Answer, Request, SendContext, Translation } from './types.js';

/**
 * Legacy `Put/Get/DeleteAppInstanceStreamingConfigurations` are Chime SDK Messaging's
 * `Put/Get/DeleteMessagingStreamingConfigurations` (same method, path and status; the row names
 * the counterpart). Their members are renamed: `AppInstanceStreamingConfigurations` is
 * `StreamingConfigurations`, and each item's `AppInstanceDataType` is `DataType` (`ResourceArn`
 * keeps its name). Renamed here both ways: the request on its way out, the answer on its way back,
 * so the legacy response projection finds its members.
 */

/** A list of streaming configurations with its items' members renamed (other members kept as they are). */
function renameList(list: unknown, from: string, to: string): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item) => {
    if (typeof item !== 'object' || item === null) return item;
    const { [from]: value, ...rest } = item as Record<string, unknown>;
    return value === undefined ? rest : { ...rest, [to]: value };
  });
}

/** `{ AppInstanceStreamingConfigurations: [{ AppInstanceDataType }] }` -> `{ StreamingConfigurations: [{ DataType }] }`. */
export function toMessagingNames(request: Request): Request {
  const { AppInstanceStreamingConfigurations: list, ...rest } = request;
  if (list === undefined) return rest;
  return { ...rest, StreamingConfigurations: renameList(list, 'AppInstanceDataType', 'DataType') };
}

/** `{ StreamingConfigurations: [{ DataType }] }` -> `{ AppInstanceStreamingConfigurations: [{ AppInstanceDataType }] }`. */
export function toLegacyNames(answer: Answer): Answer {
  const { StreamingConfigurations: list, ...rest } = answer;
  if (list === undefined) return rest as Answer;
  return {
    ...rest,
    AppInstanceStreamingConfigurations: renameList(list, 'DataType', 'AppInstanceDataType'),
  } as Answer;
}

/** Renames the request's members to the counterpart's, and the answer's back to the legacy ones. */
export const renamedStreamingConfigurations: Translation = {
  async send(context: SendContext): Promise<Answer> {
    return toLegacyNames(
      await context.send(context.operation.counterpart!, toMessagingNames(context.request)),
    );
  },
};
