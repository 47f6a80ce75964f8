/**
 * The slice of the `twilio` library's TaskRouter v1 client /engagement uses
 * (`client.taskrouter.v1.workspaces(sid).tasks(sid)`), typed here like the Sync slice: the runtime
 * (or twilio-run) hands the Functions a client, so they need no import of the library.
 */

export interface TaskRouterTask {
  sid: string;
  /** A JSON string, as TaskRouter keeps it. */
  attributes: string;
  assignmentStatus: string;
  taskQueueFriendlyName: string | null;
  taskChannelUniqueName: string | null;
  dateCreated: Date;
}

export interface TaskRouterReservation {
  sid: string;
  workerSid: string;
  reservationStatus: string;
  dateCreated: Date;
}

export interface TaskRouterTaskContext {
  fetch(): Promise<TaskRouterTask>;
  reservations: { list(params?: { workerSid?: string }): Promise<TaskRouterReservation[]> };
}

export interface TwilioTaskRouterClient {
  taskrouter: {
    baseUrl: string;
    v1: { workspaces(sid: string): { tasks(sid: string): TaskRouterTaskContext } };
  };
}
