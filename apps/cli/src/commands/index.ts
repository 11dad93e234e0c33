import { createApiKeyCli, listApiKeysCli, revokeApiKeyCli } from '@briefwatch/access';
import { claimTimelineCli } from '@briefwatch/articles';
import { pruneExpiredCli, rebuildProjectionsCli } from '@briefwatch/projector';
import { importBriefCli, showBriefCli } from '@briefwatch/brief';
import type { CliCommand } from '@briefwatch/service-kit';
import {
  exportOpmlCli,
  importOpmlCli,
  listSourcesCli,
  sourceTimelineCli,
  pauseSourceCli,
  registerSourceCli,
  removeSourceCli,
  resumeSourceCli,
  seedSourcesCli,
} from '@briefwatch/source-registry';
import { addSubscriptionCli, listSubscriptionsCli, rotateSecretCli, SUBSCRIPTION_CHANGE_CLIS, subscriptionAlertsCli } from '@briefwatch/subscriptions';
import { evalCli } from './eval.cli.js';
import { fetchCli } from './fetch.cli.js';
import { linkCli } from './link.cli.js';
import { backtestLinksCli, relinkCli } from './relink.cli.js';
import { healthCli } from './health.cli.js';
import { listDeadLettersCli, replayDeadLetterCli, showDeadLetterCli } from './dead-letters.cli.js';
import { migrateCli } from './migrate.cli.js';

/** Every command of `npx briefwatch`, in the order help lists them. */
export const CLI_COMMANDS: readonly CliCommand[] = [
  showBriefCli,
  importBriefCli,
  claimTimelineCli,
  registerSourceCli,
  listSourcesCli,
  sourceTimelineCli,
  pauseSourceCli,
  resumeSourceCli,
  removeSourceCli,
  seedSourcesCli,
  importOpmlCli,
  exportOpmlCli,
  addSubscriptionCli,
  listSubscriptionsCli,
  subscriptionAlertsCli,
  rotateSecretCli,
  ...SUBSCRIPTION_CHANGE_CLIS,
  fetchCli,
  linkCli,
  backtestLinksCli,
  relinkCli,
  evalCli,
  createApiKeyCli,
  listApiKeysCli,
  revokeApiKeyCli,
  rebuildProjectionsCli,
  pruneExpiredCli,
  listDeadLettersCli,
  showDeadLetterCli,
  replayDeadLetterCli,
  healthCli,
  migrateCli,
];
