/* Stands in for @twilio-paste/color-contrast-utils in the plugin bundle (webpack.config.js): the theme re-exports these, nothing calls them. */
export const getContrastRatingsOfTokensWithTextContrastRequirements = () => [];
export const getContrastRatingsOfTokensWithUIControlContrastRequirements = () => [];
export const getNumberOfTextFailures = () => 0;
export const getNumberOfUIControlFailures = () => 0;
