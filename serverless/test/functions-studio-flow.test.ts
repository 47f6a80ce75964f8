import { readFileSync } from 'node:fs';
import path from 'node:path';

import { getExpectedTwilioSignature } from 'twilio';

import { DEMO_CUSTOMERS, UNKNOWN_CALLER_PHONE } from '../../sandbox/demo/customers';
import { linkedProfileOf } from '../src/profile/identity';
import { withSettingDefaults } from '../src/profile/settings';
import { foundAnswer, missAnswer } from '../src/studio/studio-answer';
import { silenceFunctionLogs, startTestStack, type TestStack } from './support/stack';

/**
 * The sample Studio flow (docs/studio-flow.json): checked against Studio's flow definition format,
 * then played, widget by widget, against the sandbox's /studio-profile and /profile, as Studio
 * would run it for an incoming call.
 */
const FLOW_FILE = path.join(__dirname, '..', '..', 'docs', 'studio-flow.json');

interface Condition {
  friendly_name: string;
  arguments: string[];
  type: string;
  value: string;
}
interface Transition {
  event: string;
  next?: string;
  conditions?: Condition[];
}
interface State {
  name: string;
  type: string;
  transitions: Transition[];
  properties: Record<string, unknown>;
}
interface Flow {
  description: string;
  states: State[];
  initial_state: string;
  flags: { allow_concurrent_calls: boolean };
}

const flow = JSON.parse(readFileSync(FLOW_FILE, 'utf8')) as Flow;

/**
 * Studio's widget types as a flow definition names them, with the events each one's transitions
 * must list (every one, once; `match` of a split once per branch) and the properties it requires.
 */
const WIDGETS: Record<string, { events: string[]; required: string[] }> = {
  trigger: {
    events: ['incomingMessage', 'incomingCall', 'incomingConversationMessage', 'incomingRequest', 'incomingParent'],
    required: ['offset'],
  },
  'run-function': { events: ['success', 'fail'], required: ['url', 'offset'] },
  'split-based-on': { events: ['noMatch', 'match'], required: ['input', 'offset'] },
  'send-to-flex': {
    events: ['callComplete', 'failedToEnqueue', 'callFailure'],
    required: ['workflow', 'channel', 'offset'],
  },
  'set-variables': { events: ['next'], required: ['offset'] },
  'say-play': { events: ['audioComplete'], required: ['offset'] },
  'make-http-request': { events: ['success', 'failed'], required: ['method', 'url', 'offset'] },
};
const CONDITION_TYPES = new Set([
  'equal_to',
  'not_equal_to',
  'matches_any_of',
  'does_not_match_any_of',
  'is_blank',
  'is_not_blank',
  'regex',
  'contains',
  'does_not_contain',
  'starts_with',
  'does_not_start_with',
  'less_than',
  'greater_than',
]);
const STUDIO_PROFILE_FIELDS = new Set(['identifier', 'From', 'email', 'FlowSid', 'ExecutionSid']);

