/** The Segment simulator on its own: `npx tsx sandbox/segment-sim/main.ts` (npm start runs it for you). */
import { simulatorOptionsFromEnv } from './options-from-env';
import { startSegmentSimulator } from './server';

startSegmentSimulator(simulatorOptionsFromEnv(process.env)).then(
  (simulator) => console.log(`Segment simulator on ${simulator.url}`),
  (error: Error) => {
    console.error(`The Segment simulator could not start: ${error.message}`);
    process.exit(1);
  },
);
