import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type {
  UnifyCheckResult,
  UnifyConfigResponse,
  UnifyConfigWrite,
  UnifySetupChecklist,
} from '../../serverless/src/config/unify-contract';
import { BackendError } from '../backend/FunctionsClient';
import { buildConfig as buildBaseConfig, renderView } from './test-support/unifyView';

const AT = '2026-11-29T10:00:00Z';

const buildConfig = (overrides: Partial<UnifyConfigResponse> = {}) =>
  buildBaseConfig({ configStoreMissing: [], setupChecklist: { steps: {} }, ...overrides });

const passed: UnifyCheckResult = {
  status: 'passed',
  code: 'ok',
  steps: [],
  checkedAt: AT,
  checkedBy: 'admin@acme.com',
  ms: 100,
};

const setup = async () => within(await screen.findByRole('region', { name: 'Create a Segment workspace for Flex' }));
const stepBox = (name: string) => screen.getByLabelText(name, { selector: 'input[type="checkbox"]' });
const detailsOf = (summary: HTMLElement) => summary.closest('details')!;

describe('Create a Segment workspace for Flex', () => {
  it('opens Segment in a new tab, and says so', async () => {
    renderView({ readUnifyConfig: async () => buildConfig() });
    const link = (await setup()).getByRole('link', { name: /Create Unify space in Segment/ });
    expect(link).toHaveAccessibleName('Create Unify space in Segment (opens in a new tab)');
    expect(link).toHaveAttribute('href', 'https://app.segment.com/');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
  });

  it('explains the four steps: step 1’s choices and warning, the SQL model, the 48-hour note, the entitlements', async () => {
    renderView({ readUnifyConfig: async () => buildConfig() });
    const view = await setup();
    for (const heading of [
      'Step 1: Select the data source',
      'Step 2: Add connections',
      'Step 3: Identifiers and traits',
      'Step 4: Enable sources and test connections',
    ]) {
      expect(view.getByRole('heading', { level: 3, name: heading })).toBeInTheDocument();
    }
    expect(view.getByText(/^Salesforce and warehouse:/)).toBeInTheDocument();
    expect(view.getByText(/^Warehouse only:/)).toBeInTheDocument();
    expect(view.getByText(/^Website or mobile app:/)).toBeInTheDocument();
    const warning = view.getByText(/This choice cannot be changed later/);
    const alert = warning.closest<HTMLElement>('[data-paste-element="ALERT"]')!;
    expect(within(alert).getByText('(warning)')).toBeInTheDocument();
    expect(view.getByText('SELECT * FROM unified_profiles.accounts').tagName).toBe('CODE');
    expect(view.getByText(/Predictive traits take up to 48 hours to be ready/)).toBeInTheDocument();
    expect(view.getByText(/The Flex events source, created for you, plus 5 more sources/)).toBeInTheDocument();
    expect(view.getByText(/^3 destinations:/)).toBeInTheDocument();
    expect(view.getByText('2 Unify spaces.')).toBeInTheDocument();
    expect(view.getByText('2 computed traits and 2 predictive traits.')).toBeInTheDocument();
  });

  it('copies the recommended SQL model', async () => {
    const user = userEvent.setup();
    renderView({ readUnifyConfig: async () => buildConfig() });
    const copy = (await setup()).getByRole('button', { name: 'Copy SQL' });
    // The clipboard answers after the click: let React see what that changes.
    await act(() => user.click(copy));
    expect(await screen.findByText('SQL copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('SELECT * FROM unified_profiles.accounts');
  });

  it('saves an admin’s tick for the account, with no revision, and keeps what they type in the connection form', async () => {
    const writes: UnifyConfigWrite[] = [];
    const ticked: UnifySetupChecklist = { steps: { data_source: { done: true, by: 'admin@acme.com', at: AT } } };
    renderView({
      readUnifyConfig: async () => buildConfig(),
      writeUnifyConfig: async (write) => {
        writes.push(write);
        return buildConfig({
          setupChecklist: ticked,
          audit: [{ at: AT, by: 'admin@acme.com', fields: ['setupChecklist.data_source'] }],
        });
      },
    });
    await setup();
    await userEvent.type(screen.getByLabelText('Workspace slug'), '-eu');
    const step1 = stepBox('Step 1 done');
    expect(step1).not.toBeChecked();

    await userEvent.click(step1);
    expect(step1).toBeChecked();
    expect(writes).toEqual([{ setupChecklist: { steps: { data_source: { done: true } } } }]);
    expect(await screen.findByText(/^Ticked off by admin@acme.com, /)).toBeInTheDocument();
    expect(screen.getByText('The four setup steps: 1 of 4 done')).toBeInTheDocument();
    expect(screen.getByLabelText('Workspace slug')).toHaveValue('acme-eu');
    const changes = within(screen.getByRole('region', { name: 'Changes' }));
    expect(changes.getByText(/admin@acme.com changed setup step 1 \(Select the data source\)/)).toBeInTheDocument();
  });

  it('is keyboard operable: Space ticks the focused step', async () => {
    const writes: UnifyConfigWrite[] = [];
    renderView({
      readUnifyConfig: async () => buildConfig(),
      writeUnifyConfig: async (write) => {
        writes.push(write);
        return buildConfig({ setupChecklist: { steps: { identity: { done: true, by: 'admin@acme.com', at: AT } } } });
      },
    });
    await setup();
    stepBox('Step 3 done').focus();
    await userEvent.keyboard(' ');
    expect(writes).toEqual([{ setupChecklist: { steps: { identity: { done: true } } } }]);
    await waitFor(() => expect(stepBox('Step 3 done')).toBeChecked());
    expect(stepBox('Step 3 done')).toHaveFocus();
  });

  it('puts the box back and says why when a tick cannot be saved', async () => {
    renderView({
      readUnifyConfig: async () => buildConfig(),
      writeUnifyConfig: async () => {
        throw new BackendError('config_store_unavailable', 'Sync did not answer.', 503);
      },
    });
    await setup();
    await userEvent.click(stepBox('Step 2 done'));
    expect(await screen.findByText('The step could not be saved: Sync did not answer.')).toBeInTheDocument();
    expect(stepBox('Step 2 done')).not.toBeChecked();
  });

  it('shows a supervisor the progress read-only: who ticked what, no boxes', async () => {
    renderView({
      readUnifyConfig: async () =>
        buildConfig({
          canEdit: false,
          setupChecklist: { steps: { data_source: { done: true, by: 'admin@acme.com', at: AT } } },
        }),
    });
    const view = await setup();
    expect(view.getByText('Only administrators can tick the steps off.')).toBeInTheDocument();
    expect(view.queryByRole('checkbox')).not.toBeInTheDocument();
    const step1 = within(view.getByRole('heading', { name: 'Step 1: Select the data source' }).closest('li')!);
    expect(step1.getByText('Done')).toBeInTheDocument();
    expect(step1.getByText(/Ticked off by admin@acme.com/)).toBeInTheDocument();
    const step2 = within(view.getByRole('heading', { name: 'Step 2: Add connections' }).closest('li')!);
    expect(step2.getByText('Not done yet')).toBeInTheDocument();
    expect(view.getByRole('link', { name: /Create Unify space in Segment/ })).toBeInTheDocument();
  });

  it('lets no one tick while saving is not set up, and says so', async () => {
    renderView({ readUnifyConfig: async () => buildConfig({ configStoreMissing: ['UNIFIED_PROFILES_CONFIG_KEY'] }) });
    const view = await setup();
    expect(view.getByText(/Progress cannot be saved until saving is set up/)).toBeInTheDocument();
    expect(view.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('starts open while no check has passed', async () => {
    renderView({ readUnifyConfig: async () => buildConfig() });
    expect(detailsOf((await setup()).getByText('The four setup steps: 0 of 4 done'))).toHaveAttribute('open');
  });

  it('stays open when a check the admin just ran passes: nothing folds up under their hands', async () => {
    renderView({ readUnifyConfig: async () => buildConfig(), checkUnifyConnection: async () => ({ check: passed }) });
    const summary = (await setup()).getByText('The four setup steps: 0 of 4 done');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText('Ready: agents see customer profiles.');
    expect(detailsOf(summary)).toHaveAttribute('open');
  });

  it('is collapsed when Ready, with the link and the progress still shown, and opens on a click', async () => {
    renderView({
      readUnifyConfig: async () =>
        buildConfig({
          lastCheck: passed,
          setupChecklist: {
            steps: {
              data_source: { done: true, by: 'a', at: AT },
              connections: { done: true, by: 'a', at: AT },
              identity: { done: false, by: 'a', at: AT },
            },
          },
        }),
    });
    const view = await setup();
    const summary = view.getByText('The four setup steps: 2 of 4 done');
    expect(detailsOf(summary)).not.toHaveAttribute('open');
    expect(view.getByRole('link', { name: /Create Unify space in Segment/ })).toBeVisible();
    // The summary is the native disclosure control (Enter and Space open it in a browser: e2e/unify.e2e.ts).
    await userEvent.click(summary);
    await waitFor(() => expect(detailsOf(summary)).toHaveAttribute('open'));
    expect(stepBox('Step 1 done')).toBeChecked();
  });

  it('points a newcomer with nothing connected to the guided setup from the overview', async () => {
    renderView({ readUnifyConfig: async () => buildConfig({ missing: ['SEGMENT_SPACE_ID'] }) });
    const overview = within(await screen.findByRole('region', { name: 'Overview' }));
    expect(overview.getByText(/No Segment workspace yet\? Create one first/)).toBeInTheDocument();
  });
});
