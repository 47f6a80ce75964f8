import { combineReducers } from '@reduxjs/toolkit';

import { profileReducer } from '../profile/profileSlice';
import { unifyReducer } from '../unify/unifySlice';
import { PLUGIN_NAMESPACE } from './namespace';

export { PLUGIN_NAMESPACE };

export const pluginReducer = combineReducers({
  profile: profileReducer,
  unify: unifyReducer,
});

export type PluginState = ReturnType<typeof pluginReducer>;

/** The part of Flex's root state the plugin's selectors read. */
export interface RootStateWithPlugin {
  [PLUGIN_NAMESPACE]: PluginState;
}
