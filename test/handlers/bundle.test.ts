import { buildSync } from 'esbuild';
import { handlerEntry } from '../../constructs/identity/handler-function';

/**
 * The handlers bundle as NodejsFunction bundles them (esbuild, node24, `@aws-sdk/*` left to the
 * Lambda runtime): construct tests skip bundling, so this is where a handler that pulls in
 * something the runtime lacks would show.
 */
describe.each(['account-password-policy', 'account-password-policy-direct', 'account-lockout', 'inspector-enablement', 'canary-record'])('the %s handler bundle', (name) => {
  test('is self-contained except for the AWS SDK v3 and the Node.js built-ins the runtime provides', () => {
    const result = buildSync({
      entryPoints: [handlerEntry(name)],
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'cjs',
      external: ['@aws-sdk/*'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
    expect(imports.filter((path) => !path.startsWith('@aws-sdk/') && !path.startsWith('node:'))).toEqual([]);
    expect(Object.keys(result.metafile.inputs).some((input) => input.includes('node_modules'))).toBe(false);
    expect(result.outputFiles[0].text).toContain('handler');
  });
});