describe('the sample flow as a Studio flow definition', () => {
  const names = flow.states.map((state) => state.name);
  const byName = new Map(flow.states.map((state) => [state.name, state]));

  it('has a description, states, a trigger as its initial state, and flags', () => {
    expect(typeof flow.description).toBe('string');
    expect(flow.description.length).toBeGreaterThan(10);
    expect(Array.isArray(flow.states)).toBe(true);
    expect(byName.get(flow.initial_state)?.type).toBe('trigger');
    expect(flow.states.filter((state) => state.type === 'trigger')).toHaveLength(1);
    expect(typeof flow.flags.allow_concurrent_calls).toBe('boolean');
    expect(Object.keys(flow).sort()).toEqual(['description', 'flags', 'initial_state', 'states']);
  });

  it('names each state once, in the characters Studio allows', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_]{1,64}$/);
  });

  it.each(flow.states.map((state) => [state.name, state] as const))(
    '%s: a known widget type, its events, its required properties',
    (_name, state) => {
      const widget = WIDGETS[state.type];
      expect(widget).toBeDefined();
      const events = state.transitions.map((transition) => transition.event);
      for (const event of events) expect(widget.events).toContain(event);
      for (const event of widget.events) {
        if (event === 'match') expect(events.filter((seen) => seen === event).length).toBeGreaterThanOrEqual(1);
        else expect(events.filter((seen) => seen === event)).toHaveLength(1);
      }
      for (const property of widget.required) expect(state.properties).toHaveProperty(property);
      const offset = state.properties.offset as { x: unknown; y: unknown };
      expect(typeof offset.x).toBe('number');
      expect(typeof offset.y).toBe('number');
    },
  );

  it('points every transition at a state that exists, and reaches every state from the trigger', () => {
    const reached = new Set<string>();
    const visit = (name: string) => {
      if (reached.has(name)) return;
      reached.add(name);
      for (const transition of byName.get(name)!.transitions) {
        if (transition.next === undefined) continue;
        expect(names).toContain(transition.next);
        visit(transition.next);
      }
    };
    visit(flow.initial_state);
    expect([...reached].sort()).toEqual([...names].sort());
  });

  it('gives each split’s match a condition Studio knows', () => {
    for (const state of flow.states.filter((candidate) => candidate.type === 'split-based-on')) {
      for (const transition of state.transitions.filter((candidate) => candidate.event === 'match')) {
        expect(transition.conditions?.length).toBeGreaterThan(0);
        for (const condition of transition.conditions!) {
          expect(CONDITION_TYPES.has(condition.type)).toBe(true);
          expect(typeof condition.friendly_name).toBe('string');
          expect(Array.isArray(condition.arguments)).toBe(true);
          expect(typeof condition.value).toBe('string');
        }
      }
    }
  });

  it('calls /studio-profile with fields it reads, and sends to Flex with attributes that are a JSON template', () => {
    const lookup = flow.states.find((state) => state.type === 'run-function')!;
    expect(lookup.properties.url).toMatch(/^https:\/\/[^/]+\/studio-profile$/);
    const parameters = lookup.properties.parameters as Array<{ key: string; value: string }>;
    for (const { key, value } of parameters) {
      expect(STUDIO_PROFILE_FIELDS.has(key)).toBe(true);
      expect(typeof value).toBe('string');
    }
    for (const state of flow.states.filter((candidate) => candidate.type === 'send-to-flex')) {
      expect(typeof state.properties.attributes).toBe('string');
      expect(state.properties.workflow).toMatch(/^WW/);
      expect(state.properties.channel).toMatch(/^TC/);
    }
  });

  it('renders each Send to Flex’s attributes into valid JSON for any /studio-profile answer', () => {
    const settings = withSettingDefaults({});
    const found = foundAnswer(
      {
        type: 'phone',
        value: '+14155550100',
        segmentId: 'use_2Ana0Garcia0Demo000000000',
        displayName: 'Ana "Annie" García',
        traits: {},
        audiences: ['vip'],
      },
      new Date(),
    );
    for (const answer of [found, missAnswer('not_found'), missAnswer('segment_unavailable')]) {
      for (const state of flow.states.filter((candidate) => candidate.type === 'send-to-flex')) {
        const attributes = JSON.parse(render(state.properties.attributes as string, contextOf(answer, '+14155550100')));
        if (answer.found && state.name !== 'to_flex_unknown') {
          expect(linkedProfileOf(attributes, settings)?.link.linked_by).toBe('studio');
        } else {
          expect(linkedProfileOf(attributes, settings)).toBeUndefined();
        }
      }
    }
  });
});

