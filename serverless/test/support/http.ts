/** What a test reads from one answer of the Functions. */
export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read into answers freely
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the test sees the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** POST a JSON body, as the plugin's backend client does. */
export async function postJson(url: string, body: unknown): Promise<Answer> {
  return read(
    await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

/** POST a form-encoded body: every value a string (objects sent as their JSON text). */
export async function postForm(url: string, fields: Record<string, string>): Promise<Answer> {
  return read(await fetch(url, { method: 'POST', body: new URLSearchParams(fields) }));
}
