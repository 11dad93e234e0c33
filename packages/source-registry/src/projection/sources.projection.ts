import type { EventEnvelope, FeedPolled, SourceFailing, SourceRegistered, SourceWentQuiet, StreamCategory } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';

type Tx = Prisma.TransactionClient;

async function setState(tx: Tx, event: EventEnvelope, sourceId: string, data: Prisma.SourceUpdateManyMutationInput): Promise<void> {
  await tx.source.updateMany({ where: { id: sourceId }, data: { ...data, streamPosition: BigInt(event.streamPosition) } });
}

/** Keeps the `sources` read model: one row per source, with its status and its latest poll. */
export const sourcesProjection = {
  name: 'sources',
  categories: ['source'] as StreamCategory[],
  tables: ['sources'],
  async apply(tx: Tx, event: EventEnvelope): Promise<void> {
    const data = event.data as { sourceId: string };
    switch (event.type) {
      case 'SourceRegistered': {
        const registered = event.data as SourceRegistered;
        const row = {
          feedUrl: registered.feedUrl,
          title: registered.title,
          publisher: registered.publisher,
          publisherKey: registered.publisherKey,
          kind: registered.kind,
          followsUpBriefId: registered.followsUp?.briefId ?? null,
          followsUpTopicId: registered.followsUp?.topicId ?? null,
          status: 'active',
          registeredAt: new Date(registered.registeredAt),
          streamPosition: BigInt(event.streamPosition),
        };
        await tx.source.upsert({ where: { id: registered.sourceId }, create: { id: registered.sourceId, ...row }, update: row });
        return;
      }
      case 'SourcePaused':
        return setState(tx, event, data.sourceId, { status: 'paused', nextPollAt: null });
      case 'SourceResumed':
        return setState(tx, event, data.sourceId, { status: 'active' });
      case 'SourceRemoved':
        return setState(tx, event, data.sourceId, { status: 'removed', nextPollAt: null });
      case 'FeedPolled': {
        const poll = event.data as FeedPolled;
        return setState(tx, event, poll.sourceId, {
          lastPolledAt: new Date(poll.polledAt),
          lastStatus: poll.status,
          lastErrorCode: poll.errorCode,
          lastErrorMessage: poll.errorMessage,
          nextPollAt: new Date(poll.nextPollAt),
          consecutiveFailures: poll.errorCode ? { increment: 1 } : 0,
          articlesNew: { increment: poll.itemsNew },
          articlesRevised: { increment: poll.itemsRevised },
        });
      }
      case 'SourceFailing':
        return setState(tx, event, data.sourceId, { failing: true, consecutiveFailures: (event.data as SourceFailing).consecutiveFailures });
      case 'SourceRecovered':
        return setState(tx, event, data.sourceId, { failing: false });
      case 'SourceWentQuiet':
        return setState(tx, event, data.sourceId, { quietSince: new Date((event.data as SourceWentQuiet).since) });
      case 'SourceActiveAgain':
        return setState(tx, event, data.sourceId, { quietSince: null });
      default:
        return;
    }
  },
};

/** Keeps `source_polls`: every poll of every source, for its audit timeline. */
export const sourcePollsProjection = {
  name: 'source-polls',
  categories: ['source'] as StreamCategory[],
  tables: ['source_polls'],
  async apply(tx: Tx, event: EventEnvelope): Promise<void> {
    if (event.type !== 'FeedPolled') return;
    const poll = event.data as FeedPolled;
    await tx.sourcePoll.create({
      data: {
        eventId: event.eventId,
        sourceId: poll.sourceId,
        polledAt: new Date(poll.polledAt),
        status: poll.status,
        notModified: poll.notModified,
        durationMs: poll.durationMs,
        bytes: poll.bytes,
        itemsSeen: poll.itemsSeen,
        itemsNew: poll.itemsNew,
        itemsRevised: poll.itemsRevised,
        errorCode: poll.errorCode,
        errorMessage: poll.errorMessage,
        rawHash: poll.rawHash,
        finalUrl: poll.finalUrl,
        etag: poll.etag,
        lastModified: poll.lastModified,
        warnings: poll.warnings,
      },
    });
  },
};
