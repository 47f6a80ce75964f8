import * as React from 'react';
import { Box } from '@twilio-paste/core/box';

import { useStrings } from './PluginProviders';
import { FailureWithRetry } from './StatusMessages';

interface BoundaryProps {
  children: React.ReactNode;
  /** Where the failure happened, for the console: never customer data. */
  area: string;
}

function PanelErrorCard({ onRetry }: { onRetry: () => void }) {
  const t = useStrings();
  return (
    <Box padding="space60">
      <FailureWithRetry
        title={t('UnifiedProfilesPanelCrashTitle')}
        retryLabel={t('UnifiedProfilesRetry')}
        onRetry={onRetry}
      >
        {t('UnifiedProfilesPanelCrashBody')}
      </FailureWithRetry>
    </Box>
  );
}

/**
 * Around everything the plugin renders in Flex: a bug in the panel becomes a small card with a
 * retry, never a broken agent desktop (React unmounts the whole tree on an uncaught render error).
 */
export class PanelErrorBoundary extends React.Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: Error): void {
    // The error's name and the component stack are enough to find the bug; its message may quote data.
    console.error(`Unified Profiles: the ${this.props.area} failed to render (${error.name}).`);
  }

  render(): React.ReactNode {
    return this.state.failed ? (
      <PanelErrorCard onRetry={() => this.setState({ failed: false })} />
    ) : (
      this.props.children
    );
  }
}
