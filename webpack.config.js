/** Flex's build (webpack 4) as is: the bundle must run on the React, Redux and Flex that Flex supplies. */
module.exports = (config) => config;
