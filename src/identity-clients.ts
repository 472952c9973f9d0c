import {
  ChimeSDKIdentityClient,
  type ChimeSDKIdentityClientConfig,
} from '@aws-sdk/client-chime-sdk-identity';

/**
 * The parts of a resolved legacy `ChimeClient` config the identity client inherits. Every
 * field is already a value or provider function the identity client accepts as input.
 */
export interface InheritableConfig {
  readonly credentials?: unknown;
  readonly maxAttempts?: unknown;
  readonly retryMode?: unknown;
  readonly logger?: unknown;
  readonly requestHandler?: unknown;
  readonly customUserAgent?: unknown;
  readonly useFipsEndpoint?: unknown;
  readonly useDualstackEndpoint?: unknown;
  readonly endpoint?: unknown;
  readonly isCustomEndpoint?: boolean;
}

/**
 * Identity client config from a legacy client's resolved config: credentials, retry settings,
 * logger, request handler (so both clients share one socket pool, and the legacy client's
 * `destroy()` closes it), user agent, FIPS/dual-stack, and a custom endpoint (an emulator).
 * A custom `retryStrategy` object is not carried over: the resolved config only holds a
 * function that builds it; give one in `identityConfig` instead.
 */
export function inheritIdentityConfig(legacy: InheritableConfig): ChimeSDKIdentityClientConfig {
  const inherited: Record<string, unknown> = {};
  const keys = [
    'credentials',
    'maxAttempts',
    'retryMode',
    'logger',
    'requestHandler',
    'customUserAgent',
    'useFipsEndpoint',
    'useDualstackEndpoint',
  ] as const;
  for (const key of keys) {
    if (legacy[key] !== undefined) inherited[key] = legacy[key];
  }
  // The resolved `endpoint` of a client without a custom one is the legacy default host; only a
  // caller's own endpoint is meaningful to the identity client.
  if (legacy.isCustomEndpoint && legacy.endpoint !== undefined) inherited.endpoint = legacy.endpoint;
  return inherited as ChimeSDKIdentityClientConfig;
}

/** One identity client per region, built on first use, with one config. */
export class IdentityClientPool {
  readonly #clients = new Map<string, ChimeSDKIdentityClient>();
  readonly #config: ChimeSDKIdentityClientConfig;

  constructor(config: ChimeSDKIdentityClientConfig) {
    this.#config = config;
  }

  get(region: string): ChimeSDKIdentityClient {
    let client = this.#clients.get(region);
    if (!client) {
      // The ARN decides the region; nothing in the config may move it elsewhere.
      client = new ChimeSDKIdentityClient({ ...this.#config, region });
      // The caller's legacy client already logs each call once, with the legacy redaction; the
      // identity client's own line would repeat it without (the token is not sensitive there).
      client.middlewareStack.remove('loggerMiddleware');
      this.#clients.set(region, client);
    }
    return client;
  }

  /** Releases every client's sockets (idempotent). */
  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }
}

/** Pools by owner: a legacy client's resolved config, or an options object. Garbage-collected with it. */
const pools = new WeakMap<object, IdentityClientPool>();

export function identityClientPool(
  owner: object,
  config: () => ChimeSDKIdentityClientConfig,
): IdentityClientPool {
  let pool = pools.get(owner);
  if (!pool) {
    pool = new IdentityClientPool(config());
    pools.set(owner, pool);
  }
  return pool;
}

/** Destroys and forgets the pool of `owner`, if it has one. */
export function releaseIdentityClients(owner: object): void {
  pools.get(owner)?.destroy();
  pools.delete(owner);
}
