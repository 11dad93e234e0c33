export { Linker, MATCHER_VERSION, calibrate, type ArticleInput, type Evidence, type ScoredLink, type LinkResult, type LinkerOptions } from './linker.js';
export { buildTargets, type Feature, type LinkTarget, type LinkableBrief, type LinkableClaim } from './features.js';
export { describeEvidence } from './why.js';
export { evaluateLinks, type LabelledStory, type EvaluationReport } from './evaluation.js';
export { evaluationSetFiles, evaluationSets, type EvaluationSetFiles } from './evaluation-sets.js';
