import legacyPackage from '@aws-sdk/client-chime/package.json' with { type: 'json' };
import identityPackage from '@aws-sdk/client-chime-sdk-identity/package.json' with { type: 'json' };
import Range from 'semver/classes/range.js';
import { ChimeIdentityShimConfigurationError } from './configuration-error.js';

/**
 * The peer versions this release is built and tested against (docs/compatibility.md). The lower
 * bounds are the versions the test suite runs: 3.699.0 is the newest `@aws-sdk/client-chime`
 * that still has its own `CreateAppInstanceUserCommand`, and the plugin relies on the SRA auth
 * scheme middleware it has; 4.x would be a new major with no promise of the same shape.
 */
export const SUPPORTED_PEER_RANGES = {
  '@aws-sdk/client-chime': '>=3.699.0 <4.0.0',
  '@aws-sdk/client-chime-sdk-identity': '>=3.1080.0 <4.0.0',
} as const;

export type PeerName = keyof typeof SUPPORTED_PEER_RANGES;

/**
 * Checks installed peer versions against the supported ranges and throws one error naming every
 * package that is out of range, with its version and the range.
 */
export function assertSupportedPeers(installed: Readonly<Record<PeerName, string | undefined>>): void {
  const problems: string[] = [];
  for (const [name, range] of Object.entries(SUPPORTED_PEER_RANGES) as [PeerName, string][]) {
    const version = installed[name];
    if (version === undefined || !new Range(range).test(version)) {
      problems.push(
        `${name} ${version ?? '(version unknown)'} is installed; the supported range is ${range}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new ChimeIdentityShimConfigurationError(
      `chime-identity-shim does not support the installed AWS SDK: ${problems.join('; ')}. ` +
        'Install a supported version (see docs/compatibility.md).',
    );
  }
}

/** The versions installed next to this package (read from the peers' own package.json). */
export const INSTALLED_PEERS: Readonly<Record<PeerName, string | undefined>> = {
  '@aws-sdk/client-chime': legacyPackage.version,
  '@aws-sdk/client-chime-sdk-identity': identityPackage.version,
};
