import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { DEMO_TASKS } from '../demo/tasks';
import { JsonListFile, twilioTimestamp as timestamp } from '../persistence/json-list-file';
import { AssignmentStatus, SANDBOX_ACCOUNT_SID, SANDBOX_WORKSPACE_SID, TaskResource } from './taskrouter-shape';

/** A task as the file keeps it: TaskRouter's resource without `url`, which depends on where it is served. */
export type StoredTask = Omit<TaskResource, 'url'>;

export interface TaskChange {
  attributes?: Record<string, unknown>;
  assignmentStatus?: AssignmentStatus;
  reason?: string;
}

export interface NewTask {
  attributes: Record<string, unknown>;
  taskChannel: string;
}

/** The sandbox's stand-in for a workflow: the demo tasks' queue for each task channel. */
const QUEUE_OF_CHANNEL: Record<string, string> = {
  voice: 'Support',
  chat: 'Messaging',
  sms: 'Messaging',
  email: 'Email',
};

export const TASKS_FILE = 'tasks.json';

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
  private constructor(private readonly file: JsonListFile<StoredTask>) {}

  /** Opens the store of a data folder, seeding it with the demo tasks when it has none. */
  static async open(dataDir: string): Promise<TaskStore> {
    const { list, existed } = await JsonListFile.open<StoredTask>(
      path.join(dataDir, TASKS_FILE),
      'tasks',
      'Fix it, or delete it to start again from the demo tasks.',
    );
    const store = new TaskStore(list);
    if (!existed) await store.reset();
    return store;
  }

  list(): StoredTask[] {
    return this.file.items;
  }

  get(sid: string): StoredTask | undefined {
    return this.file.items.find((task) => task.sid === sid);
  }

  /** Applies a change as TaskRouter's Task update does: new attributes replace the old ones whole. */
  update(sid: string, change: TaskChange): Promise<StoredTask | undefined> {
    return this.file.exclusive(async () => {
      const current = this.get(sid);
      if (!current) return undefined;
      const updated: StoredTask = {
        ...current,
        ...(change.attributes && { attributes: JSON.stringify(change.attributes) }),
        ...(change.assignmentStatus && { assignment_status: change.assignmentStatus }),
        ...(change.reason !== undefined && { reason: change.reason }),
        date_updated: timestamp(Date.now()),
      };
      await this.file.commit(this.file.items.map((task) => (task.sid === sid ? updated : task)));
      return updated;
    });
  }

  /** A new task, offered at once to the sandbox's one agent (`reserved`), as TaskRouter's Task create and a workflow would. */
  create(task: NewTask): Promise<StoredTask> {
    return this.file.exclusive(async () => {
      const now = timestamp(Date.now());
      const created: StoredTask = {
        sid: `WT${randomBytes(16).toString('hex')}`,
        account_sid: SANDBOX_ACCOUNT_SID,
        workspace_sid: SANDBOX_WORKSPACE_SID,
        attributes: JSON.stringify(task.attributes),
        assignment_status: 'reserved',
        reason: null,
        task_queue_friendly_name: QUEUE_OF_CHANNEL[task.taskChannel] ?? 'Support',
        task_channel_unique_name: task.taskChannel,
        date_created: now,
        date_updated: now,
      };
      await this.file.commit([...this.file.items, created]);
      return created;
    });
  }

  /** Puts the demo tasks back as a first start seeds them. */
  reset(): Promise<void> {
    return this.file.exclusive(() => this.file.commit(seedTasks()));
  }

  /** Resolves once every change asked for so far is on disk. */
  idle(): Promise<void> {
    return this.file.idle();
  }
}
