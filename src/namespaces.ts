import * as identityPackage from '@aws-sdk/client-chime-sdk-identity';
import Range from 'semver/classes/range.js';
import { ChimeIdentityShimConfigurationError } from './configuration-error.js';
import type { Family } from './operations/operation.js';
import type { FamilyClient } from './options.js';

/**
 * The dedicated namespaces' clients: one per family and region, built on first use with the
 * config inherited from the legacy client, and reused. Chime SDK Identity is a peer dependency and
 * loads with the package; the other four are optional peers, loaded (and their installed version
 * checked) on the first call of one of their operations, so a service that calls only identity
 * operations never installs or loads them.
 */

export interface FamilyPackage {
  readonly packageName: string;
  readonly clientName: string;
  /** The versions this release supports (docs/compatibility.md): its tests run on the lowest. */
  readonly range: string;
  /** The dedicated namespace, as the docs name it. */
  readonly title: string;
}

/**
 * Each family's namespace, `Chime SDK <name>`, and the lowest version of its client this release
 * supports (up to `<4`); the package and client names follow from the namespace's name
 * (`@aws-sdk/client-chime-sdk-media-pipelines`, `ChimeSDKMediaPipelinesClient`).
 */
const NAMESPACES: Readonly<Record<Family, readonly [name: string, lowest: string]>> = {
  identity: ['Identity', '3.1080.0'],
  messaging: ['Messaging', '3.1080.0'],
  meetings: ['Meetings', '3.1081.0'],
  voice: ['Voice', '3.1107.0'],
  mediaPipelines: ['Media Pipelines', '3.1095.0'],
};

export const FAMILY_PACKAGES: Readonly<Record<Family, FamilyPackage>> = Object.fromEntries(
  Object.entries(NAMESPACES).map(([family, [name, lowest]]) => [
    family,
    {
      packageName: `@aws-sdk/client-chime-sdk-${name.toLowerCase().replace(' ', '-')}`,
      clientName: `ChimeSDK${name.replace(' ', '')}Client`,
      range: `>=${lowest} <4.0.0`,
      title: `Chime SDK ${name}`,
    },
  ]),
) as Record<Family, FamilyPackage>;

/** A family's package as loaded: its exports (the client class and one class per command). */
export type FamilyModule = Readonly<Record<string, any>>;

/** Loads a package by name at run time; replaceable in tests to play "not installed". */
export type PackageLoader = (specifier: string) => Promise<unknown>;

// The specifier is a variable on purpose: a bundler resolves literal `import()`s at build time,
// which would fail the build of every application without these optional peers and would put
// all four clients into bundles of applications that call only identity operations.
// A `.json` specifier (the peer's package.json, for its version) needs the JSON import attribute:
// plain Node refuses it without one (ERR_IMPORT_ATTRIBUTE_MISSING), which vite-based tests do not show.
const importPackage: PackageLoader = (specifier) =>
  specifier.endsWith('.json')
    ? import(/* webpackIgnore: true */ /* @vite-ignore */ specifier, { with: { type: 'json' } })
    : import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);

let loader: PackageLoader = importPackage;

/** Tests only: load optional peers with `replacement` (`undefined` restores the real loader). */
export function setPackageLoaderForTests(replacement: PackageLoader | undefined): void {
  loader = replacement ?? importPackage;
  loads.clear();
}

const loads = new Map<Family, Promise<FamilyModule>>();

/**
 * The family's package, loaded once per process. A package that is not installed, or installed
 * outside the supported range, is a `ChimeIdentityShimConfigurationError` before any I/O that
 * names the operation, the package and what to do.
 */
export function loadFamily(family: Family, operation: string): Promise<FamilyModule> {
  if (family === 'identity') return IDENTITY;
  let load = loads.get(family);
  if (!load) {
    load = loadOptionalPeer(FAMILY_PACKAGES[family]);
    loads.set(family, load);
    // A failed load is not cached: the package may be installed while the process runs.
    load.catch(() => loads.delete(family));
  }
  return load.catch((error: unknown) => {
    if (error instanceof ChimeIdentityShimConfigurationError) {
      throw new ChimeIdentityShimConfigurationError(`${operation}: ${error.message}`, { cause: error.cause });
    }
    throw error;
  });
}

// Chime SDK Identity is a peer dependency: imported with the package, checked at load (compatibility.ts).
const IDENTITY: Promise<FamilyModule> = Promise.resolve(identityPackage);

