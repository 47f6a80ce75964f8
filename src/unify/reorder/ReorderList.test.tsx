import * as React from 'react';
import { configureStore } from '@reduxjs/toolkit';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '../../shared/test-support/renderWithProviders';
import { HighlightedTraits, highlightChoices } from '../HighlightedTraits';
import { IdentifierPriority } from '../IdentifierPriority';

// Paste renders slowly in jsdom.
jest.setTimeout(30_000);

const emptyStore = () => configureStore({ reducer: (state: object = {}) => state });

/** The identifier priority over an order the test's "form" keeps; returns every order it was sent. */
function renderPriority(initial: string[]) {
  const sent: string[][] = [];
  function Form() {
    const [order, setOrder] = React.useState(initial);
    return (
      <IdentifierPriority
        order={order}
        onChange={(next) => {
          sent.push(next);
          setOrder(next);
        }}
      />
    );
  }
  renderWithProviders(<Form />, emptyStore());
  return { user: userEvent.setup(), sent };
}

/** The highlighted traits over the test's "form"; returns every `chosen` it was sent. */
function renderHighlights(initial: string[], choices = highlightChoices(initial)) {
  const sent: string[][] = [];
  function Form() {
    const [value, setValue] = React.useState({ chosen: initial, choices });
    return (
      <HighlightedTraits
        chosen={value.chosen}
        choices={value.choices}
        onChange={(chosen, nextChoices) => {
          sent.push(chosen);
          setValue({ chosen, choices: nextChoices });
        }}
      />
    );
  }
  renderWithProviders(<Form />, emptyStore());
  return { user: userEvent.setup(), sent };
}

const handle = (name: string) => screen.getByRole('button', { name: `Reorder ${name}` });
const button = (name: string) => screen.getByRole('button', { name });
const row = (name: string) => handle(name).closest('li') as HTMLElement;
/** The names in the list, top to bottom, as its rows show them. */
const rowsOf = (list: string) =>
  within(screen.getByRole('list', { name: list }))
    .getAllByRole('listitem')
    .map((item) => item.textContent?.replace(/[↑↓×]/g, ''));
/** The message is in the polite live region, so a screen reader reads it out. */
function expectAnnounced(message: string) {
  expect(screen.getByText(message).closest('[aria-live="polite"]')).not.toBeNull();
}

describe('IdentifierPriority: reordering by keyboard', () => {
  it('moves a row with its buttons, focus following the row (the other button at an end), and announces it', async () => {
    const { user, sent } = renderPriority(['user_id', 'email', 'phone']);
    button('Move Email down').focus();
    await user.keyboard('{Enter}');

    expect(sent).toEqual([['user_id', 'phone', 'email']]);
    expect(rowsOf('Identifier priority')).toEqual(['User ID', 'Phone', 'Email']);
    expect(button('Move Email down')).toBeDisabled();
    expect(button('Move Email up')).toHaveFocus();
    expectAnnounced('Email moved to position 3 of 3');

    await user.keyboard('{Enter}');
    expect(sent[1]).toEqual(['user_id', 'email', 'phone']);
    expect(button('Move Email up')).toHaveFocus();
    expectAnnounced('Email moved to position 2 of 3');
  });

  it('moves the focused handle’s row with Alt+ArrowUp and Alt+ArrowDown, keeping focus on that handle', async () => {
    const { user, sent } = renderPriority(['user_id', 'email', 'phone']);
    expect(handle('Phone')).toHaveAccessibleDescription(
      'Drag it to another row, or press Alt+Up arrow or Alt+Down arrow to move it.',
    );
    handle('Phone').focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(sent).toEqual([['user_id', 'phone', 'email']]);
    expect(handle('Phone')).toHaveFocus();
    expectAnnounced('Phone moved to position 2 of 3');

    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}'); // already first: nothing to do
    await user.keyboard('{ArrowDown}'); // without Alt the key is the screen reader's
    expect(sent).toEqual([
      ['user_id', 'phone', 'email'],
      ['phone', 'user_id', 'email'],
    ]);
    expect(handle('Phone')).toHaveFocus();
    expectAnnounced('Phone moved to position 1 of 3');

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(sent[2]).toEqual(['user_id', 'phone', 'email']);
    expect(rowsOf('Identifier priority')).toEqual(['User ID', 'Phone', 'Email']);
    expect(handle('Phone')).toHaveFocus();
  });
});

