import type { FunctionsClient } from '../../backend/FunctionsClient';

const notUsed = (name: string) => async () => {
  throw new Error(`${name} was not expected in this test.`);
};

/** A Functions client whose given methods the test scripts; any other call fails the test loudly. */
export function fakeFunctionsClient(methods: Partial<FunctionsClient>): FunctionsClient {
  return {
    lookupProfile: notUsed('lookupProfile'),
    nextProfileEvents: notUsed('nextProfileEvents'),
    readUnifyConfig: notUsed('readUnifyConfig'),
    writeUnifyConfig: notUsed('writeUnifyConfig'),
    checkUnifyConnection: notUsed('checkUnifyConnection'),
    recordEngagement: notUsed('recordEngagement'),
    ...methods,
  };
}
