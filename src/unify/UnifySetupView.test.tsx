import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type {
  UnifyCheckResult,
  UnifyConfigResponse,
  UnifyConfigWrite,
} from '../../serverless/src/config/unify-contract';
import { BackendError } from '../backend/FunctionsClient';
import { buildProfile } from '../profile/test-support/profileFixtures';
import { buildConfig as buildBaseConfig, renderView } from './test-support/unifyView';

// The view is a long form: typing into it is slow in jsdom, slower on a busy machine.
jest.setTimeout(20_000);

const CHECKED_AT = '2026-11-29T10:00:00Z';

const buildConfig = (overrides: Partial<UnifyConfigResponse> = {}) =>
  buildBaseConfig({
    audit: [{ at: CHECKED_AT, by: 'admin@acme.com', fields: ['spaceId', 'profileApiToken'] }],
    ...overrides,
  });

function checkResult(overrides: Partial<UnifyCheckResult> = {}): UnifyCheckResult {
  return {
    status: 'passed',
    code: 'ok',
    steps: [{ step: 'profile_api', code: 'ok', status: 'passed', message: 'The Profile API accepted the token.' }],
    checkedAt: CHECKED_AT,
    checkedBy: 'admin@acme.com',
    ms: 240,
    ...overrides,
  };
}

/** The view over the default settings, recording every save (each answered as revision 4). */
function renderRecordingWrites(): UnifyConfigWrite[] {
  const writes: UnifyConfigWrite[] = [];
  renderView({
    readUnifyConfig: async () => buildConfig(),
    writeUnifyConfig: async (write) => {
      writes.push(write);
      return buildConfig({ revision: '4' });
    },
  });
  return writes;
}

const overview = () => within(screen.getByRole('region', { name: 'Overview' }));

