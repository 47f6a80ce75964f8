import * as React from 'react';
import { configureStore } from '@reduxjs/toolkit';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import type { Translate } from '../../shared/PluginProviders';
import { renderWithProviders } from '../../shared/test-support/renderWithProviders';
import { EN_STRINGS } from '../../strings/en';
import { formatString } from '../../strings/formatString';
import { CustomerTabLayoutEditor } from './CustomerTabLayoutEditor';
import type { CustomerTabLayoutDraft } from './layoutDraft';
import { layoutDraft } from './layoutDraft';
import { readLayoutDraft } from './readLayoutDraft';

// Paste renders slowly in jsdom and these tests type and tab as a person does.
jest.setTimeout(30_000);

const t: Translate = (key, values) => formatString(EN_STRINGS[key], values);

/** The editor over a draft the test's "form" keeps, as the Unify view will; returns what it was sent. */
function renderEditor({
  layout,
  identifierTypes = ['user_id', 'email', 'phone'],
  problem,
}: { layout?: CustomerTabLayout; identifierTypes?: string[]; problem?: string } = {}) {
  const sent: CustomerTabLayoutDraft[] = [];
  function Form() {
    const [draft, setDraft] = React.useState(() => layoutDraft(layout));
    return (
      <CustomerTabLayoutEditor
        value={draft}
        identifierTypes={identifierTypes}
        problem={problem}
        onChange={(next) => {
          sent.push(next);
          setDraft(next);
        }}
      />
    );
  }
  renderWithProviders(<Form />, configureStore({ reducer: (state: object = {}) => state }));
  return {
    user: userEvent.setup(),
    /** The layout the last onChange stands for, as /unify-config would be sent it. */
    lastLayout: () => readLayoutDraft(sent[sent.length - 1], t),
  };
}

const section = (name: string) => within(screen.getByRole('group', { name }));
const group = (name: string | RegExp) => within(screen.getByRole('group', { name }));

/** Presses Tab until the element has focus, as a keyboard user would reach it. */
async function tabTo(user: ReturnType<typeof userEvent.setup>, element: HTMLElement) {
  for (let presses = 0; presses < 120 && document.activeElement !== element; presses++) await user.tab();
  expect(element).toHaveFocus();
}

/** The field is marked invalid and described by the message (its help text, next to it). */
function expectProblem(field: HTMLElement, message: string) {
  expect(field).toBeInvalid();
  expect(field).toHaveAccessibleDescription(message);
}

describe('CustomerTabLayoutEditor: what typing sends', () => {
  it('reads the header from comma-separated name traits and single traits', async () => {
    const { user, lastLayout } = renderEditor();
    const header = section('Header');
    await user.type(header.getByLabelText('Name traits'), 'first_name,  last_name');
    await user.type(header.getByLabelText('Line under the name'), 'plan');
    await user.type(header.getByLabelText('Picture trait'), 'avatar_url');

    expect(lastLayout()).toEqual({
      value: { header: { nameTraits: ['first_name', 'last_name'], secondaryTrait: 'plan', avatarTrait: 'avatar_url' } },
    });
  });

  it('shows a saved layout in its fields, and sends it back unchanged after an edit is undone', async () => {
    const saved: CustomerTabLayout = {
      header: { nameTraits: ['first_name', 'last_name'] },
      traitGroups: [{ title: 'Billing', traits: ['plan', 'lifetime_value'] }],
      historyEvents: [{ event: 'Order Completed', label: 'Order', primaryProperty: 'revenue' }],
      identifiers: { email: { label: 'Work email', taskAttributes: ['account_email'] } },
    };
    const { user, lastLayout } = renderEditor({ layout: saved });
    expect(section('Header').getByLabelText('Name traits')).toHaveValue('first_name, last_name');
    expect(group('Group 1: Billing').getByLabelText('Traits')).toHaveValue('plan, lifetime_value');
    expect(group('Event 1: Order Completed').getByLabelText('First property')).toHaveValue('revenue');
    expect(group('Email').getByLabelText('Display name')).toHaveValue('Work email');

    const title = group('Group 1: Billing').getByLabelText('Title');
    await user.type(title, 'X');
    await user.type(title, '{Backspace}');
    expect(lastLayout()).toEqual({ value: saved });
  });

  it('leaves out identifier settings equal to the defaults, and writes searchable only when it differs', async () => {
    const { user, lastLayout } = renderEditor({ identifierTypes: ['email', 'phone', 'ga_client_id'] });
    const email = group('Email');
    const gaClient = group('Google Analytics client ID');
    expect(email.getByRole('checkbox', { name: 'Agents can search by it' })).toBeChecked();
    expect(gaClient.getByRole('checkbox', { name: 'Agents can search by it' })).not.toBeChecked();

    await user.click(gaClient.getByRole('checkbox', { name: 'Agents can search by it' }));
    expect(lastLayout().value).toEqual({ identifiers: { ga_client_id: { searchable: true } } });
    await user.click(gaClient.getByRole('checkbox', { name: 'Agents can search by it' }));
    expect(lastLayout().value).toEqual({});

    await user.click(email.getByRole('checkbox', { name: 'Agents can search by it' }));
    await user.type(email.getByLabelText('Task attributes'), 'account_email, pre_engagement_data.email');
    await user.type(group('Phone').getByLabelText('Display name'), 'Mobile');
    expect(lastLayout().value).toEqual({
      identifiers: {
        email: { searchable: false, taskAttributes: ['account_email', 'pre_engagement_data.email'] },
        phone: { label: 'Mobile' },
      },
    });
  });

  it('offers a row for an identifier type the layout names but the priority no longer lists', () => {
    renderEditor({ layout: { identifiers: { ga_client_id: { label: 'GA' } } }, identifierTypes: ['email'] });
    expect(
      group('Google Analytics client ID (not in the identifier priority)').getByLabelText('Display name'),
    ).toHaveValue('GA');
  });
});

