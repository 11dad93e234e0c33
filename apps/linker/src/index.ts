export { LinkerModule } from './linker.module.js';
export { decideLinks, evolveLinks, linkModel, type LinkState } from './decide-links.js';
export { BriefLinkers, linkableBrief } from './brief-linkers.js';
export { relinkArticles, type LinkChange, type RelinkReport } from './relink.js';
