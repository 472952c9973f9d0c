import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { requireBuild } from '../support/build.js';

const exec = promisify(execFile);
const bin = requireBuild('dist/cli.mjs');

/** The one test that runs the built bin as a user's shell would: everything else runs `main` in-process. */
describe('CLI: the chime-identity-shim bin (dist/cli.mjs) runs the demo', () => {
  it('starts with a node shebang, runs `demo` to exit 0 and prints an ARN', async () => {
    expect((await readFile(bin, 'utf8')).split('\n', 1)[0]).toBe('#!/usr/bin/env node');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    delete env.CHIME_IDENTITY_SHIM_ROUTE;
    // execFile rejects on a non-zero exit, with the output in the error.
    const { stdout } = await exec(process.execPath, [bin, 'demo'], { env, timeout: 60_000 });
    expect(stdout).toMatch(/^ {3}ARN +arn:aws:chime:us-east-1:\d{12}:app-instance\/\S+\/user\/demo-user-1$/m);
    expect(stdout).toContain('ConflictException');
  });
});
