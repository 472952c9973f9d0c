import legacyPackage from '@aws-sdk/client-chime/package.json' with { type: 'json' };
import identityPackage from '@aws-sdk/client-chime-sdk-identity/package.json' with { type: 'json' };
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertSupportedPeers, INSTALLED_PEERS, SUPPORTED_PEER_RANGES } from '../../src/compatibility.js';
import { ChimeIdentityShimConfigurationError } from '../../src/configuration-error.js';

afterEach(() => {
  vi.doUnmock('@aws-sdk/client-chime/package.json');
  vi.resetModules();
});

describe('Package: at load, the installed peer versions are checked against the supported ranges', () => {
  it('reads the versions actually installed (3.699.0 in the sdk-3.699 project, the current one otherwise)', () => {
    expect(INSTALLED_PEERS).toEqual({
      '@aws-sdk/client-chime': legacyPackage.version,
      '@aws-sdk/client-chime-sdk-identity': identityPackage.version,
    });
    expect(() => assertSupportedPeers(INSTALLED_PEERS)).not.toThrow();
  });

  it('the documented ranges are the ones enforced', () => {
    expect(SUPPORTED_PEER_RANGES).toEqual({
      '@aws-sdk/client-chime': '>=3.699.0 <4.0.0',
      '@aws-sdk/client-chime-sdk-identity': '>=3.1080.0 <4.0.0',
    });
  });

  it.each([
    ['@aws-sdk/client-chime', '3.650.0'],
    ['@aws-sdk/client-chime', '4.0.0'],
    ['@aws-sdk/client-chime-sdk-identity', '3.699.0'],
    ['@aws-sdk/client-chime-sdk-identity', '4.1.0'],
  ] as const)(
    '%s %s out of range: one error naming the package, the version and the range',
    (name, version) => {
      const installed = { ...INSTALLED_PEERS, [name]: version };
      expect(() => assertSupportedPeers(installed)).toThrow(ChimeIdentityShimConfigurationError);
      expect(() => assertSupportedPeers(installed)).toThrow(
        `${name} ${version} is installed; the supported range is ${SUPPORTED_PEER_RANGES[name]}`,
      );
    },
  );

  it('both out of range: still one error, naming both', () => {
    const error = (() => {
      try {
        assertSupportedPeers({
          '@aws-sdk/client-chime': '3.1.0',
          '@aws-sdk/client-chime-sdk-identity': '3.2.0',
        });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('@aws-sdk/client-chime 3.1.0 is installed');
    expect(error?.message).toContain('@aws-sdk/client-chime-sdk-identity 3.2.0 is installed');
  });

  it('loading the shim with a faked out-of-range @aws-sdk/client-chime fails at import', async () => {
    vi.resetModules();
    vi.doMock('@aws-sdk/client-chime/package.json', () => ({ default: { version: '3.600.0' } }));
    await expect(import('../../src/function.js')).rejects.toThrow(
      '@aws-sdk/client-chime 3.600.0 is installed; the supported range is >=3.699.0 <4.0.0',
    );
  });
});
