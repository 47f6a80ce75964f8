// What flex-plugin's webpack DefinePlugin and Flex's page provide to a plugin at run time.
Object.assign(global, {
  __FPB_PLUGIN_UNIQUE_NAME: 'plugin-unified-profiles',
  __FPB_PLUGIN_VERSION: '0.0.0-test',
  __FPB_FLEX_PLUGIN_SCRIPTS_VERSION: '7.1.2',
  __FPB_FLEX_PLUGIN_VERSION: '7.1.2',
  __FPB_FLEX_UI_VERSION: '2.17.1',
  __FPB_REACT_VERSION: '17.0.2',
  __FPB_REACT_DOM_VERSION: '17.0.2',
});
// jsdom has no media playback; @twilio/flex-ui touches it on import.
if (typeof window !== 'undefined') {
  window.HTMLMediaElement.prototype.play = () => Promise.resolve();
  window.HTMLMediaElement.prototype.pause = () => undefined;
}
