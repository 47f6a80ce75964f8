import * as React from 'react';
import { render, RenderResult } from '@testing-library/react';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { Provider } from 'react-redux';
import type { Store } from 'redux';

/** Renders as Flex would: inside its Redux store and a Paste theme (a rerender keeps both). */
export function renderWithProviders(ui: React.ReactElement, store: Store): RenderResult {
  const FlexLikeProviders = ({ children }: { children?: React.ReactNode }) => (
    <Provider store={store}>
      <CustomizationProvider baseTheme="default">{children}</CustomizationProvider>
    </Provider>
  );
  return render(ui, { wrapper: FlexLikeProviders });
}
