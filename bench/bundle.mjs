// Figure 5: bundle size. The same small program, once with `createAppInstanceUser` from the
// package and once with ChimeSDKIdentityClient + CreateAppInstanceUserCommand directly, bundled
// and minified by esbuild's JS API (platform node, ESM). The package is resolved by its name,
// `chime-identity-shim` (self-reference from this checkout works because package.json has
// `exports`), so the result reflects package.json exports and conditions, as a user's bundler
// sees them. Sizes are deterministic: test/bundle-size.test.ts guards them in `npm test`.
//
//   npm run build && node bench/bundle.mjs

import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUNDLE_GOAL = 1.1;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every program takes the same event and returns the new user's ARN. */
export const PROGRAMS = {
  /** The baseline: the identity client alone. */
  direct: `import { ChimeSDKIdentityClient, CreateAppInstanceUserCommand } from '@aws-sdk/client-chime-sdk-identity';
const client = new ChimeSDKIdentityClient({ region: 'us-east-1' });
export async function handler(event) {
  const output = await client.send(new CreateAppInstanceUserCommand({ AppInstanceArn: event.arn, AppInstanceUserId: event.userId, Name: event.name }));
  return output.AppInstanceUserArn;
}
`,
  /**
   * The baseline a legacy service really has: the identity client, and its catch blocks still
   * testing the legacy classes. `instanceof` needs those classes from the one copy of
   * `@aws-sdk/client-chime`, so every correct shim bundles them; esbuild with `platform: 'node'`
   * takes the package's CommonJS `main`, which it cannot tree-shake (about 49 KB minified).
   */
  directLegacyCatch: `import { ChimeSDKIdentityClient, CreateAppInstanceUserCommand } from '@aws-sdk/client-chime-sdk-identity';
import { ConflictException } from '@aws-sdk/client-chime';
const client = new ChimeSDKIdentityClient({ region: 'us-east-1' });
export async function handler(event) {
  try {
    const output = await client.send(new CreateAppInstanceUserCommand({ AppInstanceArn: event.arn, AppInstanceUserId: event.userId, Name: event.name }));
    return output.AppInstanceUserArn;
  } catch (error) {
    if (error instanceof ConflictException) return undefined;
    throw error;
  }
}
`,
  /** The figure: the function, from the package's main entry. */
  function: `import { createAppInstanceUser } from 'chime-identity-shim';
export async function handler(event) {
  const output = await createAppInstanceUser({ AppInstanceArn: event.arn, AppInstanceUserId: event.userId, Name: event.name });
  return output.AppInstanceUserArn;
}
`,
  /** For information: the function from its own subpath. */
  functionSubpath: `import { createAppInstanceUser } from 'chime-identity-shim/function';
export async function handler(event) {
  const output = await createAppInstanceUser({ AppInstanceArn: event.arn, AppInstanceUserId: event.userId, Name: event.name });
  return output.AppInstanceUserArn;
}
`,
  /** For information: the drop-in, a legacy program with its import line changed. */
  dropIn: `import { ChimeClient, CreateAppInstanceUserCommand } from 'chime-identity-shim';
const client = new ChimeClient({ region: 'us-east-1' });
export async function handler(event) {
  const output = await client.send(new CreateAppInstanceUserCommand({ AppInstanceArn: event.arn, AppInstanceUserId: event.userId, Name: event.name }));
  return output.AppInstanceUserArn;
}
`,
};

/** The esbuild options of the figure. */
export const BUILD_OPTIONS = Object.freeze({
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'silent',
});

/**
 * Bundles one program.
 * @param {keyof typeof PROGRAMS} name
 * @returns {Promise<{ bytes: number, gzipBytes: number, packages: Record<string, number> }>} sizes in
 *   bytes; `packages`: output bytes per package (or `chime-identity-shim` for this package's dist).
 */
export async function bundleProgram(name) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    ...BUILD_OPTIONS,
    stdin: { contents: PROGRAMS[name], resolveDir: ROOT, sourcefile: `${name}.mjs`, loader: 'js' },
  });
  const [output] = result.outputFiles;
  const packages = {};
  for (const meta of Object.values(result.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(meta.inputs)) {
      const key = packageOf(path);
      packages[key] = (packages[key] ?? 0) + bytesInOutput;
    }
  }
  return { bytes: output.contents.byteLength, gzipBytes: gzipSync(output.contents).byteLength, packages };
}

/** `node_modules/@aws-sdk/client-chime/dist-es/...` -> `@aws-sdk/client-chime`; dist/ -> this package. */
function packageOf(path) {
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return path.startsWith('dist/') ? 'chime-identity-shim' : '(the program)';
  const parts = path.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * Sizes of every program, the ratios to `direct`, and where the function program's extra bytes
 * come from (per package, the bytes it has beyond the direct program).
 */
export async function runBundleBench() {
  const sizes = {};
  for (const name of Object.keys(PROGRAMS)) sizes[name] = await bundleProgram(name);
  const { stop } = await import('esbuild');
  await stop();
  const extra = (name) =>
    Object.entries(sizes[name].packages)
      .map(([pkg, bytes]) => [pkg, bytes - (sizes.direct.packages[pkg] ?? 0)])
      .filter(([, bytes]) => bytes !== 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10);
  return {
    unit: 'bytes',
    programs: Object.fromEntries(
      Object.entries(sizes).map(([name, { bytes, gzipBytes }]) => [name, { bytes, gzipBytes }]),
    ),
    ratios: Object.fromEntries(
      Object.keys(sizes)
        .filter((name) => name !== 'direct')
        .map((name) => [name, Math.round((sizes[name].bytes / sizes.direct.bytes) * 10_000) / 10_000]),
    ),
    extraBytesByPackage: {
      function: Object.fromEntries(extra('function')),
      dropIn: Object.fromEntries(extra('dropIn')),
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runBundleBench(), null, 2));
}
