import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';
import { Text } from '@twilio-paste/core/text';
import { DragVerticalIcon } from '@twilio-paste/icons/cjs/DragVerticalIcon';

import { useStrings } from '../../shared/PluginProviders';
import { usePendingFocus } from '../layout/usePendingFocus';
import { moveItem } from './moveItem';
import { useDragToReorder } from './useDragToReorder';

type Control = 'handle' | 'up' | 'down';

interface ReorderListProps {
  /** Distinct keys, in order. */
  items: string[];
  /** How a row, its controls and the announcement name the item: "Email". */
  nameOf: (item: string) => string;
  onReorder: (items: string[]) => void;
  /** Unique on the page: the ids of the rows' controls start with it. */
  idPrefix: string;
  labelledBy?: string;
  describedBy?: string;
  /** A row's further controls, after its move buttons. */
  rowActions?: (item: string) => React.ReactNode;
}

/**
 * An ordered list the admin reorders three ways: dragging a row's handle, Alt+Arrow keys on the
 * handle, or the move buttons. Each move is announced ("Email moved to position 2 of 12") and a
 * move by keyboard keeps focus on the control used, in the row's new place.
 */
export function ReorderList({
  items,
  nameOf,
  onReorder,
  idPrefix,
  labelledBy,
  describedBy,
  rowActions,
}: ReorderListProps) {
  const t = useStrings();
  const focusLater = usePendingFocus();
  const [announcement, setAnnouncement] = React.useState('');
  const controlId = (item: string, control: Control) => `${idPrefix}-${control}-${item}`;
  const handleHelpId = `${idPrefix}-handle-help`;

  const move = (from: number, to: number, focus?: Control) => {
    if (to < 0 || to >= items.length || to === from) return;
    const item = items[from];
    onReorder(moveItem(items, from, to));
    setAnnouncement(
      t('UnifiedProfilesUnifyReorderMoved', { name: nameOf(item), position: to + 1, count: items.length }),
    );
    if (focus === 'handle') focusLater(controlId(item, 'handle'));
    // Focus follows the row; at either end its button that way is disabled, so the other one.
    else if (focus) focusLater(controlId(item, to === 0 ? 'down' : to === items.length - 1 ? 'up' : focus));
  };
  const drag = useDragToReorder((from, to) => move(from, to));

  return (
    <>
      <Box
        as="ol"
        margin="space0"
        paddingLeft="space50"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        {...drag.listProps}
      >
        {items.map((item, index) => {
          const name = nameOf(item);
          const side = drag.dropSide(index);
          return (
            <Box
              as="li"
              key={item}
              data-drop={side}
              paddingY="space10"
              borderTopStyle="solid"
              borderBottomStyle="solid"
              borderTopWidth="borderWidth20"
              borderBottomWidth="borderWidth20"
              borderTopColor={side === 'before' ? 'colorBorderPrimary' : 'transparent'}
              borderBottomColor={side === 'after' ? 'colorBorderPrimary' : 'transparent'}
              opacity={drag.dragged === index ? '0.5' : undefined}
              {...drag.rowProps(index)}
            >
              <Box display="flex" alignItems="center" columnGap="space20">
                <Box
                  as="span"
                  id={controlId(item, 'handle')}
                  role="button"
                  tabIndex={0}
                  aria-label={t('UnifiedProfilesUnifyReorderHandle', { name })}
                  aria-describedby={handleHelpId}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                  display="inline-flex"
                  padding="space10"
                  borderRadius="borderRadius20"
                  color="colorTextIcon"
                  cursor="grab"
                  outline="none"
                  _focus={{ boxShadow: 'shadowFocus' }}
                  onKeyDown={(event: React.KeyboardEvent) => {
                    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
                    event.preventDefault();
                    move(index, index + (event.key === 'ArrowUp' ? -1 : 1), 'handle');
                  }}
                  {...drag.handleProps(index)}
                >
                  <DragVerticalIcon decorative />
                </Box>
                <Box flexGrow={1}>
                  <Text as="span">{name}</Text>
                </Box>
                <Button
                  id={controlId(item, 'up')}
                  variant="secondary"
                  size="small"
                  disabled={index === 0}
                  aria-label={t('UnifiedProfilesUnifyMoveUp', { name })}
                  onClick={() => move(index, index - 1, 'up')}
                >
                  ↑
                </Button>
                <Button
                  id={controlId(item, 'down')}
                  variant="secondary"
                  size="small"
                  disabled={index === items.length - 1}
                  aria-label={t('UnifiedProfilesUnifyMoveDown', { name })}
                  onClick={() => move(index, index + 1, 'down')}
                >
                  ↓
                </Button>
                {rowActions?.(item)}
              </Box>
            </Box>
          );
        })}
      </Box>
      <ScreenReaderOnly id={handleHelpId}>{t('UnifiedProfilesUnifyReorderHandleHelp')}</ScreenReaderOnly>
      <Box aria-live="polite" aria-atomic="true">
        {announcement && <ScreenReaderOnly>{announcement}</ScreenReaderOnly>}
      </Box>
    </>
  );
}
