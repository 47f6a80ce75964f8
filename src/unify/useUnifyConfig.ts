import * as React from 'react';

import type { UnifyConfigView } from '../../serverless/src/config/unify-config-view';
import { BackendError, FunctionsClient } from '../backend/FunctionsClient';

export type UnifyConfigState =
  { status: 'loading' } | { status: 'loaded'; config: UnifyConfigView } | { status: 'failed'; message: string };

/** Reads the Segment connection from the Functions each time the Unify view opens, with a reload for retries. */
export function useUnifyConfig(functions: FunctionsClient): { state: UnifyConfigState; reload: () => void } {
  const [state, setState] = React.useState<UnifyConfigState>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    functions.readUnifyConfig().then(
      ({ config }) => current && setState({ status: 'loaded', config }),
      (error: unknown) =>
        current &&
        setState({ status: 'failed', message: error instanceof BackendError ? error.message : 'Unexpected failure.' }),
    );
    return () => {
      current = false;
    };
  }, [functions, attempt]);

  return { state, reload: React.useCallback(() => setAttempt((count) => count + 1), []) };
}
