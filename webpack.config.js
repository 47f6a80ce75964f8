const path = require('path');
const webpack = require('webpack');

const stub = (name) => path.resolve(__dirname, 'build-support', 'bundle-stubs', name);

/**
 * Flex's build (webpack 4), with three pieces of Paste that agents would download and never run
 * replaced (~30 KB gzipped of the 150 KB budget; see docs/architecture.md, "Budget"):
 *
 * - @twilio-paste/color-contrast-utils: reached only through the theme's `useThemeContrastCheck`, which
 *   nothing calls; webpack 4 cannot drop code reached only from unused exports.
 * - design-tokens' tokens.raw.json: read only for prop-type deprecation warnings, which Flex's
 *   production React never runs.
 * - the sendgrid, evergreen and twilio themes: CustomizationProvider takes Flex's default or dark theme.
 *
 * Webpack refuses a missing export, so a Paste upgrade that starts using more of them fails the build.
 */
module.exports = (config) => {
  config.plugins.push(
    new webpack.NormalModuleReplacementPlugin(/^@twilio-paste\/color-contrast-utils$/, stub('color-contrast-utils.js')),
    new webpack.NormalModuleReplacementPlugin(/design-tokens[\\/]dist[\\/]tokens\.raw\.json$/, stub('tokens.raw.json')),
    new webpack.NormalModuleReplacementPlugin(
      /design-tokens[\\/]dist[\\/]themes[\\/](sendgrid|evergreen|twilio|twilio-dark)[\\/]tokens\.es6/,
      require.resolve('@twilio-paste/design-tokens/dist/tokens.es6'),
    ),
  );
  return config;
};
