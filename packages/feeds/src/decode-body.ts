import iconv from 'iconv-lite';

/** The text of a feed body, and how its charset was decided. */
export interface DecodedBody {
  text: string;
  charset: string;
  warnings: string[];
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
}

function charsetFromProlog(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 512).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

function charsetFromBom(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The canonical name of a charset label, when it names one briefwatch can decode. */
function knownCharset(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  return iconv.encodingExists(name) ? name : undefined;
}

/**
 * Decodes a feed body to text: the byte-order mark first, then the Content-Type charset,
 * then the XML prolog's encoding, else UTF-8 (the XML default). Windows-1252, ISO-8859-x,
 * EUC-KR, Shift_JIS, GBK and the other common encodings are decoded with iconv-lite (Node's
 * own TextDecoder reads windows-1252 as Latin-1 and loses curly quotes); an unknown label
 * is read as UTF-8 and said so in the warnings.
 */
export function decodeBody(bytes: Buffer, contentType?: string): DecodedBody {
  const warnings: string[] = [];
  const candidates = [charsetFromBom(bytes), charsetFromContentType(contentType), charsetFromProlog(bytes)].filter((c): c is string => Boolean(c));
  for (const label of candidates) {
    const charset = knownCharset(label);
    if (charset) return { text: iconv.decode(bytes, charset).replace(/^\uFEFF/, ''), charset, warnings };
    warnings.push(`FEED.UNKNOWN_CHARSET: "${label}" is not a known charset; read as UTF-8`);
  }
  return { text: iconv.decode(bytes, 'utf-8').replace(/^\uFEFF/, ''), charset: 'utf-8', warnings };
}