describe('IdentifierPriority: drag and drop', () => {
  it('drops a row dragged by its handle in the place of the row it is dropped on, showing where first', () => {
    const { sent } = renderPriority(['user_id', 'email', 'phone']);
    fireEvent.dragStart(handle('User ID'));
    expect(fireEvent.dragOver(row('Phone'))).toBe(false); // default prevented: a drop is allowed here
    expect(row('Phone')).toHaveAttribute('data-drop', 'after');
    expect(row('Email')).not.toHaveAttribute('data-drop');

    fireEvent.drop(row('Phone'));
    expect(sent).toEqual([['email', 'phone', 'user_id']]);
    expect(row('Phone')).not.toHaveAttribute('data-drop');
    expectAnnounced('User ID moved to position 3 of 3');
  });

  it('shows the indicator above a row when dragging upwards, and moves nothing when the drag is cancelled', () => {
    const { sent } = renderPriority(['user_id', 'email', 'phone']);
    const setData = jest.fn();
    const setDragImage = jest.fn();
    fireEvent.dragStart(handle('Phone'), { dataTransfer: { setData, setDragImage } });
    expect(setData).toHaveBeenCalled(); // Firefox starts a drag only once data is set
    expect(setDragImage).toHaveBeenCalledWith(row('Phone'), 16, 16);

    fireEvent.dragOver(row('User ID'));
    expect(row('User ID')).toHaveAttribute('data-drop', 'before');
    fireEvent.dragEnd(handle('Phone'));
    expect(row('User ID')).not.toHaveAttribute('data-drop');
    fireEvent.drop(row('User ID'));
    expect(sent).toEqual([]);
  });

  it('takes no drop from a drag that did not start at one of its handles', () => {
    const { sent } = renderPriority(['user_id', 'email', 'phone']);
    expect(fireEvent.dragOver(row('Email'))).toBe(true);
    expect(row('Email')).not.toHaveAttribute('data-drop');
    fireEvent.drop(row('Email'));
    expect(sent).toEqual([]);
  });
});

describe('HighlightedTraits: the order agents read', () => {
  const ORDER = 'Order agents read them in';

  it('sends the order the admin gives by buttons, Alt+Arrow keys and drag', async () => {
    const { user, sent } = renderHighlights(['total_inbounds', 'frequent_inbound_channel', 'lifetime_orders']);
    expect(rowsOf(ORDER)).toEqual(['Total inbounds', 'Frequent inbound channel', 'lifetime_orders']);

    handle('lifetime_orders').focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(sent).toEqual([['total_inbounds', 'lifetime_orders', 'frequent_inbound_channel']]);
    expect(handle('lifetime_orders')).toHaveFocus();
    expectAnnounced('lifetime_orders moved to position 2 of 3');

    button('Move lifetime_orders up').focus();
    await user.keyboard('{Enter}');
    expect(sent[1]).toEqual(['lifetime_orders', 'total_inbounds', 'frequent_inbound_channel']);
    expect(button('Move lifetime_orders down')).toHaveFocus();
    expectAnnounced('lifetime_orders moved to position 1 of 3');

    fireEvent.dragStart(handle('Frequent inbound channel'));
    fireEvent.dragOver(row('lifetime_orders'));
    fireEvent.drop(row('lifetime_orders'));
    expect(sent[2]).toEqual(['frequent_inbound_channel', 'lifetime_orders', 'total_inbounds']);
    expect(rowsOf(ORDER)).toEqual(['Frequent inbound channel', 'lifetime_orders', 'Total inbounds']);
    expectAnnounced('Frequent inbound channel moved to position 1 of 3');
  });

  it('keeps the admin’s order when a box is ticked (it takes its box’s place), a trait added (last) or one unticked', async () => {
    const choices = ['total_inbounds', 'frequent_inbound_channel', 'lifetime_orders', 'likelihood_to_churn'];
    const { user, sent } = renderHighlights(['likelihood_to_churn', 'lifetime_orders'], choices);
    const box = (name: string) => screen.getByLabelText(name, { selector: 'input[type="checkbox"]' });

    await user.click(box('Total inbounds (total_inbounds), recommended'));
    expect(sent).toEqual([['total_inbounds', 'likelihood_to_churn', 'lifetime_orders']]);

    await user.type(screen.getByLabelText('Another trait to highlight'), 'city{Enter}');
    expect(sent[1]).toEqual(['total_inbounds', 'likelihood_to_churn', 'lifetime_orders', 'city']);

    await user.click(box('likelihood_to_churn'));
    expect(sent[2]).toEqual(['total_inbounds', 'lifetime_orders', 'city']);
    expect(rowsOf(ORDER)).toEqual(['Total inbounds', 'lifetime_orders', 'city']);
  });

  it('offers no order while at most one trait is ticked', async () => {
    const { user } = renderHighlights(['total_inbounds']);
    expect(screen.queryByRole('list', { name: ORDER })).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Frequent inbound channel (frequent_inbound_channel), recommended'));
    expect(rowsOf(ORDER)).toEqual(['Total inbounds', 'Frequent inbound channel']);
  });
});
