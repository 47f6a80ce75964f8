/**
 * The token validator every Function uses. The sandbox build swaps this one module for
 * sandbox/functions/sandbox-token-validator.ts; the production build bundles only this one,
 * so a deployed service has no code that could accept a sandbox token.
 */
export { validateWithTwilio as validateFlexToken } from './twilio-token-validator';
