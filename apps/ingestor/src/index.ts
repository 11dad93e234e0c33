export { IngestorModule } from './ingestor.module.js';
