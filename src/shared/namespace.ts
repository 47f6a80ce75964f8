/** The plugin's one namespace in Flex's Redux store. */
export const PLUGIN_NAMESPACE = 'unifiedProfiles';
