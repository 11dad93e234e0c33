import type { EventDefinition } from './event-definition.js';
import type { EventEnvelope } from './envelope.js';
import { BriefImportedV1 } from './brief/brief-imported.v1.js';
import { TopicDefinedV1 } from './brief/topic-defined.v1.js';
import { TopicRevisedV1 } from './brief/topic-revised.v1.js';
import { TopicWithdrawnV1 } from './brief/topic-withdrawn.v1.js';
import { ClaimRecordedV1 } from './brief/claim-recorded.v1.js';
import { ClaimRevisedV1 } from './brief/claim-revised.v1.js';
import { ClaimWithdrawnV1 } from './brief/claim-withdrawn.v1.js';
import { CitationRecordedV1 } from './brief/citation-recorded.v1.js';
import { CitationRevisedV1 } from './brief/citation-revised.v1.js';
import { CitationWithdrawnV1 } from './brief/citation-withdrawn.v1.js';
import { CoverageLinkedV1 } from './link/coverage-linked.v1.js';
import { LinkRetractedV1 } from './link/link-retracted.v1.js';
import { SourceRegisteredV1 } from './source/source-registered.v1.js';
import { SubscriptionCreatedV1 } from './subscription/subscription-created.v1.js';
import { AlertQueuedV1 } from './subscription/alert-queued.v1.js';
import { AlertDeliveredV1 } from './subscription/alert-delivered.v1.js';
import { AlertFailedV1 } from './subscription/alert-failed.v1.js';
import { SubscriptionStatusChangedV1 } from './subscription/subscription-status-changed.v1.js';
import { WebhookSecretRotatedV1 } from './subscription/webhook-secret-rotated.v1.js';
import { AlertsReplayRequestedV1 } from './subscription/alerts-replay-requested.v1.js';
import { DigestRequestedV1 } from './subscription/digest-requested.v1.js';
import { DigestQueuedV1 } from './subscription/digest-queued.v1.js';
import { AlertGroupedV1 } from './subscription/alert-grouped.v1.js';
import { SourceHealthAlertQueuedV1 } from './subscription/source-health-alert-queued.v1.js';
import { SourceWentQuietV1 } from './source/source-went-quiet.v1.js';
import { SourceActiveAgainV1 } from './source/source-active-again.v1.js';
import { SourcePausedV1 } from './source/source-paused.v1.js';
import { SourceResumedV1 } from './source/source-resumed.v1.js';
import { SourceRemovedV1 } from './source/source-removed.v1.js';
import { FeedPolledV1 } from './source/feed-polled.v1.js';
import { SourceFailingV1 } from './source/source-failing.v1.js';
import { SourceRecoveredV1 } from './source/source-recovered.v1.js';
import { ArticleDiscoveredV1 } from './article/article-discovered.v1.js';
import { ArticleRevisedV1 } from './article/article-revised.v1.js';
import { ArticleSeenElsewhereV1 } from './article/article-seen-elsewhere.v1.js';

/** Every event contract briefwatch has published, current and past. */
const DEFINITIONS: readonly EventDefinition[] = [
  SourceRegisteredV1,
  SubscriptionCreatedV1,
  AlertQueuedV1,
  AlertDeliveredV1,
  AlertFailedV1,
  SubscriptionStatusChangedV1,
  WebhookSecretRotatedV1,
  AlertsReplayRequestedV1,
  DigestRequestedV1,
  DigestQueuedV1,
  AlertGroupedV1,
  SourceHealthAlertQueuedV1,
  SourceWentQuietV1,
  SourceActiveAgainV1,
  CoverageLinkedV1,
  LinkRetractedV1,
  SourcePausedV1,
  SourceResumedV1,
  SourceRemovedV1,
  FeedPolledV1,
  SourceFailingV1,
  SourceRecoveredV1,
  ArticleDiscoveredV1,
  ArticleRevisedV1,
  ArticleSeenElsewhereV1,
  BriefImportedV1,
  TopicDefinedV1,
  TopicRevisedV1,
  TopicWithdrawnV1,
  ClaimRecordedV1,
  ClaimRevisedV1,
  ClaimWithdrawnV1,
  CitationRecordedV1,
  CitationRevisedV1,
  CitationWithdrawnV1,
];

/** Turns data of an older schema version into the next one. Registered per (type, from-version). */
type Upcaster = (data: unknown) => unknown;
const UPCASTERS = new Map<string, Upcaster>();

const key = (type: string, schemaVersion: number) => `${type}@v${schemaVersion}`;
const byKey = new Map(DEFINITIONS.map((definition) => [key(definition.type, definition.schemaVersion), definition]));
const latestVersion = new Map<string, number>();
for (const definition of DEFINITIONS) {
  latestVersion.set(definition.type, Math.max(latestVersion.get(definition.type) ?? 0, definition.schemaVersion));
}

export class UnknownEventError extends Error {
  readonly code = 'EVENT.UNKNOWN_TYPE';
  constructor(type: string, schemaVersion: number) {
    super(`no contract for event ${key(type, schemaVersion)}`);
    this.name = 'UnknownEventError';
  }
}

export class InvalidEventDataError extends Error {
  readonly code = 'EVENT.INVALID_DATA';
  constructor(type: string, schemaVersion: number, readonly issues: string) {
    super(`event ${key(type, schemaVersion)} does not match its contract: ${issues}`);
    this.name = 'InvalidEventDataError';
  }
}

export function definitionOf(type: string, schemaVersion: number): EventDefinition {
  const definition = byKey.get(key(type, schemaVersion));
  if (!definition) throw new UnknownEventError(type, schemaVersion);
  return definition;
}

/** Validates event data against its own contract; throws InvalidEventDataError otherwise. */
export function validateEventData(type: string, schemaVersion: number, data: unknown): unknown {
  const result = definitionOf(type, schemaVersion).schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new InvalidEventDataError(type, schemaVersion, issues);
  }
  return result.data;
}

/**
 * Reads a stored or received event: validated against the contract it was written with,
 * then upcast, version by version, to the newest contract of its type.
 */
export function readEvent(envelope: EventEnvelope): EventEnvelope {
  let data = validateEventData(envelope.type, envelope.schemaVersion, envelope.data);
  let version = envelope.schemaVersion;
  const newest = latestVersion.get(envelope.type) ?? version;
  while (version < newest) {
    const upcast = UPCASTERS.get(key(envelope.type, version));
    if (!upcast) throw new Error(`no upcaster from ${key(envelope.type, version)}`);
    version += 1;
    data = validateEventData(envelope.type, version, upcast(data));
  }
  return { ...envelope, schemaVersion: version, data };
}
