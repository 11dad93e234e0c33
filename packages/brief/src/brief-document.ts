import type { BriefClaim, BriefTopic, ParsedBrief } from './brief-model.js';
import { flattenClaims } from './brief-model.js';
import { deriveClaimProfile, deriveTopicProfile } from './profile/derive-profile.js';
import { applyProfileOverrides, type ProfileOverrides } from './profile/profile-overrides.js';
import type { TrackingProfile } from './profile/tracking-profile.js';

export interface ProfiledClaim extends Omit<BriefClaim, 'children'> {
  profile: TrackingProfile;
  children: ProfiledClaim[];
}

export interface ProfiledTopic extends Omit<BriefTopic, 'claims'> {
  profile: TrackingProfile;
  claims: ProfiledClaim[];
}

/** A parsed brief with a tracking profile on every topic and claim: what `brief show` prints. */
export interface BriefDocument extends Omit<ParsedBrief, 'topics'> {
  topics: ProfiledTopic[];
}

export function profileBrief(parsed: ParsedBrief, overrides: ProfileOverrides = {}): BriefDocument {
  const profiles = new Map<string, TrackingProfile>();
  for (const topic of parsed.topics) {
    profiles.set(topic.id, deriveTopicProfile(topic));
    for (const claim of flattenClaims(topic.claims)) profiles.set(claim.id, deriveClaimProfile(claim, topic.citations));
  }
  applyProfileOverrides(profiles, overrides);
  const withProfile = (claim: BriefClaim): ProfiledClaim => ({ ...claim, profile: profiles.get(claim.id)!, children: claim.children.map(withProfile) });
  return {
    ...parsed,
    topics: parsed.topics.map((topic) => ({ ...topic, profile: profiles.get(topic.id)!, claims: topic.claims.map(withProfile) })),
  };
}

export function flattenProfiledClaims(claims: readonly ProfiledClaim[]): ProfiledClaim[] {
  return claims.flatMap((claim) => [claim, ...flattenProfiledClaims(claim.children)]);
}
