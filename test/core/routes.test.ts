import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BadRequestException,
  ChimeClient,
  ChimeIdentityShimConfigurationError,
  CreateAppInstanceUserCommand,
  configureChimeIdentityShim,
  createAppInstanceUser,
  type ShimEvent,
} from '../../src/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

afterEach(() => {
  vi.unstubAllEnvs();
  configureChimeIdentityShim({});
});

function client(migration?: object) {
  const requestHandler = new RecordingHandler();
  const events: ShimEvent[] = [];
  const chime = new ChimeClient({
    region: 'eu-central-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
    requestHandler,
    migration: { onEvent: (event: ShimEvent) => events.push(event), ...migration },
  });
  return { chime, sent: requestHandler.sent, events };
}

const send = (chime: ChimeClient, AppInstanceArn: string, extra: object = {}) =>
  chime.send(
    new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada', ...extra }),
  );

describe("Routes: 'identity' (default) is Chime SDK Identity in the ARN's region", () => {
  it('signs for the ARN region, whatever region the legacy client has', async () => {
    const { chime, sent, events } = client();
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'us-east-1' });
    await send(chime, AppInstanceArn);
    expect(sent.map((request) => request.signingRegion)).toEqual(['us-east-1']);
    expect(events).toEqual([
      expect.objectContaining({ route: 'identity', reason: 'static', region: 'us-east-1' }),
    ]);
  });
});

