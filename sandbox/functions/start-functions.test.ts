import { functionSettings } from './start-functions';

/** What of a shell's environment the sandbox hands the Functions as `context`. */
describe('functionSettings', () => {
  const shell = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: '/home/dev',
    SHELL: '/bin/zsh',
    AWS_SECRET_ACCESS_KEY: 'cloud-secret',
    GITHUB_TOKEN: 'ghp_secret',
    NODE_OPTIONS: '--max-old-space-size=4096',
    npm_config_registry: 'https://registry.npmjs.org/',
  };

  it('drops everything that is not a setting of the Functions', () => {
    expect(functionSettings(shell)).toEqual({});
  });

  it('keeps the variables serverless/.env.example documents, every SEGMENT_* and UNIFIED_PROFILES_*, and the sandbox’s', () => {
    const settings = {
      ACCOUNT_SID: 'AC123',
      AUTH_TOKEN: 'auth',
      API_KEY: 'SK1',
      API_SECRET: 'secret',
      TWILIO_REGION: 'stage-us1',
      TWILIO_FLEX_WORKSPACE_SID: 'WS1',
      SEGMENT_PROFILE_API_URL: 'http://127.0.0.1:3002',
      SEGMENT_SPACE_ID: 'spa_sandbox',
      SEGMENT_PROFILE_API_TOKEN: 'token',
      SEGMENT_WRITE_KEY: 'key',
      SEGMENT_OTHER_REGION_PROFILE_API_URL: 'http://127.0.0.1:3003',
      UNIFIED_PROFILES_SANDBOX_AUTH: 'true',
      UNIFIED_PROFILES_TWILIO_API_BASE: 'http://127.0.0.1:4000',
      UNIFIED_PROFILES_TASKROUTER_API_BASE: 'http://127.0.0.1:3000',
      UNIFIED_PROFILES_SETTINGS_CACHE_SECONDS: '1',
      SANDBOX_DATA_DIR: '/tmp/data',
    };
    expect(functionSettings({ ...shell, ...settings })).toEqual(settings);
  });

  it('leaves out unset values and keeps empty ones (an empty SEGMENT_SPACE_ID means unconnected)', () => {
    expect(functionSettings({ SEGMENT_SPACE_ID: '', SEGMENT_PROFILE_API_TOKEN: undefined })).toEqual({
      SEGMENT_SPACE_ID: '',
    });
  });
});
