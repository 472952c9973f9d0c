import { type Command, Option } from 'commander';
import { CLI_NAME } from './cli-name.js';
import { CommandFailure } from './command-failure.js';
import { EXIT_CODES } from './exit-codes.js';
import { type CliIo, newCommand } from './io.js';
import { argumentError, rejectOperands } from './usage.js';

interface EmulatorCommandOptions {
  readonly host: string;
  readonly port: number;
  readonly verifySignatures: boolean;
  readonly appInstance: boolean;
}

/** The region of the example app instance: the one region both namespaces share. */
const EXAMPLE_REGION = 'us-east-1';

/**
 * `chime-identity-shim emulator`: the embedded Chime SDK Identity emulator in the foreground.
 * Prints its endpoint, the test credentials as `export` lines, an example app instance and a
 * command to try; runs until SIGINT or SIGTERM, then closes the server and exits 0.
 */
export function emulatorCommand(io: CliIo): Command {
  return newCommand('emulator', io)
    .summary('run the local Chime SDK Identity emulator in the foreground')
    .description(
      'Runs the local Chime SDK Identity emulator (restJson1 over HTTP, SigV4 checked against test ' +
        'credentials) until Ctrl-C. Real SDK clients, the aws CLI and this CLI can all talk to it.',
    )
    .addOption(
      new Option(
        '--host <host>',
        'Interface to listen on. The control path has no authentication: keep it on loopback.',
      ).default('127.0.0.1'),
    )
    .addOption(
      new Option('--port <port>', 'Port to listen on; 0 picks a free one.').argParser(portNumber).default(0),
    )
    .addOption(
      new Option('--no-verify-signatures', 'Accept requests without checking their SigV4 signature.'),
    )
    .addOption(
      new Option('--no-app-instance', `Do not create the example app instance in ${EXAMPLE_REGION}.`),
    )
    .addHelpText(
      'after',
      `
Example:
  $ ${CLI_NAME} emulator --port 4599
  (in another shell, paste the export lines it prints, then)
  $ ${CLI_NAME} create-app-instance-user --endpoint-url http://127.0.0.1:4599 \\
      --app-instance-arn <the ARN it prints> --app-instance-user-id user-1 --name "Ada Lovelace"
`,
    )
    .action(async (options: EmulatorCommandOptions, self: Command) => {
      rejectOperands(self.args);
      await runEmulator(options, io);
    });
}

async function runEmulator(options: EmulatorCommandOptions, io: CliIo): Promise<void> {
  // Loaded here, not at start-up: the other commands never need the server.
  const { startEmulator } = await import('../emulator/index.js');
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      host: options.host,
      port: options.port,
      verifySignatures: options.verifySignatures,
    });
  } catch (error) {
    throw new CommandFailure(
      `Could not start the emulator on ${options.host}:${options.port}: ${(error as Error).message}`,
      EXIT_CODES.failure,
      { cause: error },
    );
  }
  try {
    const appInstanceArn = options.appInstance
      ? emulator.createAppInstance({ region: EXAMPLE_REGION, name: 'chime-identity-shim example' })
      : undefined;
    io.stdout(banner(emulator, options, appInstanceArn));
    if (!isLoopback(emulator.host)) {
      io.stderr(
        `${CLI_NAME}: warning: listening on ${emulator.host}: anyone who can reach it can use the control path (/__emulator/) to reset the store or inject faults\n`,
      );
    }
    const signal = await io.untilStopped();
    io.stdout(`\nReceived ${signal}: stopping the emulator.\n`);
  } finally {
    await emulator.close();
  }
  io.stdout('Emulator stopped.\n');
}

function banner(
  emulator: { endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string } },
  options: EmulatorCommandOptions,
  appInstanceArn: string | undefined,
): string {
  const { endpoint, credentials } = emulator;
  const lines = [
    `Chime SDK Identity emulator listening on ${endpoint}`,
    '',
    options.verifySignatures
      ? 'Requests must be signed (SigV4) with these test credentials; paste them into a shell:'
      : 'Signatures are not checked (--no-verify-signatures); any credentials do. For the SDK:',
    '',
    `  export AWS_ACCESS_KEY_ID=${credentials.accessKeyId}`,
    `  export AWS_SECRET_ACCESS_KEY=${credentials.secretAccessKey}`,
    `  export AWS_REGION=${EXAMPLE_REGION}`,
    `  export AWS_ENDPOINT_URL_CHIME_SDK_IDENTITY=${endpoint}`,
    '',
    'AWS_ENDPOINT_URL_CHIME_SDK_IDENTITY sends every Chime SDK Identity client in that shell here',
    '(the shim, the AWS SDK for JavaScript v3 and the aws CLI v2 all read it).',
    '',
  ];
  if (appInstanceArn !== undefined) {
    lines.push(
      `Example app instance: ${appInstanceArn}`,
      '',
      'Try:',
      `  ${CLI_NAME} create-app-instance-user --endpoint-url ${endpoint} \\`,
      `    --app-instance-arn ${appInstanceArn} \\`,
      `    --app-instance-user-id user-1 --name "Ada Lovelace"`,
      '',
    );
  }
  lines.push('Press Ctrl-C to stop.');
  return `${lines.join('\n')}\n`;
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw argumentError(`argument --port: invalid port '${value}' (a whole number from 0 to 65535)`);
  }
  return port;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
