/**
 * What a Customer tab layout may hold (unify-contract.ts, CustomerTabLayout): the Functions check a
 * save against it and the Unify view checks the admin's typing against the same. Import-free, so the
 * plugin shares it without server code.
 */

/** Limits that keep the layout readable for agents and the whole config inside Sync's 16 KiB document. */
export const LAYOUT_LIMITS = {
  nameTraits: 3,
  traitGroups: 12,
  traitsPerGroup: 40,
  groupTitleChars: 40,
  historyEvents: 30,
  eventNameChars: 200,
  labelChars: 60,
  propertyChars: 100,
  taskAttributesPerIdentifier: 5,
  bytes: 6_000,
} as const;

/** A Segment trait name (`total_inbounds`, `likelihood_to_churn`…), as the Customer tab reads it. */
export const TRAIT_NAME_SHAPE = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,99}$/;

/** A task attribute, or a path into one (`pre_engagement_data.customer_email`), as Flex task attributes name them. */
export const TASK_ATTRIBUTE_SHAPE = /^[A-Za-z_][A-Za-z0-9_-]{0,63}(\.[A-Za-z_][A-Za-z0-9_-]{0,63}){0,3}$/;

/** An event property as Segment keeps it (`revenue`, `context.page.path`): any text without control characters. */
// eslint-disable-next-line no-control-regex
export const PROPERTY_SHAPE = /^[^\u0000-\u001f]+$/;

/** The identifier types agents may search by unless an admin turns them off; others only once turned on. */
export const SEARCHABLE_BY_DEFAULT: readonly string[] = ['email', 'phone', 'user_id', 'anonymous_id'];