/** Studio's Liquid as far as the flow uses it: `{{ a.b.c }}`, `| to_json`, `| join: ','`. */
function render(template: string, context: Record<string, unknown>): string {
  return template.replace(
    /{{\s*([A-Za-z0-9_.]+)\s*(?:\|\s*([a-z_]+)(?:\s*:\s*'([^']*)')?\s*)?}}/g,
    (_all, at, filter, arg) => {
      const value = String(at)
        .split('.')
        .reduce<unknown>(
          (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
          context,
        );
      if (filter === 'to_json') return JSON.stringify(value ?? null);
      if (filter === 'join') return Array.isArray(value) ? value.join(arg) : '';
      if (filter) throw new Error(`a Liquid filter this test does not know: ${filter}`);
      return value === undefined || value === null ? '' : String(value);
    },
  );
}

const FLOW_SID = `FW${'0'.repeat(31)}1`;
const EXECUTION_SID = `FN${'0'.repeat(31)}1`;

function contextOf(parsed: unknown, caller: string): Record<string, unknown> {
  return {
    trigger: { call: { From: caller } },
    contact: { channel: { address: caller } },
    flow: { flow_sid: FLOW_SID, sid: EXECUTION_SID },
    widgets: { lookup: { parsed } },
  };
}

function conditionHolds(condition: Condition, context: Record<string, unknown>): boolean {
  const input = render(condition.arguments[0], context);
  if (condition.type === 'equal_to') return input === condition.value;
  if (condition.type === 'regex') return new RegExp(condition.value).test(input);
  throw new Error(`a condition this test does not play: ${condition.type}`);
}

describe('a call played through the sample flow', () => {
  let stack: TestStack;
  silenceFunctionLogs();
  beforeAll(async () => {
    stack = await startTestStack();
  }, 30_000);
  afterAll(() => stack?.close());

  /** Runs the flow for an incoming call until a Send to Flex: its name, attributes and priority. */
  async function play(caller: string) {
    const byName = new Map(flow.states.map((state) => [state.name, state]));
    let context = contextOf(undefined, caller);
    let state = byName.get(flow.initial_state)!;
    let event = 'incomingCall';
    for (let step = 0; step < 20; step += 1) {
      const next = state.transitions.find((transition) => transition.event === event)?.next;
      if (!next) throw new Error(`${state.name} has no transition for ${event}`);
      state = byName.get(next)!;
      if (state.type === 'run-function') {
        // The widget's URL names the deployed service: the sandbox serves the same path.
        const url = `${stack.functions.url}${new URL(state.properties.url as string).pathname}`;
        const parameters = state.properties.parameters as Array<{ key: string; value: string }>;
        const fields = Object.fromEntries(parameters.map(({ key, value }) => [key, render(value, context)]));
        const signature = getExpectedTwilioSignature('sandbox-auth-token', url, fields);
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'X-Twilio-Signature': signature },
          body: new URLSearchParams(fields),
        });
        const parsed = response.ok ? await response.json() : undefined;
        context = contextOf(parsed, caller);
        event = response.ok ? 'success' : 'fail';
      } else if (state.type === 'split-based-on') {
        const match = state.transitions.find(
          (transition) =>
            transition.event === 'match' &&
            transition.conditions!.every((condition) => conditionHolds(condition, context)),
        );
        event = match ? 'match' : 'noMatch';
        // Several branches may share the event `match`: go on from the one that held.
        if (match) state = { ...state, transitions: [match] };
      } else if (state.type === 'send-to-flex') {
        return {
          widget: state.name,
          attributes: JSON.parse(render(state.properties.attributes as string, context)) as Record<string, unknown>,
          priority: Number(render(state.properties.priority as string, context)),
        };
      } else {
        throw new Error(`a widget this test does not play: ${state.type}`);
      }
    }
    throw new Error('the flow did not reach Send to Flex');
  }

  it('sends a VIP caller to Flex first, linked: the Customer tab’s /profile looks up that profile alone', async () => {
    const ana = DEMO_CUSTOMERS.find((demo) => demo.key === 'ana')!;
    const task = await play(ana.phone!);
    expect(task.widget).toBe('to_flex_vip');
    expect(task.priority).toBe(10);
    expect(task.attributes).toMatchObject({ routing_hint: 'vip', customer_name: 'Ana García' });
    await stack.clearUpstreamRequests();
    const answer = await stack.functions.call('/profile', { taskAttributes: task.attributes });
    expect(answer.body.profile.segmentId).toBe(ana.segmentId);
    expect(answer.body.profile.link.linked_by).toBe('studio');
    const paths = ((await stack.upstreamRequests()) as Array<{ path: string }>).map((request) => request.path);
    for (const path of paths.filter((candidate) => candidate.includes('/collections/users/'))) {
      expect(path).toContain(`/profiles/${ana.segmentId}/`);
    }
  });

  it('sends a known caller in no VIP audience through the other branch, linked', async () => {
    const kenji = DEMO_CUSTOMERS.find((demo) => demo.key === 'kenji')!;
    const task = await play(kenji.phone!);
    expect(task.widget).toBe('to_flex_known');
    expect(task.priority).toBe(0);
    expect((task.attributes.unified_profiles as { link: { segment_id: string } }).link.segment_id).toBe(
      kenji.segmentId,
    );
  });

  it('sends an unknown caller to Flex plainly, and so does a Segment outage (degraded)', async () => {
    expect((await play(UNKNOWN_CALLER_PHONE)).widget).toBe('to_flex_unknown');
    stack.simulator.setFaults({ errorRates: { '503': 1 } });
    try {
      const task = await play('+16502999999');
      expect(task.widget).toBe('to_flex_unknown');
      expect(task.attributes).not.toHaveProperty('unified_profiles');
    } finally {
      stack.simulator.resetFaults();
    }
  });
});