describe('CustomerTabLayoutEditor: trait groups and events by keyboard', () => {
  it('adds groups, moves them with focus following, and removes them with focus on what comes next', async () => {
    const { user, lastLayout } = renderEditor();
    const groups = section('Trait groups');

    await tabTo(user, groups.getByRole('button', { name: 'Add group' }));
    await user.keyboard('{Enter}');
    expect(group('Group 1').getByLabelText('Title')).toHaveFocus();
    await user.keyboard('Billing');
    await user.tab();
    await user.keyboard('plan, lifetime_value');

    await tabTo(user, groups.getByRole('button', { name: 'Add group' }));
    await user.keyboard(' ');
    expect(group('Group 2').getByLabelText('Title')).toHaveFocus();
    await user.keyboard('Contact');
    await user.tab();
    await user.keyboard('email_opt_in');
    expect(lastLayout().value.traitGroups).toEqual([
      { title: 'Billing', traits: ['plan', 'lifetime_value'] },
      { title: 'Contact', traits: ['email_opt_in'] },
    ]);
    expect(screen.getByRole('button', { name: 'Move Billing up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Contact down' })).toBeDisabled();

    await tabTo(user, screen.getByRole('button', { name: 'Move Contact up' }));
    await user.keyboard(' ');
    expect(lastLayout().value.traitGroups!.map(({ title }) => title)).toEqual(['Contact', 'Billing']);
    // Contact is first now, so its up button is disabled: focus is on its down button.
    expect(screen.getByRole('button', { name: 'Move Contact down' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Move Contact up' })).toBeDisabled();
    expect(screen.getByRole('group', { name: 'Group 1: Contact' })).toBeInTheDocument();

    await user.keyboard('{Enter}');
    expect(lastLayout().value.traitGroups!.map(({ title }) => title)).toEqual(['Billing', 'Contact']);
    expect(screen.getByRole('button', { name: 'Move Contact up' })).toHaveFocus();

    await tabTo(user, screen.getByRole('button', { name: 'Remove Billing' }));
    await user.keyboard('{Enter}');
    expect(group('Group 1: Contact').getByLabelText('Title')).toHaveFocus();
    await tabTo(user, screen.getByRole('button', { name: 'Remove Contact' }));
    await user.keyboard(' ');
    expect(groups.getByRole('button', { name: 'Add group' })).toHaveFocus();
    expect(lastLayout().value).toEqual({});
  });

  it('adds history events with their properties, moves and removes them, focus following', async () => {
    const { user, lastLayout } = renderEditor();
    const events = section('History events');
    expect(
      events.getByText(
        'Flex’s own interactions always appear; when you list events here, only these others do. Find event names and their properties in Connections › Sources › Debugger. At most 30 events.',
      ),
    ).toBeInTheDocument();

    await tabTo(user, events.getByRole('button', { name: 'Add event' }));
    await user.keyboard('{Enter}');
    expect(group('Event 1').getByLabelText('Event name')).toHaveFocus();
    await user.keyboard('Order Completed');
    await user.tab();
    await user.keyboard('Order');
    await user.tab();
    await user.tab();
    await user.keyboard('revenue');

    await tabTo(user, events.getByRole('button', { name: 'Add event' }));
    await user.keyboard(' ');
    expect(group('Event 2').getByLabelText('Event name')).toHaveFocus();
    await user.keyboard('Ticket Opened');
    expect(lastLayout().value.historyEvents).toEqual([
      { event: 'Order Completed', label: 'Order', primaryProperty: 'revenue' },
      { event: 'Ticket Opened' },
    ]);

    await tabTo(user, screen.getByRole('button', { name: 'Move Order Completed down' }));
    await user.keyboard('{Enter}');
    expect(lastLayout().value.historyEvents!.map(({ event }) => event)).toEqual(['Ticket Opened', 'Order Completed']);
    expect(screen.getByRole('button', { name: 'Move Order Completed up' })).toHaveFocus();

    // The last one removed: focus goes to the one before it.
    await tabTo(user, screen.getByRole('button', { name: 'Remove Order Completed' }));
    await user.keyboard('{Enter}');
    expect(group('Event 1: Ticket Opened').getByLabelText('Event name')).toHaveFocus();
    expect(lastLayout().value.historyEvents).toEqual([{ event: 'Ticket Opened' }]);
  });
});

describe('CustomerTabLayoutEditor: problems next to their fields', () => {
  it('names a bad trait in the name traits, and too many of them, once the field is left', async () => {
    const { user, lastLayout } = renderEditor();
    const names = section('Header').getByLabelText('Name traits');
    await user.type(names, 'first name');
    expect(names).toBeValid();
    await user.tab();
    expectProblem(
      names,
      '“first name” is not a trait name. Write trait names as Unify › Profile explorer shows them (letters, digits, _ . : and -), separated by commas.',
    );
    expect(lastLayout().problem).toBe(
      '“first name” is not a trait name. Write trait names as Unify › Profile explorer shows them (letters, digits, _ . : and -), separated by commas.',
    );

    await user.clear(names);
    await user.type(names, 'title, first_name, middle_name, last_name');
    expectProblem(names, 'The name takes at most 3 traits, such as first_name, last_name: remove the others.');
  });

  it('takes one trait for the line under the name', async () => {
    const { user } = renderEditor();
    const line = section('Header').getByLabelText('Line under the name');
    await user.type(line, 'company, plan');
    await user.tab();
    expectProblem(
      line,
      '“company, plan” is not a trait name. Write one trait name as Unify › Profile explorer shows it (letters, digits, _ . : and -).',
    );
  });

  it('asks for a group’s title, and for its traits', async () => {
    const { user } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add group' }));
    await user.tab();
    await user.keyboard('plan');
    expectProblem(group('Group 1').getByLabelText('Title'), 'Group 1 needs a title agents will read, such as Billing.');

    await user.clear(group('Group 1').getByLabelText('Traits'));
    await user.type(group('Group 1').getByLabelText('Title'), 'Billing');
    await user.tab();
    expectProblem(
      group('Group 1: Billing').getByLabelText('Traits'),
      'Add at least one trait to Billing, or remove the group.',
    );
  });

  it('points at the second of two groups with the same title, whatever the case', async () => {
    const { user } = renderEditor({
      layout: {
        traitGroups: [
          { title: 'Billing', traits: ['plan'] },
          { title: 'Contact', traits: ['email_opt_in'] },
        ],
      },
    });
    const second = group('Group 2: Contact').getByLabelText('Title');
    await user.clear(second);
    await user.type(second, 'billing');
    await user.tab();
    expectProblem(second, 'Group 1 is already called Billing: give group 2 a different title.');
    expect(group('Group 1: Billing').getByLabelText('Title')).toBeValid();
  });

  it('points at the later group when a trait is in two, once either is edited', async () => {
    const { user } = renderEditor({
      layout: {
        traitGroups: [
          { title: 'Billing', traits: ['plan'] },
          { title: 'Account', traits: ['tier'] },
        ],
      },
    });
    const billing = group('Group 1: Billing').getByLabelText('Traits');
    await user.type(billing, ', tier');
    await user.tab();
    expectProblem(
      group('Group 2: Account').getByLabelText('Traits'),
      'tier is in both Billing and Account: remove it from one of them, as each trait belongs in one group only.',
    );
    expect(billing).toBeValid();
  });

  it('says there are too many groups or events, and offers no button to add more', () => {
    renderEditor({
      layout: {
        traitGroups: Array.from({ length: 13 }, (_, index) => ({
          title: `Group ${index}`,
          traits: [`trait_${index}`],
        })),
        historyEvents: Array.from({ length: 31 }, (_, index) => ({ event: `Event ${index}` })),
      },
    });
    expect(
      section('Trait groups').getByText('There are 13 trait groups and at most 12 fit: remove or merge some.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add group' })).toBeDisabled();
    expect(
      section('History events').getByText('There are 31 history events and at most 30 fit: remove some.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add event' })).toBeDisabled();
  });

  it('asks for an event’s name, and points at an event listed twice', async () => {
    const { user } = renderEditor({ layout: { historyEvents: [{ event: 'Order Completed' }] } });
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    await user.tab();
    await user.keyboard('Order');
    expectProblem(
      group('Event 2').getByLabelText('Event name'),
      'Event 2 needs the event name as Segment shows it in Connections › Sources › Debugger, such as Order Completed.',
    );

    await user.type(group('Event 2').getByLabelText('Event name'), 'Order Completed ');
    expectProblem(
      group('Event 2: Order Completed').getByLabelText('Event name'),
      'Order Completed is both event 1 and event 2: remove one of them.',
    );
  });

  it('limits display names to 60 characters, for events and identifiers', async () => {
    const { user } = renderEditor({ layout: { historyEvents: [{ event: 'Order Completed' }] } });
    const long = 'A'.repeat(61);
    const eventLabel = group('Event 1: Order Completed').getByLabelText('Display name');
    await user.click(eventLabel);
    await user.paste(long);
    await user.tab();
    expectProblem(eventLabel, 'The display name of event 1 is longer than 60 characters: shorten it.');

    const emailLabel = group('Email').getByLabelText('Display name');
    await user.click(emailLabel);
    await user.paste(long);
    await user.tab();
    expectProblem(emailLabel, 'The display name for Email is longer than 60 characters: shorten it.');
    await user.type(emailLabel, '{Backspace}');
    expect(emailLabel).toBeValid();
  });

  it('names a bad task attribute, and too many of them', async () => {
    const { user } = renderEditor();
    const attributes = group('Phone').getByLabelText('Task attributes');
    await user.type(attributes, 'caller phone');
    await user.tab();
    expectProblem(
      attributes,
      '“caller phone” (Phone) is not a task attribute name. Use letters, digits, _ and -, with dots into nested attributes, such as pre_engagement_data.email, separated by commas.',
    );

    await user.clear(attributes);
    await user.type(attributes, 'a, b, c, d, e, f');
    expectProblem(attributes, 'Phone takes at most 5 task attributes: remove the others.');
  });

  it('says on top when the layout is too long altogether', () => {
    const traits = (group: number) => Array.from({ length: 40 }, (_, index) => `trait_${group}_${index}_name`);
    renderEditor({
      layout: {
        traitGroups: Array.from({ length: 12 }, (_, index) => ({ title: `G${index}`, traits: traits(index) })),
      },
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The Customer tab layout is too long altogether: use fewer groups or events, or shorter names.',
    );
  });

  it('shows the server’s message on top, and every field’s own message with it', () => {
    renderEditor({
      layout: { traitGroups: [{ title: 'Billing', traits: ['first name'] }] },
      problem: 'Trait groups › group 1 › traits › 0 is not a trait name.',
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Trait groups › group 1 › traits › 0 is not a trait name.');
    expectProblem(
      group('Group 1: Billing').getByLabelText('Traits'),
      '“first name” in Billing is not a trait name. Write trait names as Unify › Profile explorer shows them (letters, digits, _ . : and -), separated by commas.',
    );
  });
});
