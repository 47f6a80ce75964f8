/** The simulator's data set, one module per kind; this file gathers what other folders import. */
export { accountIdOf, crowdIdentifiers, crowdIndexOf, generateCrowdAccount, generateCrowdProfile } from './crowd';
export { DEMO_ACCOUNTS, fixedProfiles } from './demo-data';
export { generateEvents } from './events';
export { countInboundChannels, flexComputedTraits, isInboundEngagement } from './flex-traits';
export { EVENT_LOOKBACK_MS } from './records';
