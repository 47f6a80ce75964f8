/** Two projects: the plugin in jsdom, and the Node side (simulator, Functions over HTTP). */
const tsJest = ['ts-jest', { diagnostics: false }];

module.exports = {
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
