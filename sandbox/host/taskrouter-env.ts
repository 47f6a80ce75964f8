import { SANDBOX_WORKSPACE_SID } from './taskrouter-shape';

/** What the sandbox's Functions need to read tasks from the host's TaskRouter subset at `hostUrl`. */
export function sandboxTaskRouterEnv(hostUrl: string): Record<string, string> {
  return {
    TWILIO_FLEX_WORKSPACE_SID: SANDBOX_WORKSPACE_SID,
    UNIFIED_PROFILES_TASKROUTER_API_BASE: hostUrl,
  };
}
