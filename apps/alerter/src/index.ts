export { AlerterModule } from './alerter.module.js';
export { matchingSubscriptions } from './match-subscriptions.js';
export { evidenceFingerprint } from './queue-alerts.js';
