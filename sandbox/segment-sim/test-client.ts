import { startSegmentSimulator, SimulatorOptions, RunningSimulator } from './server';

/** A simulator on a free port and a small client that speaks to it as a Segment client would. */
export async function simulatorForTest(options: SimulatorOptions = {}) {
  const simulator: RunningSimulator = await startSegmentSimulator({ port: 0, customers: 1000, ...options });
  const basic = (user: string) => `Basic ${Buffer.from(`${user}:`).toString('base64')}`;
  const profileGet = async (path: string, token = 'sandbox-profile-token', space = 'spa_sandbox') => {
    const response = await fetch(`${simulator.url}/v1/spaces/${space}/collections/${path}`, {
      headers: { Authorization: basic(token) },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: safeJson(text) };
  };
  const users = (path: string, token?: string, space?: string) => profileGet(`users/profiles/${path}`, token, space);
  // null sends no Authorization header at all.
  const post = async (path: string, body: unknown, writeKey: string | null = 'sandbox-write-key') => {
    const response = await fetch(`${simulator.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(writeKey ? { Authorization: basic(writeKey) } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: safeJson(await response.text()) };
  };
  return { simulator, profileGet, users, post, basic };
}

// Tests read arbitrary JSON answers field by field; a typed shape per route would only restate them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