describe("Routes: 'legacy' is what the deprecated namespace did", () => {
  it('the us-east-1 endpoint, signed for us-east-1, whatever the ARN says', async () => {
    const { chime, sent, events } = client({ route: 'legacy' });
    const east = emulator.current.createAppInstance({ region: 'us-east-1' });
    await send(chime, east);
    // An eu-central-1 ARN still goes to us-east-1, where such an app instance does not exist.
    const central = emulator.current.createAppInstance({ region: 'eu-central-1' });
    await send(chime, central).catch(() => undefined);
    expect(sent.map((request) => request.signingRegion)).toEqual(['us-east-1', 'us-east-1']);
    expect(events.map((event) => [event.route, event.reason, event.region])).toEqual([
      ['legacy', 'static', 'us-east-1'],
      ['legacy', 'static', 'us-east-1'],
    ]);
  });

  it('refuses ExpirationSettings, with nothing sent', async () => {
    const { chime, sent } = client({ route: 'legacy' });
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'us-east-1' });
    const error = await send(chime, AppInstanceArn, {
      ExpirationSettings: { ExpirationDays: 30, ExpirationCriterion: 'CREATED_TIMESTAMP' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toContain("Value at 'expirationSettings'");
    expect(sent).toHaveLength(0);
  });

  it('the identity route accepts ExpirationSettings and stores them', async () => {
    const { chime } = client();
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
    await send(chime, AppInstanceArn, {
      ExpirationSettings: { ExpirationDays: 30, ExpirationCriterion: 'CREATED_TIMESTAMP' },
    });
    expect(emulator.current.users(AppInstanceArn)[0]?.ExpirationSettings).toEqual({
      ExpirationDays: 30,
      ExpirationCriterion: 'CREATED_TIMESTAMP',
    });
  });
});

describe('Configuration: precedence is env kill switch > per client / per call > process-wide > defaults', () => {
  it('process-wide options apply to clients without their own', async () => {
    configureChimeIdentityShim({ route: 'legacy' });
    const { chime, events } = client();
    await send(chime, emulator.current.createAppInstance({ region: 'us-east-1' }));
    expect(events[0]).toMatchObject({ route: 'legacy', reason: 'static' });
  });

  it('per-client options win over process-wide ones', async () => {
    configureChimeIdentityShim({ route: 'legacy' });
    const { chime, events } = client({ route: 'identity' });
    await send(chime, emulator.current.createAppInstance({ region: 'eu-central-1' }));
    expect(events[0]).toMatchObject({ route: 'identity', region: 'eu-central-1' });
  });

  it('per-call options of the function win over process-wide ones', async () => {
    const events: ShimEvent[] = [];
    configureChimeIdentityShim({ route: 'legacy', onEvent: (event) => events.push(event) });
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
    const identityConfig = {
      endpoint: emulator.current.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
    };
    await createAppInstanceUser(
      { AppInstanceArn, AppInstanceUserId: 'u1', Name: 'Ada' },
      { route: 'identity', identityConfig },
    );
    expect(events[0]).toMatchObject({ route: 'identity', region: 'eu-central-1' });
  });

  it.each(['identity', 'legacy'] as const)(
    'CHIME_IDENTITY_SHIM_ROUTE=%s overrides every other routing setting',
    async (forced) => {
      vi.stubEnv('CHIME_IDENTITY_SHIM_ROUTE', forced);
      configureChimeIdentityShim({ route: forced === 'identity' ? 'legacy' : 'identity' });
      const { chime, events } = client({ route: forced === 'identity' ? 'legacy' : 'identity' });
      await send(chime, emulator.current.createAppInstance({ region: 'us-east-1' }));
      expect(events[0]).toMatchObject({ route: forced, reason: 'env' });
    },
  );

  it('any other CHIME_IDENTITY_SHIM_ROUTE value is a configuration error, not a silent default', async () => {
    vi.stubEnv('CHIME_IDENTITY_SHIM_ROUTE', 'idenity');
    expect(() => client()).toThrow(ChimeIdentityShimConfigurationError);
    expect(() => configureChimeIdentityShim({})).toThrow(
      "CHIME_IDENTITY_SHIM_ROUTE must be 'identity' or 'legacy', got 'idenity'",
    );
    // Set after a client was built: the call fails before any I/O.
    vi.unstubAllEnvs();
    const { chime, sent } = client();
    vi.stubEnv('CHIME_IDENTITY_SHIM_ROUTE', 'idenity');
    await expect(send(chime, emulator.current.createAppInstance())).rejects.toBeInstanceOf(
      ChimeIdentityShimConfigurationError,
    );
    expect(sent).toHaveLength(0);
  });

  it.each([
    [{ route: 'sideways' }, 'route'],
    [{ regions: ['us-east-1', 'evil.example.com'] }, 'regions'],
    [{ regions: [] }, 'regions'],
    // Nothing that could spell a host: a region option must be a region name from end to end.
    [{ regions: ['evil.us-east-1'] }, 'regions'],
    [{ regions: ['us-east-1.evil.example.com'] }, 'regions'],
    [{ defaultRoute: 'both' }, 'defaultRoute'],
    [{ routeTimeoutMs: -1 }, 'routeTimeoutMs'],
    [{ onEvent: 'log' }, 'onEvent'],
    [{ identityClient: {} }, 'identityClient'],
    [{ rout: 'identity' }, 'rout'],
  ])('an invalid option %j fails where it is given, naming %s', (migration, option) => {
    expect(() => client(migration)).toThrow(ChimeIdentityShimConfigurationError);
    expect(() => client(migration)).toThrow(`new ChimeClient({ migration }).${option} `);
    expect(() => configureChimeIdentityShim(migration as never)).toThrow(
      `configureChimeIdentityShim(options).${option} `,
    );
  });
});

describe('Region: taken from the ARN, checked against the allow-list (option regions)', () => {
  it('accepts every form of AWS region name in the option', () => {
    expect(() => client({ regions: ['us-gov-west-1', 'ap-southeast-10', 'eu-central-1'] })).not.toThrow();
  });

  it('a region outside the default list is refused before any I/O', async () => {
    const { chime, sent } = client();
    const error = await send(chime, 'arn:aws:chime:ap-southeast-1:111122223333:app-instance/x').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BadRequestException);
    expect(sent).toHaveLength(0);
  });

  it('the regions option replaces the list', async () => {
    const { chime, sent } = client({ regions: ['ap-southeast-1'] });
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'ap-southeast-1' });
    await send(chime, AppInstanceArn);
    expect(sent[0]?.signingRegion).toBe('ap-southeast-1');
    const refused = await send(chime, emulator.current.createAppInstance({ region: 'us-east-1' })).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(BadRequestException);
  });
});
