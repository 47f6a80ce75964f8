import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { SANDBOX_ACCOUNT_SID, type DocumentResource } from './sync-shape';

/** A document as the file keeps it: Sync's resource without `url` and `links`, which depend on where it is served. */
export type StoredDocument = Omit<DocumentResource, 'url' | 'links'>;

export const SYNC_DOCUMENTS_FILE = 'sync-documents.json';

/** Sync's timestamps: ISO 8601 in UTC, to the second. */
const timestamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What a conditional update found: the document, or the revision it has instead of the one expected. */
export type UpdateOutcome =
  { kind: 'updated'; document: StoredDocument } | { kind: 'missing' } | { kind: 'revision_mismatch'; revision: string };

/**
 * The sandbox's Sync documents, in memory and in `<dataDir>/sync-documents.json`. A change is
 * written (to a temporary file, then renamed over the old one) before it is answered, one at a
 * time, so two concurrent updates from one revision cannot both win.
 */
export class SyncDocumentStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private documents: StoredDocument[],
  ) {}

  static async open(dataDir: string): Promise<SyncDocumentStore> {
    const file = path.join(dataDir, SYNC_DOCUMENTS_FILE);
    return new SyncDocumentStore(file, (await readDocuments(file)) ?? []);
  }

  /** A service's document by sid or unique name, as Sync addresses it. */
  find(serviceSid: string, sidOrName: string): StoredDocument | undefined {
    return this.documents.find(
      (document) =>
        document.service_sid === serviceSid && (document.sid === sidOrName || document.unique_name === sidOrName),
    );
  }

  /** Creates a document; undefined when the unique name is taken in that service. */
  create(serviceSid: string, uniqueName: string | null, data: Record<string, unknown>) {
    return this.exclusive(async (): Promise<StoredDocument | undefined> => {
      if (uniqueName !== null && this.find(serviceSid, uniqueName)) return undefined;
      const now = timestamp(Date.now());
      const document: StoredDocument = {
        sid: `ET${randomBytes(16).toString('hex')}`,
        unique_name: uniqueName,
        account_sid: SANDBOX_ACCOUNT_SID,
        service_sid: serviceSid,
        revision: '0',
        data,
        date_expires: null,
        date_created: now,
        date_updated: now,
        created_by: 'system',
      };
      await this.commit([...this.documents, document]);
      return document;
    });
  }

  /** Replaces the data, only if the document still has `ifMatch` when one is given; the revision moves on by one. */
  update(serviceSid: string, sidOrName: string, data: Record<string, unknown>, ifMatch?: string) {
    return this.exclusive(async (): Promise<UpdateOutcome> => {
      const current = this.find(serviceSid, sidOrName);
      if (!current) return { kind: 'missing' };
      if (ifMatch !== undefined && ifMatch !== current.revision) {
        return { kind: 'revision_mismatch', revision: current.revision };
      }
      const updated: StoredDocument = {
        ...current,
        data,
        revision: String(Number(current.revision) + 1),
        date_updated: timestamp(Date.now()),
      };
      await this.commit(this.documents.map((document) => (document === current ? updated : document)));
      return { kind: 'updated', document: updated };
    });
  }

  /** Resolves once every change asked for so far is on disk. */
  async idle(): Promise<void> {
    await this.queue;
  }

  private exclusive<T>(change: () => Promise<T>): Promise<T> {
    const result = this.queue.then(change);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async commit(documents: StoredDocument[]): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ documents }, null, 2)}\n`);
    await rename(temporary, this.file);
    this.documents = documents;
  }
}

/** The saved documents, or undefined when there is no file yet. A damaged file stops the start: it is never overwritten. */
async function readDocuments(file: string): Promise<StoredDocument[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let documents: unknown;
  try {
    documents = (JSON.parse(text) as { documents?: unknown }).documents;
  } catch {
    documents = undefined;
  }
  if (!Array.isArray(documents) || !documents.every((document) => typeof document?.sid === 'string')) {
    throw new Error(`${file} is not a sandbox Sync file. Fix it, or delete it to start with no saved settings.`);
  }
  return documents as StoredDocument[];
}
