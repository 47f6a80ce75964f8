import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { DEMO_TASKS } from '../demo/tasks';
import { AssignmentStatus, SANDBOX_ACCOUNT_SID, SANDBOX_WORKSPACE_SID, TaskResource } from './taskrouter-shape';

/** A task as the file keeps it: TaskRouter's resource without `url`, which depends on where it is served. */
export type StoredTask = Omit<TaskResource, 'url'>;

export interface TaskChange {
  attributes?: Record<string, unknown>;
  assignmentStatus?: AssignmentStatus;
  reason?: string;
}

export const TASKS_FILE = 'tasks.json';

/** TaskRouter's timestamps: ISO 8601 in UTC, to the second. */
const timestamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The demo tasks as TaskRouter would hold them once offered to the sandbox's one agent:
 * `reserved` (the agent sees a pending reservation), a little older one after another.
 */
export function seedTasks(now = Date.now()): StoredTask[] {
  return DEMO_TASKS.map((demo, index) => ({
    sid: demo.taskSid,
    account_sid: SANDBOX_ACCOUNT_SID,
    workspace_sid: SANDBOX_WORKSPACE_SID,
    attributes: JSON.stringify(demo.attributes),
    assignment_status: 'reserved',
    reason: null,
    task_queue_friendly_name: demo.queueName,
    task_channel_unique_name: demo.taskChannelUniqueName,
    date_created: timestamp(now - (index + 1) * 45_000),
    date_updated: timestamp(now - (index + 1) * 45_000),
  }));
}

/**
 * The sandbox's tasks, in memory and in `<dataDir>/tasks.json`. A change is written before
 * it is kept in memory or answered, so what a response says survives a restart.
 */
export class TaskStore {
  /** Changes run one at a time, in the order they came; each reads the state the one before left. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private tasks: StoredTask[],
  ) {}

  /** Opens the store of a data folder, seeding it with the demo tasks when it has none. */
  static async open(dataDir: string): Promise<TaskStore> {
    const file = path.join(dataDir, TASKS_FILE);
    const saved = await readTasks(file);
    const store = new TaskStore(file, saved ?? []);
    if (!saved) await store.reset();
    return store;
  }

  list(): StoredTask[] {
    return this.tasks;
  }

  get(sid: string): StoredTask | undefined {
    return this.tasks.find((task) => task.sid === sid);
  }

  /** Applies a change as TaskRouter's Task update does: new attributes replace the old ones whole. */
  update(sid: string, change: TaskChange): Promise<StoredTask | undefined> {
    return this.exclusive(async () => {
      const current = this.get(sid);
      if (!current) return undefined;
      const updated: StoredTask = {
        ...current,
        ...(change.attributes && { attributes: JSON.stringify(change.attributes) }),
        ...(change.assignmentStatus && { assignment_status: change.assignmentStatus }),
        ...(change.reason !== undefined && { reason: change.reason }),
        date_updated: timestamp(Date.now()),
      };
      await this.commit(this.tasks.map((task) => (task.sid === sid ? updated : task)));
      return updated;
    });
  }

  /** Puts the demo tasks back as a first start seeds them. */
  reset(): Promise<void> {
    return this.exclusive(() => this.commit(seedTasks()));
  }

  /** Resolves once every change asked for so far is on disk. */
  async idle(): Promise<void> {
    await this.queue;
  }

  private exclusive<T>(change: () => Promise<T>): Promise<T> {
    const result = this.queue.then(change);
    // A failed change fails its own request only; the next one still runs.
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Writes a temporary file and renames it over the old one, so a crash mid-write never leaves half a file. */
  private async commit(tasks: StoredTask[]): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ tasks }, null, 2)}\n`);
    await rename(temporary, this.file);
    this.tasks = tasks;
  }
}

/** The saved tasks, or undefined when there is no file yet. A damaged file stops the start: it is never overwritten. */
async function readTasks(file: string): Promise<StoredTask[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let tasks: unknown;
  try {
    tasks = (JSON.parse(text) as { tasks?: unknown }).tasks;
  } catch {
    tasks = undefined;
  }
  if (!Array.isArray(tasks) || !tasks.every((task) => typeof task?.sid === 'string')) {
    throw new Error(`${file} is not a sandbox tasks file. Fix it, or delete it to start again from the demo tasks.`);
  }
  return tasks as StoredTask[];
}
