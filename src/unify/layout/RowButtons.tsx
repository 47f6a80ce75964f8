import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';

import { useStrings } from '../../shared/PluginProviders';
import { layoutElementId } from './layoutDraft';
import { usePendingFocus } from './usePendingFocus';

type RowAction = 'up' | 'down' | 'remove';
const rowButtonId = (rowKey: string, action: RowAction) => layoutElementId(`${rowKey}-${action}`);

/** Add, remove and move for a list of rows (groups, events), moving focus where the admin works next. */
export function useRowList<Row extends { key: string }>(
  rows: Row[],
  onChange: (rows: Row[]) => void,
  /** The field a new row starts at. */
  firstField: (row: Row) => string,
  addButtonId: string,
) {
  const focusLater = usePendingFocus();
  return {
    add: (row: Row) => {
      onChange([...rows, row]);
      focusLater(layoutElementId(firstField(row)));
    },
    remove: (index: number) => {
      const next = rows.filter((_, at) => at !== index);
      onChange(next);
      // The row that took its place, else the one before it, else the add button.
      const neighbour = next[index] ?? next[index - 1];
      focusLater(neighbour ? layoutElementId(firstField(neighbour)) : addButtonId);
    },
    move: (index: number, by: -1 | 1) => {
      const next = [...rows];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      onChange(next);
      // Focus follows the row; at either end its button that way is disabled, so the other one.
      const at = index + by;
      const direction = at === 0 ? 'down' : at === next.length - 1 ? 'up' : by < 0 ? 'up' : 'down';
      focusLater(rowButtonId(rows[index].key, direction));
    },
  };
}

interface RowButtonsProps {
  rowKey: string;
  /** How the buttons name the row to a screen reader: "Move Billing up". */
  name: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** Move up, move down and remove, as buttons (keyboard and screen readers get what a mouse gets). */
export function RowButtons({ rowKey, name, index, count, onMove, onRemove }: RowButtonsProps) {
  const t = useStrings();
  return (
    <Box display="flex" columnGap="space20" alignItems="center">
      <Button
        id={rowButtonId(rowKey, 'up')}
        variant="secondary"
        size="small"
        disabled={index === 0}
        aria-label={t('UnifiedProfilesUnifyMoveUp', { name })}
        onClick={() => onMove(-1)}
      >
        ↑
      </Button>
      <Button
        id={rowButtonId(rowKey, 'down')}
        variant="secondary"
        size="small"
        disabled={index === count - 1}
        aria-label={t('UnifiedProfilesUnifyMoveDown', { name })}
        onClick={() => onMove(1)}
      >
        ↓
      </Button>
      <Button
        id={rowButtonId(rowKey, 'remove')}
        variant="secondary"
        size="small"
        aria-label={t('UnifiedProfilesUnifyLayoutRemove', { name })}
        onClick={onRemove}
      >
        {t('UnifiedProfilesUnifyLayoutRemoveShort')}
      </Button>
    </Box>
  );
}
