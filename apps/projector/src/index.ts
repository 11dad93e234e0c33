export { ProjectorModule } from './projector.module.js';
export { PROJECTIONS, type Projection } from './projections.js';
