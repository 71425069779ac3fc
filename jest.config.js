/** Jest runs TypeScript through SWC (ts-jest does not support TypeScript 7); `tsc --noEmit` in `npm test` checks the types. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'],
  testTimeout: 120000,
  // Both cores: jest's default (cores - 1) leaves one idle on the 2-core machines CI and developers have (~110 s instead of ~200 s).
  maxWorkers: 2,
};
