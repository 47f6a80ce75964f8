import type * as Flex from '@twilio/flex-ui';

/**
 * Where the plugin's Functions live. A contact center sets it without rebuilding, in the
 * Flex configuration's `ui_attributes.custom_data.unified_profiles.functions_base_url`;
 * a build can also bake it in with FLEX_APP_FUNCTIONS_BASE_URL (a URL, never a secret).
 */
export function resolveFunctionsBaseUrl(serviceConfiguration: Flex.ServiceConfiguration | undefined): string {
  const customData = (serviceConfiguration?.ui_attributes as { custom_data?: Record<string, unknown> } | undefined)
    ?.custom_data;
  const configured = (customData?.unified_profiles as { functions_base_url?: unknown } | undefined)?.functions_base_url;
  if (typeof configured === 'string' && configured.length > 0) return configured;
  return process.env.FLEX_APP_FUNCTIONS_BASE_URL ?? '';
}
