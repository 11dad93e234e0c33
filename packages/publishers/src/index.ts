export { PUBLISHERS, resolvePublisher, publisherByKey, type Publisher } from './publishers.js';
