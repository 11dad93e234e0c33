export interface DemoStory {
  id: string;
  publisher: string;
  at: number;
  published: string;
  /** The topic the story follows up, or null for a near-miss that should link to nothing. */
  expect: string | null;
  title: string;
  summary: string;
  revised?: { at: number; summary: string };
}
export interface DemoArchive {
  about: string;
  publishers: Record<string, { title: string; publisher: string; format: 'rss' | 'atom'; site: string }>;
  stories: DemoStory[];
}
export const archive: DemoArchive;
export function storiesAt(publisherKey: string, elapsedSeconds: number): DemoStory[];
export function startReplayServer(options?: { port?: number; host?: string; speed?: number }): Promise<{
  hostPort: string;
  feeds: Array<{ key: string; url: string; title: string; publisher: string }>;
  stop(): Promise<void>;
}>;
