import * as React from 'react';
import { ITask, withTaskContext } from '@twilio/flex-ui';
import { useSelector } from 'react-redux';
import { Box } from '@twilio-paste/core/box';
import { SkeletonLoader } from '@twilio-paste/core/skeleton-loader';

import type { EngagementOutbox } from '../engagement/engagementOutbox';
import { OutboxStatus } from '../engagement/OutboxStatus';
import { WrapupNote } from '../engagement/WrapupNote';
import { PanelErrorBoundary } from '../shared/PanelErrorBoundary';
import { useStrings } from '../shared/PluginProviders';
import { FailureWithRetry, LoadingStatus, TitledAlert } from '../shared/StatusMessages';
import type { RootStateWithPlugin } from '../shared/pluginState';
import { useNow } from '../shared/useNow';
import { failureWordsKey } from './failureWords';
import { identifierInWords, identifierTypeName } from '../shared/identifierFormat';
import { headerNameOf } from './header/headerLayout';
import { UnlinkConfirmation } from './header/UnlinkConfirmation';
import type { ProfileLoader } from './profileLoader';
import {
  selectHistoryPagesForTask,
  selectIdentifierSettings,
  selectLookupForTask,
  selectProfileForTask,
} from './profileSlice';
import { ProfileView } from './ProfileView';
import { CustomerSearch } from './search/CustomerSearch';
import { SEARCH_TYPES, searchTypesOf, splitTypedValue, taskContactOf } from './search/searchIdentifier';
import { attributesWithLink, attributesWithoutLink, canLinkTask, isLinkedTo, readTaskLink } from './taskLink';

interface CustomerTabProps {
  task?: ITask;
  loader: ProfileLoader;
  /** Where the task's engagement events wait for Segment; absent, no wrap-up note is offered. */
  outbox?: EngagementOutbox;
}

/** While the first answer is on its way: the header's shape, never a "No name recorded" flash. */
function LoadingProfile() {
  const t = useStrings();
  return (
    <Box display="flex" flexDirection="column" rowGap="space40">
      <Box display="flex" columnGap="space40" alignItems="center">
        <SkeletonLoader width="48px" height="48px" borderRadius="borderRadiusCircle" />
        <Box flexGrow={1} display="flex" flexDirection="column" rowGap="space20">
          <SkeletonLoader height="24px" width="60%" />
          <SkeletonLoader height="16px" width="40%" />
        </Box>
      </Box>
      <LoadingStatus>{t('UnifiedProfilesLoading')}</LoadingStatus>
    </Box>
  );
}

/** The identifier a search was made with, as `{type, value}`, when it was typed as `type:value`. */
const searchedAsIdentifier = (searched: string | undefined) => {
  const typed = searched ? splitTypedValue(searched) : undefined;
  return typed?.type ? { type: typed.type, value: typed.value } : undefined;
};