describe('Unify view: overview', () => {
  it('says Degraded, not Ready, while lookups fail fast because Segment stopped answering', async () => {
    renderView({
      readUnifyConfig: async () =>
        buildConfig({ lastCheck: checkResult(), segmentHealth: { degraded: true, since: CHECKED_AT } }),
    });
    expect(await screen.findByText('Degraded: Segment is not answering, so agents’ lookups fail.')).toBeInTheDocument();
    expect(overview().getByText(/most calls to Segment have failed/)).toBeInTheDocument();
    expect(overview().queryByText('Ready: agents see customer profiles.')).not.toBeInTheDocument();
  });

  it('never says Ready before a check passed, and says Ready after one did', async () => {
    renderView({
      readUnifyConfig: async () => buildConfig(),
      checkUnifyConnection: async () => ({ check: checkResult() }),
    });
    await screen.findByText('Connected, not checked yet.');
    expect(screen.queryByText('Ready: agents see customer profiles.')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await overview().findByText('Ready: agents see customer profiles.')).toBeInTheDocument();
    expect(overview().getByText(/Checked .* by admin@acme.com\./)).toBeInTheDocument();
    expect(overview().getByText('Workspace acme · space spa_9x · United States')).toBeInTheDocument();
  });

  it('names the fault and the fix when the last check failed', async () => {
    const failed = checkResult({
      status: 'failed',
      code: 'token_rejected',
      steps: [
        { step: 'profile_api', code: 'token_rejected', status: 'failed', message: 'Segment rejected the token.' },
      ],
    });
    renderView({ readUnifyConfig: async () => buildConfig({ lastCheck: failed }) });
    await screen.findByRole('region', { name: 'Overview' });
    expect(await overview().findByText('Failing: agents cannot see customer profiles.')).toBeInTheDocument();
    expect(overview().getByText('Segment rejected the token.')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Check results' })).toHaveTextContent('Failed');
  });

  it('says what is missing when nothing is connected', async () => {
    renderView({
      readUnifyConfig: async () => buildConfig({ missing: ['SEGMENT_SPACE_ID', 'SEGMENT_PROFILE_API_TOKEN'] }),
    });
    expect(await screen.findByText('Not connected: agents see no customer profiles.')).toBeInTheDocument();
    expect(screen.getByText('Missing: SEGMENT_SPACE_ID, SEGMENT_PROFILE_API_TOKEN.')).toBeInTheDocument();
  });

  it('adds no second main landmark to Flex’s layout', async () => {
    renderView({ readUnifyConfig: async () => buildConfig() });
    await screen.findByRole('region', { name: 'Segment Unify' });
    expect(screen.queryByRole('main')).not.toBeInTheDocument();
  });
});

describe('Unify view: connect', () => {
  it('shows a set secret only as set with its last four characters, and sends only what changed', async () => {
    const writes = renderRecordingWrites();
    const token = await screen.findByLabelText('Profile API token');
    expect(token).toHaveValue('');
    expect(token).toHaveAttribute('placeholder', 'Set, ending in k3n9 (type to replace)');
    expect(token).toHaveAttribute('type', 'password');

    await userEvent.clear(screen.getByLabelText('Unify space ID'));
    await userEvent.type(screen.getByLabelText('Unify space ID'), 'spa_new1');
    await userEvent.selectOptions(screen.getByLabelText('Region'), 'eu');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));

    expect(writes).toEqual([{ revision: '3', spaceId: 'spa_new1', region: 'eu' }]);
    expect(await screen.findByText(/Saved\. Every lookup uses it within 10 seconds/)).toBeInTheDocument();
  });

  it('keeps what the admin is typing when a connection test comes back', async () => {
    renderView({
      readUnifyConfig: async () => buildConfig(),
      checkUnifyConnection: async () => ({ check: checkResult() }),
    });
    await userEvent.clear(await screen.findByLabelText('Unify space ID'));
    await userEvent.type(screen.getByLabelText('Unify space ID'), 'spa_typed');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await overview().findByText('Ready: agents see customer profiles.');
    expect(screen.getByLabelText('Unify space ID')).toHaveValue('spa_typed');
  });

  it('checks each field as an admin types it, before anything is sent', async () => {
    const writeUnifyConfig = jest.fn();
    renderView({ readUnifyConfig: async () => buildConfig(), writeUnifyConfig });
    await userEvent.clear(await screen.findByLabelText('Unify space ID'));
    await userEvent.type(screen.getByLabelText('Unify space ID'), 'my space');
    await userEvent.type(screen.getByLabelText('Workspace slug'), ' Acme Inc');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));

    expect(screen.getByLabelText('Unify space ID')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('A Unify space ID starts with spa_ followed by letters and digits.')).toBeInTheDocument();
    expect(screen.getByText(/Use the slug from your Segment URL/)).toBeInTheDocument();
    expect(writeUnifyConfig).not.toHaveBeenCalled();
  });

  it('shows the Functions’ field errors beside their fields', async () => {
    renderView({
      readUnifyConfig: async () => buildConfig(),
      writeUnifyConfig: async () => {
        throw new BackendError('invalid_config', 'Some settings are not valid.', 400, {
          error: { code: 'invalid_config', message: 'x', fields: { profileApiToken: 'The token has a space in it.' } },
        });
      },
    });
    await userEvent.type(await screen.findByLabelText('Profile API token'), 'abcdefgh1234');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByText('The token has a space in it.')).toBeInTheDocument();
  });

  it('tells an admin who saved first and what they changed, and shows their settings', async () => {
    const theirs = buildConfig({ revision: '4', connection: { ...buildConfig().connection, spaceId: 'spa_theirs' } });
    renderView({
      readUnifyConfig: async () => buildConfig(),
      writeUnifyConfig: async () => {
        throw new BackendError('config_conflict', 'Changed meanwhile.', 409, {
          error: {
            code: 'config_conflict',
            message: 'Changed meanwhile.',
            changedFields: ['spaceId'],
            changedBy: 'sam@acme.com',
            changedAt: CHECKED_AT,
          },
          current: theirs,
        });
      },
    });
    await userEvent.type(await screen.findByLabelText('Workspace slug'), '-eu');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));

    expect(await screen.findByText('sam@acme.com saved the connection while you were editing.')).toBeInTheDocument();
    expect(screen.getByText(/They changed: Unify space ID\./)).toBeInTheDocument();
    expect(screen.getByLabelText('Unify space ID')).toHaveValue('spa_theirs');
  });

  it('gives a supervisor the settings read-only', async () => {
    renderView({ readUnifyConfig: async () => buildConfig({ canEdit: false }) });
    expect(await screen.findByText('Only administrators can change the connection.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save connection' })).not.toBeInTheDocument();
    expect(screen.getByText('Set, ending in k3n9 (type to replace)')).toBeInTheDocument();
  });

  it('lists who changed what, never a secret value', async () => {
    renderView({ readUnifyConfig: async () => buildConfig() });
    const changes = within(await screen.findByRole('region', { name: 'Changes' }));
    expect(changes.getByText(/admin@acme.com changed Unify space ID, Profile API token/)).toBeInTheDocument();
  });

  it('offers a retry when the settings cannot be read', async () => {
    const answers = [
      async () => {
        throw new BackendError('forbidden', 'Only supervisors and admins can read the Unify settings.', 403);
      },
      async () => buildConfig(),
    ];
    renderView({ readUnifyConfig: () => answers.shift()!() });
    expect(await screen.findByText('The connection settings could not be read')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Connected, not checked yet.')).toBeInTheDocument();
  });
});

