export { createLogger, redact, silentLogger, type Logger, type LogFields, type LogLevel, type LoggerOptions } from './logger.js';
