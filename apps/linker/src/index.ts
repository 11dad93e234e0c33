export { LinkerModule } from './linker.module.js';
