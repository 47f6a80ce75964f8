import * as React from 'react';
import { configureStore } from '@reduxjs/toolkit';
import { screen, within } from '@testing-library/react';

import { PLUGIN_NAMESPACE } from '../shared/namespace';
import { pluginReducer } from '../shared/pluginState';
import { renderWithProviders } from '../shared/test-support/renderWithProviders';
import { ProfilePreview } from './ProfilePreview';
import { buildProfile, timelineItem } from './test-support/profileFixtures';

/** The preview as the Unify view places it: in a labelled section, under the page's h3. */
async function renderPreview() {
  const fetchedAt = Date.now();
  const profile = buildProfile({
    linkedAccounts: [{ id: 'grp_rossi', traits: { name: 'Rossi Design Studio', plan: 'Premium' } }],
    timeline: {
      items: [timelineItem('o1', 'Order Completed', new Date(fetchedAt - 60_000).toISOString(), { total: 120 })],
      next: null,
    },
  });
  const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
  renderWithProviders(
    <section aria-label="Preview of the Customer tab for Ana García">
      <h3>Preview the Customer tab</h3>
      <ProfilePreview profile={profile} fetchedAt={fetchedAt} />
    </section>,
    store,
  );
  const preview = screen.getByRole('region', { name: 'Preview of the Customer tab for Ana García' });
  // The sections below the header render a frame after it.
  await within(preview).findByRole('group', { name: 'History' });
  return preview;
}

const headingsAt = (preview: HTMLElement, level: number) =>
  within(preview)
    .queryAllByRole('heading', { level })
    .map((heading) => heading.textContent);

describe("ProfilePreview: the Customer tab inside the Unify view's page", () => {
  it("heads the customer one level below the preview's h3, the sections below the name, the days below them", async () => {
    const preview = await renderPreview();
    expect(headingsAt(preview, 2)).toEqual([]);
    expect(headingsAt(preview, 3)).toEqual(['Preview the Customer tab']);
    expect(headingsAt(preview, 4)).toEqual(['Ana García']);
    expect(headingsAt(preview, 5)).toEqual(
      expect.arrayContaining(['Highlights', 'Account', 'Audiences', 'Identifiers', 'Company account', 'History']),
    );
    expect(headingsAt(preview, 6)).toEqual(['Today']);
  });

  it("adds no landmarks to the admin's page: each section is a group named by its heading", async () => {
    const preview = within(await renderPreview());
    expect(preview.queryAllByRole('region')).toEqual([]);
    for (const name of ['Ana García', 'Highlights', 'Account', 'Company account', 'History'])
      expect(preview.getByRole('group', { name })).toBeInTheDocument();
  });
});