async function loadOptionalPeer(peer: FamilyPackage): Promise<FamilyModule> {
  let module: FamilyModule;
  let version: string | undefined;
  try {
    module = (await loader(peer.packageName)) as FamilyModule;
    const manifest = (await loader(`${peer.packageName}/package.json`).catch(() => undefined)) as
      | { version?: string; default?: { version?: string } }
      | undefined;
    version = manifest?.default?.version ?? manifest?.version;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    throw new ChimeIdentityShimConfigurationError(
      missing
        ? `served by ${peer.title}, which needs the optional peer dependency ${peer.packageName}, not installed: npm install ${peer.packageName}`
        : `served by ${peer.title}: ${peer.packageName} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (version === undefined || !new Range(peer.range).test(version)) {
    throw new ChimeIdentityShimConfigurationError(
      `${peer.packageName} ${version ?? '(version unknown)'} is installed; the supported range is ${peer.range}. ` +
        'Install a supported version (see docs/compatibility.md).',
    );
  }
  if (typeof module[peer.clientName] !== 'function') {
    throw new ChimeIdentityShimConfigurationError(`${peer.packageName} does not export ${peer.clientName}`);
  }
  return module;
}

/**
 * The parts of a resolved legacy `ChimeClient` config a family's client inherits. Every field is
 * already a value or provider function the new clients accept as input.
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

const INHERITED_KEYS = [
  'credentials',
  'maxAttempts',
  'retryMode',
  'logger',
  'requestHandler',
  'customUserAgent',
  'useFipsEndpoint',
  'useDualstackEndpoint',
] as const;

/**
 * A family client's config from a legacy client's resolved config: credentials, retry settings,
 * logger, request handler (so all the clients share one socket pool, and the legacy client's
 * `destroy()` closes it), user agent, FIPS/dual-stack, and a custom endpoint (an emulator serves
 * every namespace on one endpoint). A custom `retryStrategy` object is not carried over: the
 * resolved config only holds a function that builds it; give one in `identityConfig` instead.
 */
export function inheritConfig(legacy: InheritableConfig): Record<string, unknown> {
  const inherited: Record<string, unknown> = {};
  for (const key of INHERITED_KEYS) {
    if (legacy[key] !== undefined) inherited[key] = legacy[key];
  }
  // The resolved `endpoint` of a client without a custom one is the legacy default host; only a
  // caller's own endpoint is meaningful to the new clients.
  if (legacy.isCustomEndpoint && legacy.endpoint !== undefined) inherited.endpoint = legacy.endpoint;
  return inherited;
}

/** One client per family and region, built on first use, all with one config. */
export class NamespaceClients {
  readonly #clients = new Map<string, FamilyClient>();
  readonly #config: Record<string, unknown>;

  constructor(config: Record<string, unknown>) {
    this.#config = config;
  }

  get(family: Family, module: FamilyModule, region: string): FamilyClient {
    const key = `${family} ${region}`;
    let client = this.#clients.get(key);
    if (!client) {
      const Client = module[FAMILY_PACKAGES[family].clientName] as new (
        config: object,
      ) => FamilyClient & {
        middlewareStack: { remove(name: string): unknown };
      };
      // The ARN decides the region; nothing in the config may move it elsewhere.
      const created = new Client({ ...this.#config, region });
      // The caller's legacy client already logs each call once, with the legacy redaction; the new
      // client's own line would repeat it without (the token is not sensitive there).
      created.middlewareStack.remove('loggerMiddleware');
      this.#clients.set(key, created);
      client = created;
    }
    return client;
  }

  /** Releases every client's sockets (idempotent). */
  destroy(): void {
    for (const client of this.#clients.values()) client.destroy?.();
    this.#clients.clear();
  }
}

/** Client sets by owner: a legacy client's resolved config, or an options object. Garbage-collected with it. */
const pools = new WeakMap<object, NamespaceClients>();

export function namespaceClients(owner: object, config: () => Record<string, unknown>): NamespaceClients {
  let pool = pools.get(owner);
  if (!pool) {
    pool = new NamespaceClients(config());
    pools.set(owner, pool);
  }
  return pool;
}

/** Destroys and forgets the clients of `owner`, if it has any. */
export function releaseNamespaceClients(owner: object): void {
  pools.get(owner)?.destroy();
  pools.delete(owner);
}
