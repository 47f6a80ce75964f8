// Copy to public/appConfig.js for `twilio flex:plugins:start` (the Flex CLI's local runner).
// This file holds no secret: the plugin only ever holds the agent's Flex token.
var appConfig = {
  pluginService: {
    enabled: true,
    url: '/plugins',
  },
  logLevel: 'info',
};
