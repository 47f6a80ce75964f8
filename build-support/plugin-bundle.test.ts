import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const BUNDLE = path.resolve(__dirname, '..', 'build', 'plugin-unified-profiles.js');

/** Values that exist only on the server side; any of them in the bundle would reach every agent's browser. */
const SERVER_ONLY = [
  'sandbox-profile-token',
  'sandbox-write-key',
  process.env.SEGMENT_PROFILE_API_TOKEN,
  process.env.SEGMENT_WRITE_KEY,
].filter((value): value is string => Boolean(value));

describe('the production plugin bundle', () => {
  const bundle = existsSync(BUNDLE) ? readFileSync(BUNDLE, 'utf8') : '';

  it('exists (npm run build)', () => {
    expect(bundle.length).toBeGreaterThan(0);
  });

  it.each(SERVER_ONLY)('does not contain %s', (secret) => {
    // A boolean, so a failure does not print the whole bundle.
    expect(bundle.includes(secret)).toBe(false);
  });

  it('builds no Basic authorization header: Segment is called only by the Functions', () => {
    expect(bundle.includes('Basic ')).toBe(false);
  });

  it('registers itself through Flex, with React and Redux as Flex supplies them', () => {
    expect(bundle).toContain('Twilio.Flex.Plugins.init');
    expect(bundle).toMatch(/exports=React\b/);
    expect(bundle).toMatch(/exports=Redux\b/);
  });
});
