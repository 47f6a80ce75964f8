import * as React from 'react';

export type DropSide = 'before' | 'after';

/**
 * Native HTML5 drag and drop for a list's rows: a handle starts the drag, a row the pointer is over
 * takes the dragged row's place on drop. Only a drag started from this list's handles drops here.
 */
export function useDragToReorder(onDrop: (from: number, to: number) => void) {
  const [from, setFrom] = React.useState<number | null>(null);
  const [over, setOver] = React.useState<number | null>(null);
  const end = () => {
    setFrom(null);
    setOver(null);
  };

  return {
    dragged: from,
    /** Where the dragged row would land next to this row, to draw the drop indicator there. */
    dropSide: (index: number): DropSide | undefined =>
      from === null || over !== index || from === index ? undefined : from < index ? 'after' : 'before',
    handleProps: (index: number) => ({
      draggable: true,
      onDragStart: (event: React.DragEvent<HTMLElement>) => {
        setFrom(index);
        // jsdom has no DataTransfer; Firefox starts a drag only once some data is set.
        const transfer = event.dataTransfer;
        if (!transfer) return;
        transfer.effectAllowed = 'move';
        transfer.setData('text/plain', '');
        const row = event.currentTarget.closest('li');
        if (row) transfer.setDragImage(row, 16, 16);
      },
      onDragEnd: end,
    }),
    rowProps: (index: number) => ({
      onDragOver: (event: React.DragEvent<HTMLElement>) => {
        if (from === null) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
        if (over !== index) setOver(index);
      },
      onDrop: (event: React.DragEvent<HTMLElement>) => {
        if (from === null) return;
        event.preventDefault();
        end();
        if (from !== index) onDrop(from, index);
      },
    }),
    listProps: {
      onDragLeave: (event: React.DragEvent<HTMLElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
      },
    },
  };
}
