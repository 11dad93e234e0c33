import type { RunningSystem } from './running-system.js';

/** A write request to the running system's API, with its key. */
export async function postJson(system: RunningSystem, route: string, body: unknown = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${system.baseUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${system.apiKey}` }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function getJson<T = Record<string, unknown>>(system: RunningSystem, route: string): Promise<T> {
  return (await (await fetch(`${system.baseUrl}${route}`)).json()) as T;
}
