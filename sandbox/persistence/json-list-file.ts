import { readFile, rename, writeFile } from 'node:fs/promises';

/** Twilio's REST timestamps: ISO 8601 in UTC, to the second. */
export const twilioTimestamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A list of Twilio-like resources (each with a `sid`) kept in one JSON file of the sandbox's data
 * folder, as `{"<key>": [...]}`. Changes run one at a time in the order they came, and each is
 * written (a temporary file renamed over the old one, so a crash never leaves half a file) before
 * it is kept in memory or answered: what a response said survives a restart.
 */
export class JsonListFile<Item extends { sid: string }> {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private current: Item[],
  ) {}

  /**
   * Opens the file; `existed` is false when there is none yet. A damaged file stops the start
   * with `damagedHint` and is never overwritten.
   */
  static async open<Item extends { sid: string }>(
    file: string,
    key: string,
    damagedHint: string,
  ): Promise<{ list: JsonListFile<Item>; existed: boolean }> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { list: new JsonListFile(file, key, []), existed: false };
      throw error;
    }
    let items: unknown;
    try {
      items = (JSON.parse(text) as Record<string, unknown>)[key];
    } catch {
      items = undefined;
    }
    if (!Array.isArray(items) || !items.every((item) => typeof item?.sid === 'string')) {
      throw new Error(`${file} is not a sandbox ${key} file. ${damagedHint}`);
    }
    return { list: new JsonListFile(file, key, items as Item[]), existed: true };
  }

  get items(): Item[] {
    return this.current;
  }

  /** Runs a change after every change asked for before it; a failed change fails its own request only. */
  exclusive<Result>(change: () => Promise<Result>): Promise<Result> {
    const result = this.queue.then(change);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Writes the new list, then keeps it. Call inside `exclusive`. */
  async commit(items: Item[]): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ [this.key]: items }, null, 2)}\n`);
    await rename(temporary, this.file);
    this.current = items;
  }

  /** Resolves once every change asked for so far is on disk. */
  async idle(): Promise<void> {
    await this.queue;
  }
}