describe('Unify view: two settings forms', () => {
  it('saves the connection without losing what the admin is editing for agents, and says so in that form only', async () => {
    const writes: UnifyConfigWrite[] = [];
    renderView({
      readUnifyConfig: async () => buildConfig(),
      writeUnifyConfig: async (write) => {
        writes.push(write);
        return buildConfig({ revision: '4', connection: { ...buildConfig().connection, spaceId: 'spa_new' } });
      },
    });
    const agentView = within(await screen.findByRole('region', { name: 'What agents see' }));
    await userEvent.type(agentView.getByLabelText('Another trait to highlight'), 'lifetime_orders{Enter}');
    const connect = within(screen.getByRole('region', { name: 'Connect an existing workspace' }));
    await userEvent.clear(connect.getByLabelText('Unify space ID'));
    await userEvent.type(connect.getByLabelText('Unify space ID'), 'spa_new');
    await userEvent.click(connect.getByRole('button', { name: 'Save connection' }));

    expect(writes).toEqual([{ revision: '3', spaceId: 'spa_new' }]);
    expect(await connect.findByRole('status')).toHaveTextContent(/Saved\. Every lookup uses it/);
    expect(agentView.queryByRole('status')).not.toBeInTheDocument();
    expect(agentView.getByLabelText('lifetime_orders')).toBeChecked(); // still there, still unsaved

    await userEvent.click(agentView.getByRole('button', { name: 'Save what agents see' }));
    expect(writes[1]).toEqual({
      revision: '4',
      highlightedTraits: ['total_inbounds', 'frequent_inbound_channel', 'lifetime_orders'],
    });
  });
});