/** The "Customer" tab beside a task: who this is, from Segment, or a search when nobody matched. */
export function CustomerTabContent({ task, loader, outbox }: CustomerTabProps) {
  const t = useStrings();
  const now = useNow();
  const taskSid = task?.taskSid ?? '';
  // react-redux's useSelector: Flex's useFlexSelector hands selectors only `state.flex`, not plugin namespaces.
  const lookup = useSelector((state: RootStateWithPlugin) => selectLookupForTask(state, taskSid));
  const profile = useSelector((state: RootStateWithPlugin) => selectProfileForTask(state, taskSid));
  const history = useSelector((state: RootStateWithPlugin) => selectHistoryPagesForTask(state, taskSid));
  const identifierSettings = useSelector((state: RootStateWithPlugin) => selectIdentifierSettings(state));
  const [linking, setLinking] = React.useState(false);
  const [linkError, setLinkError] = React.useState<string>();
  const [confirmingUnlink, setConfirmingUnlink] = React.useState(false);

  React.useEffect(() => {
    // Usually a no-op: the reservation already started the lookup before the agent got here.
    if (task) void loader.loadForTask(task.taskSid, task.attributes);
  }, [task, loader]);

  if (!task) return null;
  const attributes = task.attributes as Record<string, unknown>;
  const link = readTaskLink(attributes);
  const search = (identifier: string) => void loader.searchForTask(taskSid, identifier);
  const searched = searchedAsIdentifier(lookup?.searchedIdentifier);
  const contact = taskContactOf(attributes);
  const inWords = (identifier: { type: string; value: string }) =>
    identifierInWords(identifier, t, [], identifierSettings);
  const searchChoices = searchTypesOf(identifierSettings);
  const searchOff = searchChoices.length === 0;
  // The built-in sentence names the default types; once an admin changed them, the list says which.
  const searchIntro =
    searchChoices.join() === SEARCH_TYPES.join()
      ? t('UnifiedProfilesSearchIntro')
      : t('UnifiedProfilesSearchIntroTypes', {
          types: searchChoices.map((type) => identifierTypeName(type, t, identifierSettings)).join(', '),
        });

  /** Writes the task's attributes as Flex does (TaskRouter keeps them; a transfer carries them). */
  const writeAttributes = async (
    next: Record<string, unknown>,
    failureKey: 'UnifiedProfilesLinkFailed' | 'UnifiedProfilesUnlinkFailed',
  ) => {
    setLinking(true);
    setLinkError(undefined);
    try {
      await task.setAttributes(next);
      return true;
    } catch {
      setLinkError(t(failureKey));
      return false;
    } finally {
      setLinking(false);
    }
  };

  const unlink = async () => {
    setConfirmingUnlink(false);
    if (await writeAttributes(attributesWithoutLink(attributes), 'UnifiedProfilesUnlinkFailed'))
      loader.showSearchForTask(taskSid);
  };

  let body: React.ReactNode;
  if (!lookup || lookup.status === 'loading') {
    body = <LoadingProfile />;
  } else if (lookup.status === 'found' && profile) {
    const linked = isLinkedTo(link, profile);
    body = (
      <ProfileView
        profile={profile}
        lookup={lookup}
        history={history}
        linked={linked}
        now={now}
        onLoadMoreHistory={() => void loader.loadMoreHistory(taskSid)}
        actions={{
          linking,
          onRefresh: () => void loader.refreshForTask(taskSid, attributes),
          onSearchAnother: searchOff ? undefined : () => loader.showSearchForTask(taskSid),
          onLink:
            !linked && canLinkTask(task)
              ? () =>
                  void writeAttributes(attributesWithLink(attributes, profile, new Date()), 'UnifiedProfilesLinkFailed')
              : undefined,
          onUnlink: linked && canLinkTask(task) ? () => setConfirmingUnlink(true) : undefined,
        }}
      />
    );
  } else if (lookup.status === 'searching') {
    body = (
      <>
        {/* With every type turned off, the search below says so instead. */}
        {!searchOff && (
          <TitledAlert variant="neutral" title={t('UnifiedProfilesSearchTitle')}>
            {searchIntro}
          </TitledAlert>
        )}
        <CustomerSearch
          taskSid={taskSid}
          initial={contact}
          focusOnShow
          onSearch={search}
          onCancel={() => void loader.retryForTask(taskSid, attributes)}
        />
      </>
    );
  } else if (lookup.status === 'not_found') {
    const lookedUp = searched ?? contact;
    body = (
      <>
        <TitledAlert
          variant="neutral"
          title={
            lookedUp
              ? t('UnifiedProfilesNotFoundFor', { identifier: inWords(lookedUp) })
              : t('UnifiedProfilesNotFoundTitle')
          }
        >
          {t('UnifiedProfilesNotFoundBody')}
        </TitledAlert>
        <CustomerSearch key={lookup.requestId} taskSid={taskSid} initial={searched ?? contact} onSearch={search} />
      </>
    );
  } else if (lookup.error?.code === 'invalid_identifier' && lookup.searchedIdentifier) {
    // The Functions refused what was typed: a typing mistake, answered beside the field.
    body = (
      <CustomerSearch
        key={lookup.requestId}
        taskSid={taskSid}
        initial={searched}
        serverProblem={lookup.error.message}
        onSearch={search}
      />
    );
  } else {
    body = (
      <>
        <FailureWithRetry
          title={t('UnifiedProfilesErrorTitle')}
          retryLabel={t('UnifiedProfilesRetry')}
          onRetry={() => void loader.retryForTask(taskSid, attributes)}
        >
          {lookup.searchedIdentifier && searched
            ? t('UnifiedProfilesSearchFailedFor', { identifier: inWords(searched) }) + ' '
            : ''}
          {t(failureWordsKey(lookup.error?.code))}
        </FailureWithRetry>
        <CustomerSearch key={lookup.requestId} taskSid={taskSid} initial={searched ?? contact} onSearch={search} />
      </>
    );
  }

  return (
    <Box padding="space60" overflowY="auto" data-testid="unified-profiles-customer-tab">
      {outbox && <OutboxStatus outbox={outbox} />}
      {outbox && task.status === 'wrapping' && <WrapupNote taskSid={taskSid} />}
      {linkError && (
        <Box marginBottom="space40">
          <TitledAlert variant="error" title={linkError}>
            {t('UnifiedProfilesLinkRetryHint')}
          </TitledAlert>
        </Box>
      )}
      {confirmingUnlink && (
        <UnlinkConfirmation
          name={(profile && headerNameOf(profile)) ?? t('UnifiedProfilesNoName')}
          onConfirm={() => void unlink()}
          onCancel={() => setConfirmingUnlink(false)}
        />
      )}
      {body}
    </Box>
  );
}

/**
 * One tab state per task: if Flex reuses the canvas for another task, an open confirmation, a link
 * error or an error card does not carry over to the other customer.
 */
function CustomerTabForTask(props: CustomerTabProps) {
  const taskSid = props.task?.taskSid;
  return (
    <PanelErrorBoundary key={taskSid} area="Customer tab">
      <CustomerTabContent key={taskSid} {...props} />
    </PanelErrorBoundary>
  );
}

export const CustomerTab = withTaskContext(CustomerTabForTask);
