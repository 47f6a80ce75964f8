import * as React from 'react';
import { ITask, withTaskContext } from '@twilio/flex-ui';
import { useSelector } from 'react-redux';
import { Box } from '@twilio-paste/core/box';

import { NETWORK_ERROR_CODE, TIMEOUT_ERROR_CODE } from '../backend/FunctionsClient';
import { useStrings } from '../shared/PluginProviders';
import type { PluginStringKey } from '../strings/en';
import { FailureWithRetry, LoadingStatus, TitledAlert } from '../shared/StatusMessages';
import type { RootStateWithPlugin } from '../shared/pluginState';
import { CustomerSearch } from './CustomerSearch';
import type { ProfileLoader } from './profileLoader';
import { selectLookupForTask, selectProfileForTask } from './profileSlice';
import { ProfileSummary } from './ProfileSummary';

/** Failures the browser itself detected are told in the agent's language; the Functions' messages come as sent. */
const CLIENT_ERROR_STRINGS: Record<string, PluginStringKey> = {
  [NETWORK_ERROR_CODE]: 'UnifiedProfilesNetworkError',
  [TIMEOUT_ERROR_CODE]: 'UnifiedProfilesTimeoutError',
};
const clientErrorKey = (code: string | undefined) => (code ? CLIENT_ERROR_STRINGS[code] : undefined);

interface CustomerTabProps {
  task?: ITask;
  loader: ProfileLoader;
}

/** The "Customer" tab beside a task: who this is, from Segment, or a search when nobody matched. */
export function CustomerTabContent({ task, loader }: CustomerTabProps) {
  const t = useStrings();
  const taskSid = task?.taskSid ?? '';
  // react-redux's useSelector: Flex's useFlexSelector hands selectors only `state.flex`, not plugin namespaces.
  const lookup = useSelector((state: RootStateWithPlugin) => selectLookupForTask(state, taskSid));
  const profile = useSelector((state: RootStateWithPlugin) => selectProfileForTask(state, taskSid));

  React.useEffect(() => {
    // Usually a no-op: the reservation already started the lookup before the agent got here.
    if (task) void loader.loadForTask(task.taskSid, task.attributes);
  }, [task, loader]);

  if (!task) return null;
  const search = (identifier: string) => void loader.searchForTask(taskSid, identifier);

  if (!lookup || lookup.status === 'loading') {
    return (
      <Box padding="space60">
        <LoadingStatus>{t('UnifiedProfilesLoading')}</LoadingStatus>
      </Box>
    );
  }

  if (lookup.status === 'found' && profile) {
    return (
      <Box padding="space60" overflowY="auto">
        <ProfileSummary profile={profile} />
      </Box>
    );
  }

  if (lookup.status === 'not_found') {
    return (
      <Box padding="space60">
        <TitledAlert variant="neutral" title={t('UnifiedProfilesNotFoundTitle')}>
          {t('UnifiedProfilesNotFoundBody')}
        </TitledAlert>
        <CustomerSearch taskSid={taskSid} initialValue={lookup.searchedIdentifier} onSearch={search} />
      </Box>
    );
  }

  const retry = () => void loader.retryForTask(taskSid, task.attributes);
  return (
    <Box padding="space60">
      <FailureWithRetry title={t('UnifiedProfilesErrorTitle')} retryLabel={t('UnifiedProfilesRetry')} onRetry={retry}>
        {clientErrorKey(lookup.error?.code) ? t(clientErrorKey(lookup.error?.code)!) : lookup.error?.message}
      </FailureWithRetry>
      <CustomerSearch taskSid={taskSid} initialValue={lookup.searchedIdentifier} onSearch={search} />
    </Box>
  );
}

export const CustomerTab = withTaskContext(CustomerTabContent);