describe('Unify view: a save on its way', () => {
  it('keeps what the admin typed while their save was on its way, and holds the other form’s save till it answers', async () => {
    const writes: UnifyConfigWrite[] = [];
    let answer: (config: UnifyConfigResponse) => void = () => undefined;
    renderView({
      readUnifyConfig: async () => buildConfig(),
      writeUnifyConfig: (write) => {
        writes.push(write);
        return new Promise((resolve) => (answer = resolve));
      },
    });
    const agentView = within(await screen.findByRole('region', { name: 'What agents see' }));
    const connect = within(screen.getByRole('region', { name: 'Connect an existing workspace' }));
    await userEvent.type(agentView.getByLabelText('Another trait to highlight'), 'lifetime_orders{Enter}');
    await userEvent.click(agentView.getByRole('button', { name: 'Save what agents see' }));
    expect(connect.getByRole('button', { name: 'Save connection' })).toBeDisabled();

    await userEvent.type(agentView.getByLabelText('Another trait to highlight'), 'vip{Enter}');
    const saved = ['total_inbounds', 'frequent_inbound_channel', 'lifetime_orders'];
    answer(buildConfig({ revision: '4', connection: { ...buildConfig().connection, highlightedTraits: saved } }));
    expect(await agentView.findByRole('status')).toHaveTextContent(/Saved\. Every lookup uses it/);
    expect(agentView.getByLabelText('vip')).toBeChecked(); // typed after sending: kept, to save next
    expect(connect.getByRole('button', { name: 'Save connection' })).toBeEnabled();

    await userEvent.click(agentView.getByRole('button', { name: 'Save what agents see' }));
    expect(writes[1]).toEqual({ revision: '4', highlightedTraits: [...saved, 'vip'] });
  });
});

