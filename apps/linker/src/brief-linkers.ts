import type { ClaimData } from '@briefwatch/contracts';
import { evolveBrief, initialBriefState, type BriefState, type TrackingProfile } from '@briefwatch/brief';
import type { Prisma, PrismaClient } from '@briefwatch/db';
import { readStream } from '@briefwatch/event-store';
import { Linker, type LinkableBrief, type LinkableClaim } from '@briefwatch/linking';

/** A brief as the linker needs it: folded from its own event stream, never from a read model. */
export function linkableBrief(state: BriefState): LinkableBrief {
  const claims = [...state.claims.values()];
  const build = (claim: ClaimData): LinkableClaim => ({
    id: claim.claimId,
    label: claim.label,
    text: claim.text,
    profile: claim.profile as TrackingProfile,
    children: claims.filter((c) => c.parentId === claim.claimId).map(build),
  });
  return {
    topics: [...state.topics.values()]
      .sort((a, b) => a.order - b.order)
      .map((topic) => ({
        id: topic.topicId,
        title: topic.title,
        profile: topic.profile as TrackingProfile,
        claims: claims.filter((c) => c.topicId === topic.topicId && c.parentId === null).map(build),
      })),
  };
}

/**
 * One Linker per brief, kept while the brief's stream stays at the same version; a new
 * version of a brief (or of its profiles) is picked up by the next article.
 */
export class BriefLinkers {
  private readonly cache = new Map<string, { version: number; linker: Linker }>();

  constructor(private readonly threshold?: number) {}

  async current(db: PrismaClient | Prisma.TransactionClient): Promise<Array<{ briefId: string; linker: Linker }>> {
    const streams = await db.$queryRaw<Array<{ stream_id: string; version: bigint }>>`
      SELECT stream_id, version FROM event_streams WHERE category = 'brief'`;
    const linkers: Array<{ briefId: string; linker: Linker }> = [];
    for (const { stream_id: streamId, version } of streams) {
      const briefId = streamId.slice('brief-'.length);
      let cached = this.cache.get(briefId);
      if (!cached || cached.version !== Number(version)) {
        const state = (await readStream(db, streamId)).reduce(evolveBrief, initialBriefState());
        cached = { version: Number(version), linker: new Linker(linkableBrief(state), this.threshold === undefined ? {} : { threshold: this.threshold }) };
        this.cache.set(briefId, cached);
      }
      linkers.push({ briefId, linker: cached.linker });
    }
    return linkers;
  }
}
