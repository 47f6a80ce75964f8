import * as React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { PanelErrorBoundary } from './PanelErrorBoundary';

/** A component with a bug that shows on its first render only, as a data-dependent bug would. */
function makeFlakyPanel() {
  let renders = 0;
  return function FlakyPanel() {
    renders += 1;
    if (renders === 1) throw new Error('Cannot read properties of null (reading "items") for ana@example.com');
    return <p>Customer panel</p>;
  };
}

describe('PanelErrorBoundary', () => {
  it('turns a render error into a small card, keeps the rest of the page, and logs no customer data', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const FlakyPanel = makeFlakyPanel();
    render(
      <div>
        <p>Agent desktop</p>
        <PanelErrorBoundary area="Customer tab">
          <FlakyPanel />
        </PanelErrorBoundary>
      </div>,
    );

    expect(screen.getByText('Agent desktop')).toBeInTheDocument();
    expect(screen.getByText('This panel hit a problem')).toBeInTheDocument();
    const ownLines = logged.mock.calls
      .map((call) => String(call[0]))
      .filter((line) => line.startsWith('Unified Profiles'));
    expect(ownLines).toEqual(['Unified Profiles: the Customer tab failed to render (Error).']);

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Customer panel')).toBeInTheDocument();
    logged.mockRestore();
  });
});