describe('Unify view: identifier priority', () => {
  it('reorders, adds and removes identifiers with buttons, and saves the order', async () => {
    const writes = renderRecordingWrites();
    await userEvent.click(await screen.findByRole('button', { name: 'Move Phone up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove User ID' }));
    await userEvent.selectOptions(screen.getByLabelText('Add an identifier'), 'anonymous_id');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('button', { name: 'Move Phone up' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Save what agents see' }));
    expect(writes).toEqual([{ revision: '3', identifierPriority: ['phone', 'email', 'anonymous_id'] }]);
  });

  it('shows a supervisor the order read-only', async () => {
    renderView({ readUnifyConfig: async () => buildConfig({ canEdit: false }) });
    expect(await screen.findByText('User ID › Email › Phone')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Move Phone up' })).not.toBeInTheDocument();
  });
});

describe('Unify view: interactions sent to Segment', () => {
  const withExcluded = (engagementExcludedChannels: string[], overrides: Partial<UnifyConfigResponse> = {}) =>
    buildConfig({ connection: { ...buildConfig().connection, engagementExcludedChannels }, ...overrides });
  // By label, not by role: role queries over the whole form are slow in jsdom.
  const box = (name: string) => screen.getByLabelText(name, { selector: 'input[type="checkbox"]' });

  it('sends every channel by default; unticking SMS and saving excludes sms', async () => {
    const writes = renderRecordingWrites();
    await screen.findByLabelText('SMS');
    expect(screen.getByText('Interactions sent to Segment')).toBeInTheDocument();
    for (const name of ['Voice', 'SMS', 'WhatsApp', 'Web chat', 'Email', 'Messenger']) expect(box(name)).toBeChecked();
    const sms = box('SMS');
    expect(
      screen.getByText(
        'Flex - Engagement Initiated/Completed events for these channels feed Total inbounds and the history. Unticked channels are never sent.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(sms);
    expect(sms).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(writes).toEqual([{ revision: '3', engagementExcludedChannels: ['sms'] }]);
  });

  it('shows a channel type of the contact center’s own that is excluded, unticked, and sends it again once ticked', async () => {
    const writes: UnifyConfigWrite[] = [];
    renderView({
      readUnifyConfig: async () => withExcluded(['email', 'fax']),
      writeUnifyConfig: async (write) => {
        writes.push(write);
        return withExcluded([], { revision: '4' });
      },
    });
    const fax = await screen.findByLabelText('fax');
    expect(fax).not.toBeChecked();
    expect(box('Email')).not.toBeChecked();
    expect(box('Voice')).toBeChecked();

    await userEvent.click(fax);
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(writes).toEqual([{ revision: '3', engagementExcludedChannels: ['email'] }]);
  });

  it('sends nothing about channels when they did not change', async () => {
    const writes = renderRecordingWrites();
    await userEvent.click(await screen.findByLabelText('Voice'));
    await userEvent.click(box('Voice'));
    await userEvent.type(screen.getByLabelText('Workspace slug'), '-eu');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(writes).toEqual([{ revision: '3', workspaceSlug: 'acme-eu' }]);
  });

  it('shows the Functions’ error for the channels beside them', async () => {
    renderView({
      readUnifyConfig: async () => buildConfig(),
      writeUnifyConfig: async () => {
        throw new BackendError('invalid_config', 'Some settings are not valid.', 400, {
          error: {
            code: 'invalid_config',
            message: 'x',
            fields: { engagementExcludedChannels: 'List at most 20 channel types to exclude.' },
          },
        });
      },
    });
    await userEvent.click(await screen.findByLabelText('Email'));
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByText('List at most 20 channel types to exclude.')).toBeInTheDocument();
  });

  it('shows a supervisor which channels are sent, read-only', async () => {
    renderView({ readUnifyConfig: async () => withExcluded(['sms', 'email'], { canEdit: false }) });
    expect(await screen.findByText('All channels except SMS, Email')).toBeInTheDocument();
    expect(screen.queryByLabelText('SMS')).not.toBeInTheDocument();
  });

  it('tells a supervisor every channel is sent when none is excluded', async () => {
    renderView({ readUnifyConfig: async () => buildConfig({ canEdit: false }) });
    expect(await screen.findByText('All channels')).toBeInTheDocument();
  });

  it('names the setting in the change history', async () => {
    renderView({
      readUnifyConfig: async () =>
        buildConfig({ audit: [{ at: CHECKED_AT, by: 'admin@acme.com', fields: ['engagementExcludedChannels'] }] }),
    });
    const changes = within(await screen.findByRole('region', { name: 'Changes' }));
    expect(changes.getByText(/admin@acme.com changed Interactions sent to Segment/)).toBeInTheDocument();
  });
});

describe('Unify view: highlighted traits', () => {
  const withHighlights = (highlightedTraits: string[] | undefined, overrides: Partial<UnifyConfigResponse> = {}) =>
    buildConfig({ connection: { ...buildConfig().connection, highlightedTraits }, ...overrides });
  const box = (name: string) => screen.getByLabelText(name, { selector: 'input[type="checkbox"]' });
  const TOTAL = 'Total inbounds (total_inbounds), recommended';
  const CHANNEL = 'Frequent inbound channel (frequent_inbound_channel), recommended';

  it('preselects the recommended traits when nothing is saved, and adds one typed by keyboard', async () => {
    const writes = renderRecordingWrites();
    await screen.findByText('Highlighted traits');
    expect(box(TOTAL)).toBeChecked();
    expect(box(CHANNEL)).toBeChecked();

    const field = screen.getByLabelText('Another trait to highlight');
    await userEvent.type(field, 'lifetime_orders{Enter}');
    expect(box('lifetime_orders')).toBeChecked();
    expect(field).toHaveValue('');
    expect(writes).toEqual([]); // Enter adds the trait; it does not save

    await userEvent.click(box(CHANNEL));
    await userEvent.click(screen.getByRole('button', { name: 'Save what agents see' }));
    expect(writes).toEqual([{ revision: '3', highlightedTraits: ['total_inbounds', 'lifetime_orders'] }]);
  });

  it('refuses a trait name with a space, and a thirteenth trait, beside the field', async () => {
    const twelve = Array.from({ length: 12 }, (_, n) => `trait_${n}`);
    renderView({ readUnifyConfig: async () => withHighlights(twelve) });
    const field = await screen.findByLabelText('Another trait to highlight');
    await userEvent.type(field, 'lifetime orders');
    await userEvent.click(screen.getByRole('button', { name: 'Add trait' }));
    expect(screen.getByText(/Use the trait name as Segment shows it/)).toBeInTheDocument();

    await userEvent.clear(field);
    await userEvent.type(field, 'one_more{Enter}');
    expect(screen.getByText('Highlight at most 12 traits: untick one first.')).toBeInTheDocument();
    expect(screen.queryByLabelText('one_more')).not.toBeInTheDocument();
  });

  it('sends nothing about highlights when they did not change, and shows the Functions’ error beside them', async () => {
    const writes: UnifyConfigWrite[] = [];
    renderView({
      readUnifyConfig: async () => withHighlights(['likelihood_to_churn']),
      writeUnifyConfig: async (write) => {
        writes.push(write);
        throw new BackendError('invalid_config', 'Some settings are not valid.', 400, {
          error: {
            code: 'invalid_config',
            message: 'x',
            fields: { highlightedTraits: 'Highlight at most 12 traits.' },
          },
        });
      },
    });
    expect(await screen.findByLabelText('likelihood_to_churn')).toBeChecked();
    expect(box(TOTAL)).not.toBeChecked();
    await userEvent.click(box(TOTAL));
    await userEvent.click(box(TOTAL));
    await userEvent.click(screen.getByRole('button', { name: 'Save what agents see' }));
    expect(writes[0]).toEqual({ revision: '3' });

    await userEvent.click(box(TOTAL));
    await userEvent.click(screen.getByRole('button', { name: 'Save what agents see' }));
    expect(writes[1]).toEqual({ revision: '3', highlightedTraits: ['total_inbounds', 'likelihood_to_churn'] });
    expect(await screen.findByText('Highlight at most 12 traits.')).toBeInTheDocument();
  });

  it('shows a supervisor the highlighted traits read-only, and names the setting in the change history', async () => {
    renderView({
      readUnifyConfig: async () =>
        withHighlights(['total_inbounds', 'likelihood_to_churn'], {
          canEdit: false,
          audit: [{ at: CHECKED_AT, by: 'admin@acme.com', fields: ['highlightedTraits'] }],
        }),
    });
    expect(await screen.findByText('Total inbounds, likelihood_to_churn')).toBeInTheDocument();
    expect(screen.queryByLabelText('Another trait to highlight')).not.toBeInTheDocument();
    const changes = within(screen.getByRole('region', { name: 'Changes' }));
    expect(changes.getByText(/admin@acme.com changed Highlighted traits/)).toBeInTheDocument();
  });
});

describe('Unify view: trait display names and types', () => {
  // Typing into a form this size is slow in jsdom.
  const SLOW = 20_000;
  const withDisplay = (traitDisplay: UnifyConfigResponse['connection']['traitDisplay'], overrides = {}) =>
    buildConfig({ connection: { ...buildConfig().connection, traitDisplay }, ...overrides });

  it(
    'adds a row by keyboard, names and types a trait, asks for a currency only for a currency, and saves it',
    async () => {
      const writes = renderRecordingWrites();
      const add = await screen.findByRole('button', { name: 'Add a trait' });
      expect(screen.getByText('Trait display names and types')).toBeInTheDocument();
      add.focus();
      await userEvent.keyboard('{Enter}');
      const name = screen.getByLabelText('Trait name, row 1');
      expect(name).toHaveFocus();
      await userEvent.keyboard('lifetime_value');
      await userEvent.type(screen.getByLabelText('Display name, row 1'), 'Lifetime spend');
      expect(screen.queryByLabelText('Currency code, row 1')).not.toBeInTheDocument();
      await userEvent.selectOptions(screen.getByLabelText('Type, row 1'), 'Currency');
      await userEvent.type(screen.getByLabelText('Currency code, row 1'), 'eur');

      await userEvent.click(screen.getByRole('button', { name: 'Add a trait' }));
      await userEvent.type(screen.getByLabelText('Trait name, row 2'), 'churn_score');
      await userEvent.selectOptions(
        screen.getByLabelText('Type, row 2'),
        'Reversed percentile (low is good, like a risk)',
      );
      await userEvent.click(screen.getByRole('button', { name: 'Save what agents see' }));
      expect(writes).toEqual([
        {
          revision: '3',
          traitDisplay: {
            lifetime_value: { label: 'Lifetime spend', type: 'currency', currency: 'EUR' },
            churn_score: { type: 'reversedPercentile' },
          },
        },
      ]);
    },
    SLOW,
  );

  it(
    'says what is wrong with a row before anything is sent',
    async () => {
      const writes = renderRecordingWrites();
      await userEvent.click(await screen.findByRole('button', { name: 'Add a trait' }));
      await userEvent.type(screen.getByLabelText('Trait name, row 1'), 'lifetime value');
      await userEvent.type(screen.getByLabelText('Display name, row 1'), 'Spend');
      await userEvent.click(screen.getByRole('button', { name: 'Save what agents see' }));
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Row 1: use the trait name as Segment shows it, with no spaces.',
      );
      await userEvent.clear(screen.getByLabelText('Trait name, row 1'));
      await userEvent.type(screen.getByLabelText('Trait name, row 1'), 'plan');
      await userEvent.clear(screen.getByLabelText('Display name, row 1'));
      await userEvent.click(screen.getByRole('button', { name: 'Save what agents see' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Row 1: set a display name or a type, or remove the row.');
      expect(writes).toEqual([]);
    },
    SLOW,
  );

  it(
    'shows the saved rows, removes one (focus stays in the table), and clears them all with null',
    async () => {
      const writes: UnifyConfigWrite[] = [];
      renderView({
        readUnifyConfig: async () => withDisplay({ plan: { label: 'Plan' }, vip: { type: 'boolean' } }),
        writeUnifyConfig: async (write) => {
          writes.push(write);
          return buildConfig({ revision: '4' });
        },
      });
      expect(await screen.findByLabelText('Trait name, row 1')).toHaveValue('plan');
      expect(screen.getByLabelText('Type, row 2')).toHaveValue('boolean');
      await userEvent.click(screen.getByRole('button', { name: 'Remove row 1' }));
      expect(screen.getByLabelText('Trait name, row 1')).toHaveValue('vip');
      expect(screen.getByLabelText('Trait name, row 1')).toHaveFocus();
      await userEvent.click(screen.getByRole('button', { name: 'Save what agents see' }));
      expect(writes[0]).toEqual({ revision: '3', traitDisplay: { vip: { type: 'boolean' } } });
    },
    SLOW,
  );

  it(
    'sends nothing about display when it did not change; clears with null when every row is removed',
    async () => {
      const writes: UnifyConfigWrite[] = [];
      renderView({
        readUnifyConfig: async () => withDisplay({ plan: { label: 'Plan' } }),
        writeUnifyConfig: async (write) => {
          writes.push(write);
          return withDisplay({ plan: { label: 'Plan' } }, { revision: '3' });
        },
      });
      await userEvent.click(await screen.findByRole('button', { name: 'Save what agents see' }));
      expect(writes[0]).toEqual({ revision: '3' });
      await userEvent.click(screen.getByRole('button', { name: 'Remove row 1' }));
      expect(screen.getByRole('button', { name: 'Add a trait' })).toHaveFocus();
      await userEvent.click(screen.getByRole('button', { name: 'Save what agents see' }));
      expect(writes[1]).toEqual({ revision: '3', traitDisplay: null });
    },
    SLOW,
  );

  it(
    'shows a supervisor the names and types read-only',
    async () => {
      renderView({
        readUnifyConfig: async () =>
          withDisplay(
            { lifetime_value: { label: 'Lifetime spend', type: 'currency', currency: 'EUR' } },
            { canEdit: false },
          ),
      });
      expect(await screen.findByText('lifetime_value: Lifetime spend (Currency, EUR)')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Add a trait' })).not.toBeInTheDocument();
    },
    SLOW,
  );
});

describe('Unify view: Customer tab layout and its preview', () => {
  it('adds a trait group, previews it live for a customer of the space before saving, then saves it', async () => {
    const writes: UnifyConfigWrite[] = [];
    const looked: string[] = [];
    renderView({
      readUnifyConfig: async () => buildConfig(),
      writeUnifyConfig: async (write) => {
        writes.push(write);
        return buildConfig({ revision: '4' });
      },
      lookupProfile: async (request) => {
        looked.push(String(request.identifier));
        return { profile: buildProfile() };
      },
    });
    const agentView = within(await screen.findByRole('region', { name: 'What agents see' }));
    await userEvent.type(agentView.getByLabelText('Customer to preview'), 'email:ana.garcia@example.com');
    await userEvent.click(agentView.getByRole('button', { name: 'Show preview' }));
    const preview = within(await screen.findByRole('region', { name: 'Preview of the Customer tab for Ana García' }));
    expect(looked).toEqual(['email:ana.garcia@example.com']);
    expect(preview.queryByRole('button', { name: 'Refresh' })).not.toBeInTheDocument(); // no agent actions here
    expect(await preview.findByText('San Francisco')).toBeInTheDocument();
    expect(preview.queryByRole('heading', { name: 'Billing' })).not.toBeInTheDocument();

    await userEvent.click(agentView.getByRole('button', { name: 'Add group' }));
    await userEvent.type(agentView.getByLabelText('Title'), 'Billing');
    await userEvent.type(within(agentView.getByRole('group', { name: /^Group 1/ })).getByLabelText('Traits'), 'plan');
    expect(await preview.findByRole('heading', { name: 'Billing' })).toBeInTheDocument(); // before any save
    expect(writes).toEqual([]);

    await userEvent.click(agentView.getByRole('button', { name: 'Save what agents see' }));
    expect(writes).toEqual([{ revision: '3', customerTab: { traitGroups: [{ title: 'Billing', traits: ['plan'] }] } }]);
  });

  it('says what to do when the customer to preview is not in the space, or not typed', async () => {
    renderView({
      readUnifyConfig: async () => buildConfig(),
      lookupProfile: async () => {
        throw new BackendError('profile_not_found', 'No Segment profile matches this customer.', 404);
      },
    });
    const agentView = within(await screen.findByRole('region', { name: 'What agents see' }));
    const field = agentView.getByLabelText('Customer to preview');
    await userEvent.click(agentView.getByRole('button', { name: 'Show preview' }));
    expect(field).toHaveAccessibleDescription(/Type a customer to preview, such as email:ana@example.com/);
    await userEvent.type(field, 'email:nobody@example.com{Enter}');
    expect(
      await agentView.findByText(/No profile in the connected space has email:nobody@example.com/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Preview of the Customer tab/ })).not.toBeInTheDocument();
  });

  it('refuses a layout that does not read before sending, marking the field', async () => {
    const writes = renderRecordingWrites();
    const agentView = within(await screen.findByRole('region', { name: 'What agents see' }));
    await userEvent.type(agentView.getByLabelText('Name traits'), 'first name');
    await userEvent.click(agentView.getByRole('button', { name: 'Save what agents see' }));
    expect(agentView.getByLabelText('Name traits')).toBeInvalid();
    expect(writes).toEqual([]);
  });

  it('shows a supervisor the layout in one line, and names it in the change history', async () => {
    renderView({
      readUnifyConfig: async () =>
        buildConfig({
          canEdit: false,
          connection: {
            ...buildConfig().connection,
            customerTab: { traitGroups: [{ title: 'Billing', traits: ['plan'] }] },
          },
          audit: [{ at: CHECKED_AT, by: 'admin@acme.com', fields: ['customerTab'] }],
        }),
    });
    expect(await screen.findByText('Customer tab layout')).toBeInTheDocument();
    expect(screen.getByText(/1 trait group/)).toBeInTheDocument();
    const changes = within(screen.getByRole('region', { name: 'Changes' }));
    expect(changes.getByText(/admin@acme.com changed Customer tab layout/)).toBeInTheDocument();
  });
});
