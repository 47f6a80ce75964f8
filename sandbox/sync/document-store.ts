import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { JsonListFile, twilioTimestamp as timestamp } from '../persistence/json-list-file';
import { SANDBOX_ACCOUNT_SID, type DocumentResource } from './sync-shape';

/** A document as the file keeps it: Sync's resource without `url` and `links`, which depend on where it is served. */
export type StoredDocument = Omit<DocumentResource, 'url' | 'links'>;

export const SYNC_DOCUMENTS_FILE = 'sync-documents.json';

/** What a conditional update found: the document, or the revision it has instead of the one expected. */
export type UpdateOutcome =
  { kind: 'updated'; document: StoredDocument } | { kind: 'missing' } | { kind: 'revision_mismatch'; revision: string };

/**
 * The sandbox's Sync documents, in memory and in `<dataDir>/sync-documents.json`. A change is
 * written (to a temporary file, then renamed over the old one) before it is answered, one at a
 * time, so two concurrent updates from one revision cannot both win.
 */
export class SyncDocumentStore {
  private constructor(private readonly file: JsonListFile<StoredDocument>) {}

  static async open(dataDir: string): Promise<SyncDocumentStore> {
    const { list } = await JsonListFile.open<StoredDocument>(
      path.join(dataDir, SYNC_DOCUMENTS_FILE),
      'documents',
      'Fix it, or delete it to start with no saved settings.',
    );
    return new SyncDocumentStore(list);
  }

  /** A service's document by sid or unique name, as Sync addresses it. */
  find(serviceSid: string, sidOrName: string): StoredDocument | undefined {
    return this.file.items.find(
      (document) =>
        document.service_sid === serviceSid && (document.sid === sidOrName || document.unique_name === sidOrName),
    );
  }

  /** Creates a document; undefined when the unique name is taken in that service. */
  create(serviceSid: string, uniqueName: string | null, data: Record<string, unknown>) {
    return this.file.exclusive(async (): Promise<StoredDocument | undefined> => {
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
      await this.file.commit([...this.file.items, document]);
      return document;
    });
  }

  /** Replaces the data, only if the document still has `ifMatch` when one is given; the revision moves on by one. */
  update(serviceSid: string, sidOrName: string, data: Record<string, unknown>, ifMatch?: string) {
    return this.file.exclusive(async (): Promise<UpdateOutcome> => {
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
      await this.file.commit(this.file.items.map((document) => (document === current ? updated : document)));
      return { kind: 'updated', document: updated };
    });
  }

  /** Resolves once every change asked for so far is on disk. */
  idle(): Promise<void> {
    return this.file.idle();
  }
}
