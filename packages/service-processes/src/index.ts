export { memoryPeaks, repoRoot, ServiceProcess, type LogLine } from './service-process.js';
export { SystemUnderTest, type SystemOptions } from './system-under-test.js';
