// One jest setup for every briefwatch package: TypeScript through SWC (with decorator
// metadata, so NestJS dependency injection works), native ES modules, and
// `@briefwatch/*` imports resolved to their sources so tests never wait on a build.
const path = require('node:path');

const packagesDir = path.resolve(__dirname, '..');
const appsDir = path.resolve(__dirname, '..', '..', 'apps');

module.exports = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
          keepClassNames: true,
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@briefwatch/(api|relay|projector|ingestor|linker|alerter|cli)$': `${appsDir}/$1/src/index.ts`,
    '^@briefwatch/([a-z-]+)/([a-z-]+)$': `${packagesDir}/$1/src/$2/index.ts`,
    '^@briefwatch/([a-z-]+)$': `${packagesDir}/$1/src/index.ts`,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Integration tests start real brokers' consumers: give them room. A test that fails in
  // the middle of a start-up can leave a consumer behind; the run must still end, so jest
  // exits once every file is done (each file's afterAll has already cleaned up what it can).
  testTimeout: 60_000,
  forceExit: true,
  detectOpenHandles: false,
};
