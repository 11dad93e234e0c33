import { Controller, Get, Header } from '@nestjs/common';
import { apiDocument } from './api-document.js';

const VERSION = '0.1.0';

@Controller('docs')
export class DocsController {
  private readonly document = apiDocument(VERSION);

  /** The OpenAPI 3.1 document. */
  @Get('openapi.json')
  openapi() {
    return this.document;
  }

  /** A readable page of the same document, drawn by /docs.js from openapi.json. */
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")
  page() {
    return '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>briefwatch API</title><link rel="stylesheet" href="/dashboard.css"><script type="module" src="/docs.js"></script></head><body><header class="bar"><a class="brand" href="/">briefwatch</a><span class="brief-title">API reference</span><nav><a href="/docs/openapi.json">openapi.json</a></nav></header><main id="view"><p class="muted">Loading…</p></main></body></html>';
  }
}
