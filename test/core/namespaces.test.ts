import { afterEach, describe, expect, it } from 'vitest';
import * as Shim from '../../src/index.js';
import { setPackageLoaderForTests } from '../../src/namespaces.js';
import { rejection } from '../support/rejection.js';

/**
 * The contract's optional peers: a family's client is loaded on the first call of one of its
 * operations, and a package that is missing, outside the supported range or not what it claims is
 * a `ChimeIdentityShimConfigurationError` before any I/O, naming the operation, the package and
 * what to do. The loader is replaced to play each installation; the namespace client is injected,
 * so a call that gets past the load answers without any network.
 */

const VOICE = '@aws-sdk/client-chime-sdk-voice';
const RANGE = '>=3.1107.0 <4.0.0';
const input = { VoiceConnectorId: 'abcdef1ghij2klmno3pqr4' };

/** A voice client that answers every command at once, and counts what it was sent. */
function answeringClient() {
  const sent: string[] = [];
  return {
    sent,
    client: {
      async send(command: object) {
        sent.push(command.constructor.name);
        return { VoiceConnector: { VoiceConnectorId: input.VoiceConnectorId, Name: 'trunk' }, $metadata: {} };
      },
    },
  };
}

/** The voice package as installed: the real module unless `module` is given, with `manifest` as its package.json. */
function installed(manifest: unknown, module?: unknown) {
  const loads: string[] = [];
  setPackageLoaderForTests(async (specifier) => {
    loads.push(specifier);
    if (specifier === `${VOICE}/package.json`) {
      if (manifest instanceof Error) throw manifest;
      return manifest;
    }
    if (specifier === VOICE && module !== undefined) return module;
    return import(specifier);
  });
  return loads;
}

afterEach(() => setPackageLoaderForTests(undefined));

describe('Package: an optional peer is loaded on its family’s first call, and its version checked', () => {
  it.each<[string, unknown]>([
    ['an ESM JSON import (the manifest as default)', { default: { version: '3.1200.0' } }],
    ['a plain manifest object', { version: '3.1200.0' }],
  ])('a supported version, read from %s: the call is served', async (_how, manifest) => {
    installed(manifest);
    const { client, sent } = answeringClient();
    const output = await Shim.getVoiceConnector(input, { clients: { voice: client } });
    expect(output.VoiceConnector).toEqual({ VoiceConnectorId: input.VoiceConnectorId, Name: 'trunk' });
    expect(sent).toEqual(['GetVoiceConnectorCommand']);
  });

  it.each<[string, unknown, string]>([
    ['below the range', { default: { version: '3.699.0' } }, `${VOICE} 3.699.0 is installed`],
    ['a major above it', { version: '4.0.0' }, `${VOICE} 4.0.0 is installed`],
    ['without a version', { default: {} }, `${VOICE} (version unknown) is installed`],
    ['whose manifest cannot be read', new Error('EACCES'), `${VOICE} (version unknown) is installed`],
  ])(
    'a package %s: a configuration error naming the operation, the version and the range; nothing sent',
    async (_case, manifest, found) => {
      installed(manifest);
      const { client, sent } = answeringClient();
      const error = await rejection(Shim.getVoiceConnector(input, { clients: { voice: client } }));
      expect(Shim.isChimeIdentityShimConfigurationError(error)).toBe(true);
      expect(error.message).toBe(
        `GetVoiceConnector: ${found}; the supported range is ${RANGE}. Install a supported version (see docs/compatibility.md).`,
      );
      expect(sent).toEqual([]);
    },
  );

  it('a package that does not export its client: a configuration error saying so; nothing sent', async () => {
    installed({ version: '3.1200.0' }, { GetVoiceConnectorCommand: class {} });
    const { client, sent } = answeringClient();
    const error = await rejection(Shim.getVoiceConnector(input, { clients: { voice: client } }));
    expect(Shim.isChimeIdentityShimConfigurationError(error)).toBe(true);
    expect(error.message).toBe(`GetVoiceConnector: ${VOICE} does not export ChimeSDKVoiceClient`);
    expect(sent).toEqual([]);
  });

  it('a package that fails to load for another reason: its error in the message and as cause', async () => {
    const broken = new SyntaxError('Unexpected token');
    setPackageLoaderForTests(async (specifier) => {
      if (specifier === VOICE) throw broken;
      return import(specifier);
    });
    const error = await rejection(
      Shim.getVoiceConnector(input, { clients: { voice: answeringClient().client } }),
    );
    expect(Shim.isChimeIdentityShimConfigurationError(error)).toBe(true);
    expect(error.message).toBe(
      `GetVoiceConnector: served by Chime SDK Voice: ${VOICE} could not be loaded: Unexpected token`,
    );
    expect(error.cause).toBe(broken);
  });

  it('not installed: the install command, with the loader’s error as cause', async () => {
    const missing = Object.assign(new Error(`Cannot find package '${VOICE}'`), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    setPackageLoaderForTests(async (specifier) => {
      if (specifier === VOICE) throw missing;
      return import(specifier);
    });
    const error = await rejection(
      Shim.getVoiceConnector(input, { clients: { voice: answeringClient().client } }),
    );
    expect(error.message).toBe(
      `GetVoiceConnector: served by Chime SDK Voice, which needs the optional peer dependency ${VOICE}, not installed: npm install ${VOICE}`,
    );
    expect(error.cause).toBe(missing);
  });

  it('a load that failed is retried on the next call; one that succeeded is not repeated', async () => {
    const loads = installed({ version: '3.1.0' });
    const { client } = answeringClient();
    await rejection(Shim.getVoiceConnector(input, { clients: { voice: client } }));
    await rejection(Shim.getVoiceConnector(input, { clients: { voice: client } }));
    expect(loads.filter((specifier) => specifier === VOICE)).toHaveLength(2);

    const fixed = installed({ version: '3.1200.0' });
    await Shim.getVoiceConnector(input, { clients: { voice: client } });
    await Shim.getVoiceConnector(input, { clients: { voice: client } });
    expect(fixed.filter((specifier) => specifier === VOICE)).toHaveLength(1);
  });
});
