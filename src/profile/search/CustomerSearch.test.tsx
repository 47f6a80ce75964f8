import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import { buildProfile } from '../test-support/profileFixtures';
import { belowTheHeader, renderCustomerTab, valueOf } from '../test-support/renderCustomerTab';

const IDENTIFIERS: CustomerTabLayout['identifiers'] = {
  phone: { label: 'Mobile', searchable: false },
  user_id: { label: 'Customer number' },
  account_number: { label: 'Account number', searchable: true },
};

const anaWithIdentifiers = () =>
  buildProfile({
    presentation: { highlightedTraits: [], traitDisplay: {}, customerTab: { identifiers: IDENTIFIERS } },
  });

/** The tab after the agent asked to search for someone else than the customer shown. */
async function searchAfterAna(...answers: Parameters<typeof renderCustomerTab>[0]) {
  const tab = renderCustomerTab([anaWithIdentifiers(), ...answers]);
  await userEvent.click(await screen.findByRole('button', { name: 'Search another customer' }));
  await screen.findByLabelText('Find a customer');
  return tab;
}

const choices = () =>
  within(screen.getByLabelText('Search by'))
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('CustomerSearch and identifiers: what an admin set', () => {
  it("names identifier types with the admin's display names in the list and in how the customer matched", async () => {
    renderCustomerTab([anaWithIdentifiers()]);
    await belowTheHeader();
    expect(valueOf('Mobile')).toHaveTextContent('+1 415 555 0100');
    expect(valueOf('Customer number')).toHaveTextContent('usr_ana_garcia');
    expect(valueOf('Email')).toHaveTextContent('ana.garcia@example.com');
    expect(screen.getByText('Matched by Mobile +1 415 555 0100')).toBeInTheDocument();
  });

  it('offers the types an admin left searchable, and the ones they added, by their names', async () => {
    await searchAfterAna();
    expect(choices()).toEqual(['Email', 'Customer number', 'Anonymous ID', 'Account number']);
    expect(
      screen.getByText('Search by one of: Email, Customer number, Anonymous ID, Account number.'),
    ).toBeInTheDocument();
  });

  it('never guesses a type that is turned off, and refuses one typed as type:value', async () => {
    const { requests } = await searchAfterAna();
    const field = screen.getByLabelText('Find a customer');
    await userEvent.type(field, '+1 415 555 0100');
    expect(screen.getByLabelText('Search by')).toHaveValue('user_id');

    await userEvent.clear(field);
    await userEvent.type(field, 'phone:+14155550100{enter}');
    expect(
      screen.getByText('Searching by Mobile is not turned on in the Unify settings: choose one of the types offered.'),
    ).toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });

  it('searches by a type the admin made searchable', async () => {
    const { requests } = await searchAfterAna('not_found');
    await userEvent.selectOptions(screen.getByLabelText('Search by'), 'Account number');
    await userEvent.type(screen.getByLabelText('Find a customer'), 'AC-1042{enter}');
    expect(await screen.findByText('No customer matched Account number AC-1042')).toBeInTheDocument();
    expect(requests[1]).toEqual({ identifier: 'account_number:AC-1042' });
  });

  it('does not prefill the task contact when its type is turned off', async () => {
    await searchAfterAna();
    expect(screen.getByLabelText('Find a customer')).toHaveValue('');
    expect(screen.getByLabelText('Search by')).toHaveValue('email');
  });

  it('hides the search and says why when an admin turned off every type to search by', async () => {
    const allOff = { searchable: false };
    const anaNoSearch = buildProfile({
      presentation: {
        highlightedTraits: [],
        traitDisplay: {},
        customerTab: { identifiers: { email: allOff, phone: allOff, user_id: allOff, anonymous_id: allOff } },
      },
    });
    const { loader } = renderCustomerTab([anaNoSearch, 'not_found']);
    await belowTheHeader();
    expect(screen.queryByRole('button', { name: 'Search another customer' })).not.toBeInTheDocument();

    // As after an unlink: the search is asked for, and there is nothing to search by.
    act(() => loader.showSearchForTask('WT1'));
    const off = 'Searching for a customer is turned off by an admin in the Unify settings.';
    expect(screen.getByText(off)).toBeInTheDocument();
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(screen.queryByText(/Search by one of/)).not.toBeInTheDocument();

    // Cancel looks the task's customer up again; this time nobody matches, and still no search is offered.
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('No customer matched phone +14155550100')).toBeInTheDocument();
    expect(screen.getByText(off)).toBeInTheDocument();
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });
});
