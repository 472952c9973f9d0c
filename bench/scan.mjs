// Figure 7: migration assistant throughput. `chime-identity-shim scan` over a generated tree of
// legacy service files, in files per second, next to the peer anchor on the same tree:
// `aws-sdk-js-codemod -t v2-to-v3 --dry` (jscodeshift + recast, AWS's own migration tool, with
// its default worker count). Both run as a user runs them, as CLI processes, so start-up counts.
// Every file of the tree mentions Chime, so the scanner's shortcut for files that do not (it skips
// parsing them) never applies: the figure is the parser's and the analysis's, the worst case.
//
//   npm run build && node bench/scan.mjs [--files 5000] [--rounds 3]

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { median } from './stats.mjs';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Goal: at least the peer's throughput (ratio scan/peer >= 1). */
export const SCAN_GOAL = 1;

/** Three kinds of legacy file, as services have them: SDK v2 CommonJS, SDK v3 TypeScript, SDK v3 aggregated JavaScript. */
const TEMPLATES = [
  (i) => `'use strict';
// Service module ${i}: SDK v2, as written before 2023.
const AWS = require('aws-sdk');
const { randomUUID } = require('crypto');

const chime = new AWS.Chime({ region: 'us-east-1' });
const cache = new Map();

async function createUser${i}(appInstanceArn, userId, name) {
  if (cache.has(userId)) return cache.get(userId);
  const { AppInstanceUserArn } = await chime
    .createAppInstanceUser({ AppInstanceArn: appInstanceArn, AppInstanceUserId: userId, Name: name, ClientRequestToken: randomUUID() })
    .promise();
  cache.set(userId, AppInstanceUserArn);
  return AppInstanceUserArn;
}

function listUsers${i}(appInstanceArn, callback) {
  chime.listAppInstanceUsers({ AppInstanceArn: appInstanceArn, MaxResults: 50 }, (error, data) => {
    if (error) return callback(error);
    callback(null, (data.AppInstanceUsers || []).map((user) => user.Name));
  });
}

function post${i}(channelArn, bearer, text) {
  const request = chime.sendChannelMessage({ ChannelArn: channelArn, Content: text, Type: 'STANDARD', Persistence: 'PERSISTENT' });
  request.on('build', () => {
    request.httpRequest.headers['x-amz-chime-bearer'] = bearer;
  });
  return request.promise();
}

module.exports = { createUser${i}, listUsers${i}, post${i} };
`,
  (i) => `// Service module ${i}: SDK v3, TypeScript.
import {
  ChimeClient,
  ConflictException,
  CreateAppInstanceUserCommand,
  CreateChannelCommand,
  ListChannelMembershipsCommand,
} from '@aws-sdk/client-chime';

const chime = new ChimeClient({ region: 'us-east-1' });

export interface Member${i} {
  readonly arn: string;
  readonly name: string;
}

export async function ensureUser${i}(appInstanceArn: string, userId: string, name: string): Promise<string | undefined> {
  try {
    const { AppInstanceUserArn } = await chime.send(
      new CreateAppInstanceUserCommand({ AppInstanceArn: appInstanceArn, AppInstanceUserId: userId, Name: name }),
    );
    return AppInstanceUserArn;
  } catch (error) {
    if (error instanceof ConflictException) return undefined;
    throw error;
  }
}

export async function openChannel${i}(appInstanceArn: string, bearer: string): Promise<string | undefined> {
  const output = await chime.send(new CreateChannelCommand({ AppInstanceArn: appInstanceArn, Name: 'room-${i}', ChimeBearer: bearer }));
  return output.ChannelArn;
}

export async function members${i}(channelArn: string, bearer: string): Promise<Member${i}[]> {
  const { ChannelMemberships = [] } = await chime.send(new ListChannelMembershipsCommand({ ChannelArn: channelArn, ChimeBearer: bearer }));
  return ChannelMemberships.map((membership) => ({ arn: membership.Member?.Arn ?? '', name: membership.Member?.Name ?? '' }));
}
`,
  (i) => `// Service module ${i}: SDK v3, the aggregated client, ESM JavaScript.
import { Chime } from '@aws-sdk/client-chime';

const chime = new Chime({ region: 'us-east-1' });
const meetings = new Map();

export async function startMeeting${i}(token) {
  const { Meeting } = await chime.createMeeting({ ClientRequestToken: token, MediaRegion: 'us-east-1' });
  meetings.set(Meeting.MeetingId, Meeting);
  const { Attendee } = await chime.createAttendee({ MeetingId: Meeting.MeetingId, ExternalUserId: 'host-${i}' });
  return { Meeting, Attendee };
}

export async function endMeeting${i}(meetingId) {
  meetings.delete(meetingId);
  await chime.deleteMeeting({ MeetingId: meetingId });
}

export function accounts${i}() {
  return chime.listAccounts({ MaxResults: 10 });
}
`,
];
const EXTENSIONS = ['.js', '.ts', '.mjs'];

/** Writes `count` files, 100 per folder, and returns the tree's root. */
export async function generateTree(count) {
  const tree = await mkdtemp(join(tmpdir(), 'chime-scan-bench-'));
  for (let i = 0; i < count; i++) {
    const folder = join(tree, `service-${Math.floor(i / 100)}`);
    if (i % 100 === 0) await mkdir(folder, { recursive: true });
    const kind = i % TEMPLATES.length;
    await writeFile(join(folder, `module-${i}${EXTENSIONS[kind]}`), TEMPLATES[kind](i));
  }
  return tree;
}

async function time(file, args) {
  const started = performance.now();
  const { stdout } = await exec(process.execPath, [file, ...args], {
    cwd: ROOT,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, AWS_SDK_JS_CODEMOD_SUPRESS_WARNING: '1' },
  });
  return { seconds: (performance.now() - started) / 1000, stdout };
}

/**
 * Interleaved rounds of both tools on one generated tree; the median of each. The scan prints
 * JSON (every call, with its needs) into a pipe that is read and dropped.
 */
export async function runScanBench({ files = 5_000, rounds = 3 } = {}) {
  const tree = await generateTree(files);
  const scanCli = join(ROOT, 'dist/cli.mjs');
  const codemod = join(ROOT, 'node_modules/aws-sdk-js-codemod/bin/aws-sdk-js-codemod');
  const scanSeconds = [];
  const codemodSeconds = [];
  let calls = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const scanned = await time(scanCli, ['scan', tree, '--json', '--fail-on', 'none']);
      scanSeconds.push(scanned.seconds);
      // The scan did the work: every file's calls are in its report.
      calls = JSON.parse(scanned.stdout).summary.calls;
      codemodSeconds.push((await time(codemod, ['-t', 'v2-to-v3', '--dry', '--silent', tree])).seconds);
    }
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
  const scan = median(scanSeconds);
  const peer = median(codemodSeconds);
  return {
    files,
    rounds,
    calls,
    cores: cpus().length,
    codemodWorkers: Math.max(1, cpus().length - 1),
    scan: { seconds: scan, filesPerSecond: files / scan, runs: scanSeconds },
    codemod: { seconds: peer, filesPerSecond: files / peer, runs: codemodSeconds },
    ratio: peer / scan,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { files: { type: 'string' }, rounds: { type: 'string' } } });
  const result = await runScanBench({
    files: values.files ? Number(values.files) : undefined,
    rounds: values.rounds ? Number(values.rounds) : undefined,
  });
  console.log(JSON.stringify(result, null, 2));
}
