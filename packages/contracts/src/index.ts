export * from './stream.js';
export * from './topics.js';
export * from './headers.js';
export * from './event-definition.js';
export * from './envelope.js';
export * from './catalogue.js';
export * from './source/source-registered.v1.js';
