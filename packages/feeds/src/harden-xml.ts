import { decodeHTML } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Prepares feed XML for the parser, strict where it matters and lenient where feeds are
 * sloppy: the DOCTYPE (and with it any entity declaration: billion laughs, external
 * entities) is removed so nothing is ever expanded; HTML named entities (`&nbsp;`) become
 * the characters they name; a bare `&` becomes `&amp;`; characters XML forbids are dropped.
 */
export function hardenXml(text: string): { xml: string; warnings: string[] } {
  const warnings: string[] = [];
  let xml = text;
  const doctype = /<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/i;
  if (doctype.test(xml)) {
    const declaresEntities = /<!ENTITY/i.test(xml.match(doctype)![0]);
    xml = xml.replace(doctype, '');
    if (declaresEntities) warnings.push('FEED.DTD_IGNORED: the document declares entities; they were not expanded');
  }
  // CDATA sections are literal: their ampersands are left as they are.
  xml = xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part : fixEntities(part)))
    .join('');
  // eslint-disable-next-line no-control-regex
  xml = xml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return { xml, warnings };
}

function fixEntities(text: string): string {
  return text.replace(/&(#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?/g, (match, reference: string | undefined) => {
    if (!reference) return '&amp;';
    if (reference.startsWith('#')) return match;
    const name = reference.slice(0, -1);
    if (XML_ENTITIES.has(name)) return match;
    const decoded = decodeHTML(match);
    // An unknown name stays visible as text rather than failing the whole feed.
    return decoded === match ? `&amp;${reference}` : decoded.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
  });
}
