import type * as Flex from '@twilio/flex-ui';

/**
 * Where the plugin's Functions live. A build made with FLEX_APP_FUNCTIONS_BASE_URL (a URL, never a
 * secret; e.g. http://localhost:3001 in a developer's `.env` for `twilio flex:plugins:start`) uses
 * it; otherwise the contact center sets it without a rebuild, in the Flex configuration's
 * `ui_attributes.custom_data.unified_profiles.functions_base_url`.
 */
export function resolveFunctionsBaseUrl(serviceConfiguration: Flex.ServiceConfiguration | undefined): string {
  const builtIn = process.env.FLEX_APP_FUNCTIONS_BASE_URL;
  if (builtIn) return builtIn;
  const customData = (serviceConfiguration?.ui_attributes as { custom_data?: Record<string, unknown> } | undefined)
    ?.custom_data;
  const configured = (customData?.unified_profiles as { functions_base_url?: unknown } | undefined)?.functions_base_url;
  return typeof configured === 'string' ? configured : '';
}
