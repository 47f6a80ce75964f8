import { fireEvent, screen, within } from '@testing-library/react';

import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import type { CustomerProfile } from '../../../serverless/src/profile/types';
import { buildProfile } from '../test-support/profileFixtures';
import { belowTheHeader, renderCustomerTab, valueOf } from '../test-support/renderCustomerTab';

/** Ana's profile with the header an admin set, and her traits. */
function anaWithHeader(header: CustomerTabLayout['header'], custom: CustomerProfile['traits']['custom'] = {}) {
  return buildProfile({
    metadata: { createdAt: '2024-03-05T10:00:00Z' },
    traits: {
      custom: { name: 'Ana García', company: 'Rossi Design Studio', ...custom },
      computed: {},
      audiences: {},
      predictive: {},
    },
    presentation: { highlightedTraits: [], traitDisplay: {}, customerTab: { header } },
  });
}

async function headerOf(profile: CustomerProfile) {
  renderCustomerTab([profile]);
  const header = await screen.findByRole('heading', { level: 2 });
  await belowTheHeader();
  return within(header.closest('section') as HTMLElement);
}

describe('ProfileHeader: the header an admin set', () => {
  it("names the customer from the admin's name traits, skipping empty ones, and shows them only there", async () => {
    const header = await headerOf(
      anaWithHeader(
        { nameTraits: ['preferred_name', 'first_name', 'last_name'] },
        { preferred_name: ' ', first_name: 'Ana', last_name: 'García Ruiz' },
      ),
    );
    expect(header.getByRole('heading', { name: 'Ana García Ruiz' })).toBeInTheDocument();
    expect(screen.queryByText('First name', { selector: 'dt' })).not.toBeInTheDocument();
    expect(screen.queryByText('Last name', { selector: 'dt' })).not.toBeInTheDocument();
    // Not in the header any more, so listed with the other traits.
    expect(valueOf('Name')).toHaveTextContent('Ana García');
  });

  it("falls back to Segment's display name when none of the name traits holds a value", async () => {
    const header = await headerOf(anaWithHeader({ nameTraits: ['nickname'] }, { first_name: 'Ana' }));
    expect(header.getByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
    expect(screen.queryByText('First name', { selector: 'dt' })).not.toBeInTheDocument();
  });

  it("puts the admin's trait under the name instead of the company, which moves to the details", async () => {
    const header = await headerOf(anaWithHeader({ secondaryTrait: 'job_title' }, { job_title: 'Head of Design' }));
    expect(header.getByText('Head of Design · Customer since Mar 5, 2024')).toBeInTheDocument();
    expect(screen.queryByText('Job title', { selector: 'dt' })).not.toBeInTheDocument();
    expect(valueOf('Company')).toHaveTextContent('Rossi Design Studio');
  });

  it('keeps the company under the name when no line is set', async () => {
    const header = await headerOf(anaWithHeader({}));
    expect(header.getByText('Rossi Design Studio · Customer since Mar 5, 2024')).toBeInTheDocument();
    expect(screen.queryByText('Company', { selector: 'dt' })).not.toBeInTheDocument();
  });

  it('shows the picture an https address points to, decorative beside the name, and not again as a trait', async () => {
    const header = await headerOf(
      anaWithHeader({ avatarTrait: 'photo_url' }, { photo_url: 'https://cdn.example.com/ana.png' }),
    );
    // Its alt would repeat the heading beside it; its host is not told which page asked for it.
    const picture = header.getByRole('img');
    expect(picture).toHaveAttribute('src', 'https://cdn.example.com/ana.png');
    expect(picture).toHaveAttribute('alt', '');
    expect(picture).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(screen.queryByText('Photo URL', { selector: 'dt' })).not.toBeInTheDocument();
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['http:', 'http://cdn.example.com/ana.png'],
    ['data:', 'data:image/png;base64,iVBORw0KGgo='],
    ['not an address', 'ana.png'],
  ])('refuses a %s picture and shows the initials', async (_, photo) => {
    const header = await headerOf(anaWithHeader({ avatarTrait: 'photo_url' }, { photo_url: photo }));
    expect(header.queryByRole('img')).not.toBeInTheDocument();
    expect(header.getByText('AG')).toBeInTheDocument();
    // No picture shows it, so the details do.
    expect(valueOf('Photo URL')).toHaveTextContent(photo);
  });

  it('lists an avatar trait in the details when no picture trait is set', async () => {
    const header = await headerOf(anaWithHeader({}, { avatar: 'https://cdn.example.com/ana.png' }));
    expect(header.queryByRole('img')).not.toBeInTheDocument();
    expect(valueOf('Avatar')).toHaveTextContent('https://cdn.example.com/ana.png');
  });

  it("keeps an avatar trait the admin's group lists when no picture is shown", async () => {
    const profile = anaWithHeader({}, { avatar: 'https://cdn.example.com/ana.png' });
    const customerTab = { ...profile.presentation?.customerTab, traitGroups: [{ title: 'Look', traits: ['avatar'] }] };
    renderCustomerTab([{ ...profile, presentation: { highlightedTraits: [], traitDisplay: {}, customerTab } }]);
    const group = within(await screen.findByRole('region', { name: 'Look' }));
    expect(group.getByText('Avatar', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      'https://cdn.example.com/ana.png',
    );
  });

  it('shows the initials when the picture does not load', async () => {
    const header = await headerOf(
      anaWithHeader({ avatarTrait: 'photo_url' }, { photo_url: 'https://cdn.example.com/gone.png' }),
    );
    fireEvent.error(header.getByRole('img'));
    expect(header.queryByRole('img')).not.toBeInTheDocument();
    expect(header.getByText('AG')).toBeInTheDocument();
  });
});
