import * as React from 'react';
import { render, RenderResult } from '@testing-library/react';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { Provider } from 'react-redux';
import type { Store } from 'redux';

/** Renders as Flex would: inside its Redux store and a Paste theme. */
export function renderWithProviders(ui: React.ReactElement, store: Store): RenderResult {
  return render(
    <Provider store={store}>
      <CustomizationProvider baseTheme="default">{ui}</CustomizationProvider>
    </Provider>,
  );
}
