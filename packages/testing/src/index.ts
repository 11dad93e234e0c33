export { waitFor, type WaitForOptions } from './wait-for.js';
export { testKafkaBrokers, uniqueTopicPrefix } from './kafka.js';
export { conditionalFeed, startFeedServer, type FeedServer, type FeedRoute } from './feed-server.js';
export { webhookReceiver, rss, type Received } from './webhook-receiver.js';
