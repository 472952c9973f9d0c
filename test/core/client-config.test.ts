import * as identityPackage from '@aws-sdk/client-chime-sdk-identity';
import { ChimeSDKIdentityClient } from '@aws-sdk/client-chime-sdk-identity';
import { describe, expect, it, vi } from 'vitest';
import {
  ChimeClient,
  ChimeServiceException,
  CreateAppInstanceUserCommand,
  ServiceUnavailableException,
} from '../../src/index.js';
import { SENSITIVE_STRING } from '../../src/model/redact.js';
import { type NamespaceClients, namespaceClients } from '../../src/namespaces.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

function legacyConfig(extra: object = {}) {
  return {
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
    ...extra,
  };
}

function command(AppInstanceArn: string, AppInstanceUserId = 'u1') {
  return new CreateAppInstanceUserCommand({
    AppInstanceArn,
    AppInstanceUserId,
    Name: 'Ada',
    Metadata: 'meta',
  });
}

describe('Behaviour of one call: client config is inherited from the legacy client', () => {
  it('credentials: the legacy client signs nothing itself, yet the emulator verifies the identity call with them', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const good = new ChimeClient(legacyConfig());
    await expect(good.send(command(AppInstanceArn))).resolves.toMatchObject({
      $metadata: { httpStatusCode: 201 },
    });

    const wrong = new ChimeClient(
      legacyConfig({ credentials: { accessKeyId: 'AKIAOTHER', secretAccessKey: 'nope' } }),
    );
    const error = await wrong.send(command(AppInstanceArn, 'u2')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChimeServiceException);
    expect(error).toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
    good.destroy();
    wrong.destroy();
  });

  it('retry settings: maxAttempts carries over', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    emulator.current.faults.inject({ kind: 'error', errorType: 'ServiceUnavailableException', count: 2 });
    const three = new ChimeClient(legacyConfig({ maxAttempts: 3 }));
    await expect(three.send(command(AppInstanceArn))).resolves.toMatchObject({ $metadata: { attempts: 3 } });

    emulator.current.faults.inject({ kind: 'error', errorType: 'ServiceUnavailableException', count: 1 });
    const one = new ChimeClient(legacyConfig({ maxAttempts: 1 }));
    const error = await one.send(command(AppInstanceArn, 'u2')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect(error).toMatchObject({ $metadata: { attempts: 1 } });
    three.destroy();
    one.destroy();
  });

  it('request handler and custom endpoint: the identity call goes through the legacy client’s handler to its endpoint', async () => {
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
    const requestHandler = new RecordingHandler();
    const client = new ChimeClient(legacyConfig({ requestHandler }));

    await client.send(command(AppInstanceArn));

    expect(requestHandler.sent).toHaveLength(1);
    expect(requestHandler.sent[0]).toMatchObject({
      hostname: '127.0.0.1',
      path: '/app-instance-users',
      signingRegion: 'eu-central-1',
    });
    expect(requestHandler.sent[0]!.headers['user-agent']).toContain('api/chime-sdk-identity#');
    client.destroy();
  });

  it('custom user agent carries over', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const requestHandler = new RecordingHandler();
    const client = new ChimeClient(
      legacyConfig({ requestHandler, customUserAgent: 'legacy-billing-service/4.2' }),
    );
    await client.send(command(AppInstanceArn));
    expect(requestHandler.sent[0]!.headers['user-agent']).toContain('legacy-billing-service/4.2');
    client.destroy();
  });

  it('logger: one line per call, from the legacy client, with the legacy redaction', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const client = new ChimeClient(legacyConfig({ logger }));

    await client.send(
      new CreateAppInstanceUserCommand({
        AppInstanceArn,
        // Not a canary: the user id is part of the returned ARN, which the legacy SDK logs too.
        AppInstanceUserId: 'u-logged',
        Name: 'canary-name',
        Metadata: 'canary-metadata',
        ClientRequestToken: 'canary-token',
        Tags: [{ Key: 'canary-key', Value: 'canary-value' }],
      }),
    );

    expect(logger.info).toHaveBeenCalledTimes(1);
    const [entry] = logger.info.mock.calls[0]!;
    expect(entry).toMatchObject({
      clientName: 'ChimeClient',
      commandName: 'CreateAppInstanceUserCommand',
      input: {
        AppInstanceArn,
        AppInstanceUserId: SENSITIVE_STRING,
        Name: SENSITIVE_STRING,
        Metadata: SENSITIVE_STRING,
        ClientRequestToken: SENSITIVE_STRING,
        Tags: [{ Key: SENSITIVE_STRING, Value: SENSITIVE_STRING }],
      },
    });
    const everything = JSON.stringify([
      logger.debug.mock.calls,
      logger.info.mock.calls,
      logger.warn.mock.calls,
      logger.error.mock.calls,
    ]);
    expect(everything).not.toContain('canary');
    client.destroy();
  });

  it('identityConfig overrides what is inherited', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    emulator.current.faults.inject({ kind: 'error', errorType: 'ServiceUnavailableException', count: 1 });
    const client = new ChimeClient(
      legacyConfig({ maxAttempts: 1, migration: { identityConfig: { maxAttempts: 2 } } }),
    );
    await expect(client.send(command(AppInstanceArn))).resolves.toMatchObject({ $metadata: { attempts: 2 } });
    client.destroy();
  });

  it('an injected identityClient (a function of the region) is used instead of building one', async () => {
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
    const regions: string[] = [];
    const identity = new ChimeSDKIdentityClient({
      region: 'eu-central-1',
      endpoint: emulator.current.endpoint,
      credentials: EMULATOR_CREDENTIALS,
    });
    const client = new ChimeClient(
      legacyConfig({
        migration: {
          identityClient: (region: string) => {
            regions.push(region);
            return identity;
          },
        },
      }),
    );
    await client.send(command(AppInstanceArn));
    expect(regions).toEqual(['eu-central-1']);
    client.destroy();
    identity.destroy();
  });
});

