import { DEMO_TASKS } from '../../../demo/tasks';
import { AssignmentStatus, TASKS_PATH, TaskResource } from '../../taskrouter-shape';
import { ActionsStandIn } from './Actions';
import { createHostStore, HostTask } from './hostStore';
import { toHostTask } from './hostTask';

/** The host's ITask and store rules that the browser tests cannot see directly. */

const resource = (demoIndex: number, status: AssignmentStatus, attributes?: object): TaskResource => {
  const demo = DEMO_TASKS[demoIndex];
  return {
    sid: demo.taskSid,
    account_sid: 'AC00000000000000000000000000000000',
    workspace_sid: 'WS00000000000000000000000000000000',
    attributes: JSON.stringify(attributes ?? demo.attributes),
    assignment_status: status,
    reason: null,
    task_queue_friendly_name: demo.queueName,
    task_channel_unique_name: demo.taskChannelUniqueName,
    date_created: '2024-05-01T10:00:00Z',
    date_updated: '2024-05-01T10:01:00Z',
    url: `http://localhost${TASKS_PATH}/${demo.taskSid}`,
  };
};

describe('toHostTask', () => {
  const store = createHostStore();

  it.each([
    ['pending', 'pending', 'reserved'],
    ['reserved', 'pending', 'reserved'],
    ['assigned', 'accepted', 'assigned'],
    ['wrapping', 'wrapping', 'wrapping'],
    ['completed', 'completed', 'completed'],
    ['canceled', 'canceled', 'canceled'],
  ] as const)('reads TaskRouter status %s as reservation %s, task %s', (assignment, status, taskStatus) => {
    expect(toHostTask(resource(0, assignment), store)).toMatchObject({ status, taskStatus });
  });

  it('has the reservation sid as `sid`, and the channel type Flex derives, for every demo task', () => {
    DEMO_TASKS.forEach((demo, index) => {
      const task = toHostTask(resource(index, 'reserved'), store);
      expect(task).toMatchObject({ sid: demo.reservationSid, taskSid: demo.taskSid, channelType: demo.channelType });
      expect(task.dateCreated).toEqual(new Date('2024-05-01T10:00:00Z'));
    });
  });

  it('has no member Flex’s ITask does not declare', () => {
    expect(Object.keys(toHostTask(resource(0, 'reserved'), store)).sort()).toEqual(
      [
        'attributes',
        'channelType',
        'dateCreated',
        'dateUpdated',
        'queueName',
        'setAttributes',
        'sid',
        'status',
        'taskChannelUniqueName',
        'taskSid',
        'taskStatus',
      ].sort(),
    );
  });

  it('refuses attributes that are not an object, without a request', async () => {
    const task = toHostTask(resource(0, 'assigned'), store);
    await expect(task.setAttributes(null as unknown as object)).rejects.toThrow(TypeError);
    await expect(task.setAttributes([] as unknown as object)).rejects.toThrow(TypeError);
  });
});

describe('the host store', () => {
  const tasksOf = (store: ReturnType<typeof createHostStore>) => store.getState().flex.worker.tasks;

  it('keeps tasks by reservation sid, updates them, and drops an ended one for good', () => {
    const store = createHostStore();
    const arrived = toHostTask(resource(0, 'reserved'), store);
    store.dispatch({ type: 'host/taskArrived', task: arrived });
    const accepted = toHostTask(resource(0, 'assigned', { linked: 'use_1' }), store);
    store.dispatch({ type: 'host/taskUpdated', task: accepted });
    expect(tasksOf(store).get(arrived.sid)).toBe(accepted);

    store.dispatch({ type: 'host/taskUpdated', task: toHostTask(resource(0, 'completed'), store) });
    expect(tasksOf(store).size).toBe(0);
    // A late answer (say, a setAttributes that finished after Complete) does not bring it back.
    store.dispatch({ type: 'host/taskUpdated', task: accepted });
    expect(tasksOf(store).size).toBe(0);
  });

  it('merges SetComponentState into componentViewStates, as Flex does', () => {
    const store = createHostStore();
    store.dispatch({ type: 'host/setComponentState', name: 'AgentTaskCanvasTabs', state: { selectedTabName: 'info' } });
    store.dispatch({ type: 'host/setComponentState', name: 'AgentTaskCanvasTabs', state: { other: 1 } });
    expect(store.getState().flex.view.componentViewStates.AgentTaskCanvasTabs).toEqual({
      selectedTabName: 'info',
      other: 1,
    });
  });
});

describe('ActionsStandIn', () => {
  it('completes the payload before any listener sees it, as Flex’s payloadUpdateFunction does', async () => {
    const Actions = new ActionsStandIn();
    const task = { sid: 'WR1' } as HostTask;
    const seen: unknown[] = [];
    Actions.registerAction(
      'SelectTask',
      (payload) => void seen.push(['run', payload.task]),
      (payload) => ({ ...payload, task }),
    );
    Actions.addListener('beforeSelectTask', (payload) => void seen.push(['before', payload.task]));
    Actions.addListener('afterSelectTask', (payload) => void seen.push(['after', payload.sid, payload.task]));
    await Actions.invokeAction('SelectTask', { sid: 'WR1' });
    expect(seen).toEqual([
      ['before', task],
      ['run', task],
      ['after', 'WR1', task],
    ]);
  });
});
