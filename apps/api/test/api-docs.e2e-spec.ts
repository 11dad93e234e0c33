import { documentedRoutes } from '../src/docs/api-document.js';
import { startSystem, type RunningSystem } from './running-system.js';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('the API reference at /docs', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('documents exactly the routes the API serves', () => {
    const router = (system.api.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } }).router;
    const served = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`))
      .filter((route) => !route.startsWith('GET /docs'));
    expect(new Set(documentedRoutes())).toEqual(new Set(served));
  });

  it('serves an OpenAPI 3.1 document whose inputs come from the validating schemas', async () => {
    const response = await fetch(`${system.baseUrl}/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { parameters: Array<{ name: string; schema: { format?: string } }>; security?: unknown; requestBody?: unknown }>> };
    expect(document.openapi).toBe('3.1.0');
    const developments = document.paths['/briefs/{briefId}/claims/{claimId}/developments']!.get!;
    expect(developments.parameters.find((p) => p.name === 'asOf')!.schema.format).toBe('date-time');
    expect(developments.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['briefId', 'claimId', 'limit', 'cursor', 'since', 'until']));
    expect(document.paths['/subscriptions']!.post!.security).toBeDefined();
    expect(document.paths['/subscriptions']!.post!.requestBody).toMatchObject({ content: { 'application/json': { schema: { properties: { webhookUrl: expect.anything(), digest: expect.anything() } } } } });
    expect(document.paths['/subscriptions']!.get!.security).toBeUndefined();

    const page = await fetch(`${system.baseUrl}/docs`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/docs.js');
  });
});
