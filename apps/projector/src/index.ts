export { ProjectorModule } from './projector.module.js';
export { PROJECTIONS, type Projection } from './projections.js';
export { rebuildProjectionsCli } from './projections.cli.js';
export { projectorGroup } from './projection-lock.js';
export { rebuildProjection, type RebuildResult } from './rebuild-projection.js';
export { pruneExpiredCli } from './retention/retention.cli.js';
export { countExpired, pruneExpired, type RetentionPolicy } from './retention/expired-data.js';