describe('Behaviour of one call: one identity client per region, built lazily and reused; destroy() releases them', () => {
  it('builds one client per region on first use and reuses it', async () => {
    const east = emulator.current.createAppInstance({ region: 'us-east-1' });
    const central = emulator.current.createAppInstance({ region: 'eu-central-1' });
    const client = new ChimeClient(legacyConfig());
    const notBuiltYet = vi.fn(() => ({}));
    // Before any call there is no pool for this client.
    namespaceClients(client.config, notBuiltYet);
    expect(notBuiltYet).toHaveBeenCalledTimes(1);
    client.destroy();

    const fresh = new ChimeClient(legacyConfig());
    await fresh.send(command(east, 'a'));
    await fresh.send(command(central, 'b'));
    await fresh.send(command(east, 'c'));
    const unexpected = vi.fn(() => ({}));
    const pool = namespaceClients(fresh.config, unexpected);
    expect(unexpected).not.toHaveBeenCalled();
    expect(identityOf(pool, 'us-east-1')).toBe(identityOf(pool, 'us-east-1'));
    expect(identityOf(pool, 'us-east-1')).not.toBe(identityOf(pool, 'eu-central-1'));
    expect(await identityOf(pool, 'eu-central-1').config.region()).toBe('eu-central-1');

    fresh.destroy();
    const afterDestroy = vi.fn(() => ({}));
    namespaceClients(fresh.config, afterDestroy);
    expect(afterDestroy).toHaveBeenCalledTimes(1);
  });
});

/** The pool's Chime SDK Identity client of a region. */
function identityOf(pool: NamespaceClients, region: string): ChimeSDKIdentityClient {
  return pool.get('identity', identityPackage, region) as unknown as ChimeSDKIdentityClient;
}
