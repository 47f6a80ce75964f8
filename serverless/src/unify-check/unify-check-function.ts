import { z } from 'zod';

import { readSegmentSettings, readSettingsInput } from '../config/segment-settings';
import type { SegmentSettingsInput, SettingsSource } from '../config/settings-source';
import type { UnifyCheckResult } from '../config/unify-contract';
import { ApiError } from '../http/api-error';
import type { FunctionContext, FunctionHandler } from '../http/twilio-runtime';
import { wrap, type WrapOptions } from '../http/wrap';
import { parseTypedIdentifier } from '../profile/identity';
import { REQUEST_LIMITS } from '../profile/schemas';
import { withSettingDefaults } from '../profile/settings';
import { checkConnection, notConfiguredCheck, type CheckOptions, type KnownIdentifier } from './check-connection';
import { connectionCheckSettings, writeKeyOf, type TrackingSettingsInput } from './check-settings';
import type { CheckDeps } from './segment-call';

/** Called with every check's result, e.g. to record it as the last check; its failure never fails the check. */
export type OnChecked = (result: UnifyCheckResult, context: FunctionContext) => Promise<void> | void;

export interface UnifyCheckFunctionOptions {
  /** Where settings come from, in order; by default the same sources as /profile (readSettingsInput's). */
  sources?: readonly SettingsSource[];
  onChecked?: OnChecked;
  deps?: Partial<CheckDeps>;
  check?: Partial<CheckOptions>;
  wrap?: Pick<WrapOptions, 'validateToken' | 'createResponse'>;
}

export const unifyCheckRequestSchema = z.object({
  /** A customer the admin knows is in Segment (`email:ana@example.com`): lets the check look for profiles and Flex events. */
  identifier: z
    .string({ invalid_type_error: 'identifier must be a string such as email:ana@example.com.' })
    .max(REQUEST_LIMITS.identifierChars, `identifier is longer than ${REQUEST_LIMITS.identifierChars} characters.`)
    .refine((text) => !/\p{Cc}/u.test(text), 'identifier contains control characters.')
    .optional(),
});

/** POST /unify-check for supervisors and admins: the connection to Segment, measured now. */
export function unifyCheckFunction(options: UnifyCheckFunctionOptions = {}): FunctionHandler {
  const onChecked: OnChecked = options.onChecked ?? (() => undefined);
  return wrap(
    unifyCheckRequestSchema,
    async (request, { context, caller }) => {
      // Read once, from the same sources as /profile unless told otherwise; then checked as /profile checks them.
      const input: SegmentSettingsInput & TrackingSettingsInput = options.sources
        ? await readSettingsInput(context, options.sources)
        : await readSettingsInput(context);
      const asRead: SettingsSource = { name: 'as read', read: async () => input };
      const identifierText = request.identifier?.trim() || undefined;
      let check: UnifyCheckResult;
      try {
        const segment = await readSegmentSettings(context, [asRead]);
        const settings = connectionCheckSettings(segment, input, context);
        const knownIdentifier: KnownIdentifier | undefined = identifierText
          ? parseTypedIdentifier(identifierText, segment)
          : undefined;
        check = await checkConnection(
          settings,
          { checkedBy: caller.identity, knownIdentifier },
          options.deps,
          options.check,
        );
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'not_configured') throw error;
        // Still refuse a malformed identifier, as if Segment were configured.
        if (identifierText) parseTypedIdentifier(identifierText, withSettingDefaults(input));
        const writeKeySet = writeKeyOf(input, context) !== null;
        check = notConfiguredCheck(error.message, { checkedBy: caller.identity }, writeKeySet);
      }
      console.log(
        JSON.stringify({
          msg: 'unify_check',
          status: check.status,
          code: check.code,
          steps: check.steps.map(({ step, status }) => `${step}:${status}`).join(','),
          ms: check.ms,
        }),
      );
      try {
        await onChecked(check, context);
      } catch (error) {
        console.error(JSON.stringify({ msg: 'unify_check_record_failed', error: (error as Error)?.name ?? 'unknown' }));
      }
      return { check };
    },
    { roles: ['admin', 'supervisor'], ...options.wrap },
  );
}
