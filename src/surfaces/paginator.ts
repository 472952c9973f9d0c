import { ChimeClient as LegacyChimeClient } from '@aws-sdk/client-chime';
import type { Command, MetadataBearer, PaginationConfiguration, Paginator } from '@smithy/types';

/** 3.699's `ChimePaginationConfiguration`: the client is a `ChimeClient` (this package's, or a plain one). */
export interface ChimePaginationConfiguration extends PaginationConfiguration {
  client: LegacyChimeClient;
}

/**
 * A paginator as 3.699 built them with `@smithy/core`'s `createPaginator`, same semantics: the
 * first page starts at `startingToken` (not the input's own token), `pageSize` fills the page size
 * member when the input has none, and paging stops when the answer has no next token (or, with
 * `stopOnSameToken`, the same one). It sends the shim's commands, so any `ChimeClient` serves it.
 */
export function paginator<Input extends object, Output extends MetadataBearer>(
  CommandCtor: new (input: Input) => Command<any, Input, any, Output, any>,
  inputToken: string,
  outputToken: string,
  pageSize: string,
): (config: ChimePaginationConfiguration, input: Input, ...rest: any[]) => Paginator<Output> {
  return async function* paginate(config, input, ...additionalArguments) {
    const request = input as Record<string, unknown>;
    let token: unknown = config.startingToken || undefined;
    let hasNext = true;
    while (hasNext) {
      request[inputToken] = token;
      request[pageSize] = request[pageSize] ?? config.pageSize;
      if (!(config.client instanceof LegacyChimeClient)) {
        throw new Error('Invalid client, expected instance of ChimeClient');
      }
      let command = new CommandCtor(input);
      command = (config.withCommand?.(command) as typeof command | undefined) ?? command;
      const page = (await config.client.send(command as any, ...additionalArguments)) as Output;
      yield page;
      const previous = token;
      token = (page as Record<string, unknown>)[outputToken];
      hasNext = !!(token && (!config.stopOnSameToken || token !== previous));
    }
    return undefined;
  };
}
