export { ProjectorModule } from './projector.module.js';
export { PROJECTIONS, type Projection } from './projections.js';
export { rebuildProjectionsCli } from './projections.cli.js';
export { projectorGroup, rebuildProjection, type RebuildResult } from './rebuild-projection.js';
