export { loadConfig, ConfigError, type BriefwatchConfig, type Environment } from './config.js';
