/** Two projects: the plugin in jsdom, and the Node side (simulator, Functions over HTTP). */
const tsJest = ['ts-jest', { diagnostics: false }];

module.exports = {
  // Not a speed target (those are in npm run bench): room for a shared 2-core machine under load,
  // where a jsdom form or a Functions build in beforeAll can take several seconds.
  testTimeout: 20_000,
  projects: [
    {
      displayName: 'plugin',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': tsJest },
      setupFiles: ['<rootDir>/build-support/jest/flex-globals.js'],
      setupFilesAfterEnv: ['<rootDir>/build-support/jest/setup-dom.ts'],
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/sandbox', '<rootDir>/serverless/test', '<rootDir>/serverless/src', '<rootDir>/build-support'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
  ],
};
