import * as React from 'react';
import { useDispatch, useSelector } from 'react-redux';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import type { HostTask } from './hostStore';

/** Which task the canvas shows, as Flex's TaskContext gives it to `withTaskContext`. */
export const TaskContext = React.createContext<{ task?: HostTask }>({});

export function withTaskContext<P extends { task?: unknown }>(Component: React.ComponentType<P>) {
  return function WithTaskContext(props: Omit<P, 'task'>) {
    const { task } = React.useContext(TaskContext);
    return <Component {...(props as P)} task={task} />;
  };
}

/** As Flex's own: the selector sees `{ flex }` only, so reading a plugin's namespace through it fails here too. */
export function useFlexSelector<Selected>(
  selector: (flexState: { flex: unknown }, rootState: unknown) => Selected,
  equalityFn?: (left: Selected, right: Selected) => boolean,
): Selected {
  return useSelector((root: { flex: unknown }) => selector({ flex: root.flex }, root), equalityFn);
}

export const useFlexDispatch = useDispatch;

/** A task canvas tab; the host's TaskCanvasTabs reads `uniqueName` and `label` to build its tab list. */
export function Tab({ children }: { uniqueName: string; label: string; children?: React.ReactNode }) {
  return <>{children}</>;
}

/** A view of ViewCollection; the host shows the one whose `name` is the active view. */
export function View({ children }: { name: string; children?: React.ReactNode }) {
  return <>{children}</>;
}

interface SideLinkProps {
  icon: string | React.ReactNode;
  iconActive?: string | React.ReactNode;
  showLabel?: boolean;
  isActive?: boolean;
  onClick?: () => void;
  children?: React.ReactNode;
}

/** Flex's side-nav link: an icon button with a label and an active state. */
export function SideLink({ isActive, onClick, children }: SideLinkProps) {
  return (
    <Button
      variant={isActive ? 'primary' : 'secondary'}
      fullWidth
      onClick={onClick}
      aria-current={isActive ? 'page' : undefined}
    >
      {children}
    </Button>
  );
}

/** Renders a host container's heading row; not a Flex API. */
export function HostSectionTitle({ children }: { children: React.ReactNode }) {
  return (
    <Box paddingX="space40" paddingY="space30">
      <Text as="h2" fontWeight="fontWeightSemibold" fontSize="fontSize30">
        {children}
      </Text>
    </Box>
  );
}
