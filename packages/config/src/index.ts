export { loadConfig, ConfigError, type BriefwatchConfig, type Environment } from './config.js';
export { MEMORY_CEILING_MB, nodeFlagsFor, SERVICES, type ServiceName } from './memory.js';
