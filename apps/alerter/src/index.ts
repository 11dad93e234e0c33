export { AlerterModule } from './alerter.module.js';
