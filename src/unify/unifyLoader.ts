import type { Store } from 'redux';

import type {
  UnifyConfigConflict,
  UnifyConfigResponse,
  UnifyConfigWrite,
  UnifySetupStepId,
} from '../../serverless/src/config/unify-contract';
import { BackendError, FunctionsClient, NETWORK_ERROR_CODE } from '../backend/FunctionsClient';
import type { CustomerProfile } from '../../serverless/src/profile/types';
import type { RootStateWithPlugin } from '../shared/pluginState';
import {
  checkFailed,
  checkFinished,
  checkStarted,
  configLoaded,
  configLoadFailed,
  configRequested,
  saveConflicted,
  saveFailed,
  saveStarted,
  saveSucceeded,
  selectUnify,
  stepTickFailed,
  stepTickSaved,
  stepTickStarted,
  UnifyFailure,
  type UnifySettingsForm,
} from './unifySlice';

export interface UnifyLoader {
  load(): Promise<void>;
  /** Saves what `form` changed; its banner then says how it went. */
  save(write: UnifyConfigWrite, form: UnifySettingsForm): Promise<void>;
  /** `knownCustomer` (type:value) lets the check look for profiles and Flex events too. */
  check(knownCustomer?: string): Promise<void>;
  /** Ticks (or unticks) a setup step for the account (admins): shown at once, saved one tick after another. */
  tickSetupStep(stepId: UnifySetupStepId, done: boolean): Promise<void>;
  /**
   * A customer of the connected space, for the Customer tab's preview (`type:value`, or an email or
   * phone): a passing look, so it is not kept in the store. Rejects with the Functions' BackendError.
   */
  previewProfile(identifier: string): Promise<CustomerProfile>;
}

const asBackendError = (error: unknown) =>
  error instanceof BackendError ? error : new BackendError(NETWORK_ERROR_CODE, 'Unexpected failure.');
const failureOf = (error: BackendError): UnifyFailure => ({ code: error.code, message: error.message });

/** The Unify view's calls to the Functions, recorded in the unify slice (Flex's store has no thunks). */
export function createUnifyLoader(store: Store<RootStateWithPlugin>, functions: FunctionsClient): UnifyLoader {
  // Ticks go one after another, so a quick tick and untick reach the Functions in that order.
  let ticks: Promise<void> = Promise.resolve();
  return {
    async load() {
      store.dispatch(configRequested());
      try {
        store.dispatch(configLoaded(await functions.readUnifyConfig()));
      } catch (error) {
        store.dispatch(configLoadFailed(failureOf(asBackendError(error))));
      }
    },
    async save(write, form) {
      store.dispatch(saveStarted(form));
      try {
        store.dispatch(saveSucceeded({ config: await functions.writeUnifyConfig(write), form }));
      } catch (caught) {
        const error = asBackendError(caught);
        if (error.code === 'config_conflict') {
          const body = error.body as unknown as Partial<UnifyConfigConflict> | undefined;
          const { changedFields = [], changedBy = '', changedAt = '' } = body?.error ?? {};
          const current = (body?.current as UnifyConfigResponse | undefined) ?? null;
          store.dispatch(saveConflicted({ conflict: { changedFields, changedBy, changedAt }, current, form }));
          return;
        }
        const fields = (error.body?.error as { fields?: Record<string, string> } | undefined)?.fields;
        store.dispatch(saveFailed({ ...failureOf(error), fieldErrors: fields, form }));
      }
    },
    async check(knownCustomer) {
      store.dispatch(checkStarted());
      try {
        const request = knownCustomer ? { identifier: knownCustomer } : {};
        store.dispatch(checkFinished((await functions.checkUnifyConnection(request)).check));
      } catch (error) {
        store.dispatch(checkFailed(failureOf(asBackendError(error))));
      }
    },
    async previewProfile(identifier) {
      return (await functions.lookupProfile({ identifier })).profile;
    },
    tickSetupStep(stepId, done) {
      const previous = selectUnify(store.getState()).config?.setupChecklist?.steps[stepId];
      store.dispatch(stepTickStarted({ stepId, done, previous }));
      ticks = ticks.then(async () => {
        try {
          // No revision: a tick merges into what is saved now and never conflicts.
          const config = await functions.writeUnifyConfig({ setupChecklist: { steps: { [stepId]: { done } } } });
          store.dispatch(stepTickSaved({ stepId, config }));
        } catch (error) {
          store.dispatch(stepTickFailed({ stepId, done, previous, error: failureOf(asBackendError(error)) }));
        }
      });
      return ticks;
    },
  };
}
