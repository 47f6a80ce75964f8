import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { keepSelectedTaskAcrossReloads, receiveAgentTasks } from './agentTasks';
import { createFlexStandIn, SandboxRole } from './flex-standin/createFlexStandIn';
import { HostApp } from './HostApp';

interface HostConfig {
  functionsBaseUrl: string;
  pluginUrl: string;
}

const ROLES: SandboxRole[] = ['agent', 'supervisor', 'admin'];

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.appendChild(script);
  });
}

async function boot() {
  const config = JSON.parse(document.getElementById('host-config')!.textContent!) as HostConfig;
  const params = new URLSearchParams(window.location.search);
  const role = ROLES.find((candidate) => candidate === params.get('role')) ?? 'agent';
  const theme = params.get('theme') === 'dark' ? 'dark' : 'default';
  // Flex offers en-US and es-ES among its languages; the sandbox takes ?lang= like a user's preference.
  const localeTag = /^[a-z]{2}-[A-Z]{2}$/.test(params.get('lang') ?? '') ? (params.get('lang') as string) : 'en-US';
  document.documentElement.lang = localeTag;

  const standIn = createFlexStandIn({ role, functionsBaseUrl: config.functionsBaseUrl, localeTag });
  // What Flex puts on window for a plugin bundle built with webpack externals.
  Object.assign(window, { React, ReactDOM, Redux, ReactRedux, Twilio: { Flex: standIn.flex } });

  await loadScript(config.pluginUrl);
  for (const plugin of standIn.plugins) await plugin.init(standIn.flex, standIn.manager);

  await receiveAgentTasks(standIn);
  keepSelectedTaskAcrossReloads(standIn);

  // As in Flex: the host's own Paste theme for its chrome, and the plugin's provider around everything.
  const PluginPaste = standIn.providers.PasteThemeProvider ?? CustomizationProvider;
  const identity = (Root: React.ComponentType<Record<string, unknown>>) => Root;
  const Root = (standIn.providers.CustomProvider ?? identity)(() => <HostApp standIn={standIn} />);
  ReactDOM.render(
    <ReactRedux.Provider store={standIn.manager.store}>
      <PluginPaste baseTheme={theme}>
        <CustomizationProvider baseTheme={theme}>
          <Root />
        </CustomizationProvider>
      </PluginPaste>
    </ReactRedux.Provider>,
    document.getElementById('root'),
  );
}

boot().catch((error: Error) => {
  document.getElementById('root')!.textContent = `The sandbox host failed to start: ${error.message}`;
});
