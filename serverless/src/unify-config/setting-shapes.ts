/** A Segment identifier type (`email`, `user_id`, `android.id`…), as /profile matches them. */
export const IDENTIFIER_TYPE_SHAPE = /^[a-z][a-z0-9_.]{0,63}$/;
/** The most identifier types a saved priority lists. */
export const MAX_IDENTIFIER_TYPES = 20;
/** A Segment trait name (`total_inbounds`, `likelihood_to_churn`…), as the Customer tab reads it. */
export const TRAIT_NAME_SHAPE = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,99}$/;

/**
 * An object setting as a form post sends it, JSON text: parsed, an empty text read as null (clears
 * it); text that is not JSON is left as it is for the setting's schema to refuse in its own words.
 */
export function fromJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
