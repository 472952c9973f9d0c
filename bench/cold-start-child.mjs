// One cold start, in a fresh `node` process started by bench/cold-start.mjs: load one entry by
// its package name, make one CreateAppInstanceUser call against the parent's emulator, report
// the times on stdout as one JSON line, exit. The packages are resolved as a user's program
// resolves them (`chime-identity-shim` through package.json `exports`, by self-reference).
//
//   node bench/cold-start-child.mjs identity|dropIn|function|messagingAfterIdentity
// with CHIME_BENCH_ENDPOINT, CHIME_BENCH_ARN, CHIME_BENCH_USER_ID in the environment.

const loadStartedMs = performance.now();
const [variant] = process.argv.slice(2);
const endpoint = process.env.CHIME_BENCH_ENDPOINT;
const input = {
  AppInstanceArn: process.env.CHIME_BENCH_ARN,
  AppInstanceUserId: process.env.CHIME_BENCH_USER_ID,
  Name: 'Cold Start',
};
// The emulator's documented test credentials (dist/emulator.mjs), written out so that loading
// them does not count in any variant.
const credentials = {
  accessKeyId: 'AKIAEMULATOREXAMPLE0',
  secretAccessKey: 'chime-identity-shim-emulator-EXAMPLEKEY',
};
const config = { region: 'us-east-1', endpoint, credentials, maxAttempts: 1 };

const PROGRAMS = {
  async identity() {
    const { ChimeSDKIdentityClient, CreateAppInstanceUserCommand } = await import(
      '@aws-sdk/client-chime-sdk-identity'
    );
    const loadedMs = performance.now();
    const client = new ChimeSDKIdentityClient(config);
    const output = await client.send(new CreateAppInstanceUserCommand(input));
    return { loadedMs, output, done: () => client.destroy() };
  },
  async dropIn() {
    const { ChimeClient, CreateAppInstanceUserCommand } = await import('chime-identity-shim');
    const loadedMs = performance.now();
    const client = new ChimeClient(config);
    const output = await client.send(new CreateAppInstanceUserCommand(input));
    return { loadedMs, output, done: () => client.destroy() };
  },
  async function() {
    const { createAppInstanceUser } = await import('chime-identity-shim/function');
    const loadedMs = performance.now();
    const output = await createAppInstanceUser(input, { identityConfig: config });
    return { loadedMs, output, done: () => {} };
  },
  /** The function entry's first identity call, then two messaging calls: the first loads the family. */
  async messagingAfterIdentity() {
    const { createAppInstanceUser, createChannel } = await import('chime-identity-shim/function');
    const loadedMs = performance.now();
    const output = await createAppInstanceUser(input, { identityConfig: config });
    const channel = (n) =>
      createChannel(
        { AppInstanceArn: input.AppInstanceArn, Name: `cold ${n}`, ChimeBearer: output.AppInstanceUserArn },
        { identityConfig: config },
      );
    const started = performance.now();
    await channel(1);
    const firstFamilyCallMs = performance.now() - started;
    await channel(2);
    const warmFamilyCallMs = performance.now() - started - firstFamilyCallMs;
    return { loadedMs, output, done: () => {}, extra: { firstFamilyCallMs, warmFamilyCallMs } };
  },
};

const program = PROGRAMS[variant];
if (!program) throw new Error(`unknown variant ${variant}`);
const { loadedMs, output, done, extra } = await program();
const firstCallMs = performance.now();
const cpu = process.cpuUsage(); // since the process started, every thread
if (!output.AppInstanceUserArn?.endsWith(`/user/${input.AppInstanceUserId}`)) {
  throw new Error(`unexpected answer ${JSON.stringify(output)}`);
}
done();
process.stdout.write(
  `${JSON.stringify({
    variant,
    // performance.now() counts from the start of this process (its time origin).
    bootMs: loadStartedMs,
    importMs: loadedMs - loadStartedMs,
    callMs: firstCallMs - loadedMs,
    firstCallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...extra,
  })}\n`,
);
