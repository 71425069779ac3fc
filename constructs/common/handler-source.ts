import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

/** Where the handler sources live, from this folder (also true of the compiled `dist/` tree). */
export const HANDLERS_DIR = path.join(__dirname, '..', '..', 'lib', 'handlers');

/**
 * The entry file of a handler in `lib/handlers/`: the TypeScript source when running from source,
 * the compiled `.js` when running from the published package (where the `.ts` is absent).
 */
export function handlerEntry(name: string): string {
  for (const ext of ['.ts', '.js']) {
    const file = path.join(HANDLERS_DIR, `${name}${ext}`);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`handler ${name} not found in ${HANDLERS_DIR} (.ts or .js)`);
}

const LOCK_FILES = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock'];

/**
 * The lock file of the project the handlers belong to, found from the handlers' folder up (this
 * repository's, or the importing project's when installed under its node_modules), so bundling
 * does not depend on the directory the CDK app is run from.
 */
export function lockFileOf(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const found = LOCK_FILES.map((f) => path.join(current, f)).find((f) => fs.existsSync(f));
    if (found) return found;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * What CloudFormation documents for inline Lambda code, kept as data with its source (unit-tested):
 * `Code.ZipFile` is for Node.js and Python only, CloudFormation writes it to a file named `index`
 * with the extension `.js`, which Node.js loads as CommonJS (ES modules are not supported inline)
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-function-code.html).
 */
export const INLINE_CODE = { handlerFile: 'index', format: 'cjs', handler: 'index.handler' } as const;

const cache = new Map<string, string>();

/**
 * A handler in `lib/handlers/` as one self-contained CommonJS file for `Code.ZipFile`: bundled and
 * minified with esbuild as `HandlerFunction` bundles it, the AWS SDK v3 left to the Lambda
 * runtime. Bundled once per process (the result depends only on the handler's source).
 */
export function inlineHandlerCode(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const result = buildSync({
    entryPoints: [handlerEntry(name)],
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node24',
    format: INLINE_CODE.format,
    external: ['@aws-sdk/*'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  cache.set(name, code);
  return code;
}
