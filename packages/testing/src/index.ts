export { waitFor, type WaitForOptions } from './wait-for.js';
export { testKafkaBrokers, uniqueTopicPrefix } from './kafka.js';
