// The briefwatch dashboard: no framework, nothing fetched from outside briefwatch. Text
// from feeds only ever reaches the page as text nodes (never as HTML), and links only when
// they are http(s).

const view = document.getElementById('view');
const SVG = 'http://www.w3.org/2000/svg';
const PALETTE = ['#2f5bea', '#e04f5f', '#12a150', '#f59f00', '#7048e8', '#0c8599', '#d6336c', '#5c940d', '#e8590c', '#495057'];
const state = { briefs: [], brief: null, sources: new Map(), renderedFor: null };

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    // Through the CSSOM: the page's policy refuses style attributes in markup.
    else if (key === 'style') el.style.cssText = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  for (const child of children.flat()) if (child) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

/** A link only for http(s) URLs: a feed cannot smuggle in javascript: or data: links. */
function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

/** Where reads need a key (API_READS_NEED_KEY), the one the user gave, kept for this tab only. */
const KEY_STORE = 'briefwatch-api-key';

async function api(path) {
  const key = sessionStorage.getItem(KEY_STORE);
  const response = await fetch(path, { headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) } });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) throw Object.assign(new Error(body.detail ?? 'an API key is needed'), { needsKey: true });
  if (!response.ok) throw new Error(body.detail ?? `${response.status} ${response.statusText}`);
  return body;
}

function askForKey(reason) {
  const input = h('input', { type: 'password', name: 'key', autocomplete: 'off', placeholder: 'bwk_…', 'aria-label': 'API key' });
  show(h('form', { class: 'card', onsubmit: (event) => { event.preventDefault(); sessionStorage.setItem(KEY_STORE, input.value.trim()); location.reload(); } },
    h('p', {}, reason),
    h('p', { class: 'muted' }, 'Reads need an API key on this server. It is kept in this tab only.'),
    input, ' ', h('button', { type: 'submit' }, 'Open')));
}

const day = (iso) => (iso ? iso.slice(0, 10) : '—');
const sourceName = (id) => state.sources.get(id)?.title ?? id.slice(0, 8);
const colorOf = (sourceId) => {
  const ids = [...state.sources.keys()];
  const index = ids.indexOf(sourceId);
  return PALETTE[(index < 0 ? ids.length : index) % PALETTE.length];
};

/** The passage, with each occurrence of the feature marked. */
function highlighted(passage, feature) {
  const parts = [];
  const lower = passage.toLowerCase();
  const needle = String(feature ?? '').toLowerCase();
  let at = 0;
  for (let found = needle ? lower.indexOf(needle) : -1; found >= 0; found = lower.indexOf(needle, at)) {
    parts.push(passage.slice(at, found), h('mark', {}, passage.slice(found, found + needle.length)));
    at = found + needle.length;
  }
  parts.push(passage.slice(at));
  return parts;
}

/** Replaces what the view shows; null and false stand for nothing. */
function show(...nodes) {
  view.replaceChildren(...nodes.flat().filter((node) => node !== null && node !== undefined && node !== false));
}

function flatten(claims, depth = 0) {
  return claims.flatMap((claim) => [{ ...claim, depth }, ...flatten(claim.children ?? [], depth + 1)]);
}

// ── Claims ────────────────────────────────────────────────────────────────────────────

async function renderClaims() {
  const matrix = await api(`/briefs/${state.brief.id}/coverage-matrix`);
  const byClaim = new Map(matrix.claims.map((c) => [c.claimId, c]));
  show(
    h('h1', {}, state.brief.title),
    ...state.brief.topics.map((topic) =>
      h('section', { class: 'card' },
        h('h2', {}, `${topic.id} · ${topic.title}`),
        h('ul', { class: 'claims' },
          flatten(topic.claims).map((claim) => {
            const seen = byClaim.get(claim.id);
            return h('li', { class: claim.depth ? 'child' : null, 'data-claim': claim.id },
              h('span', { class: 'id' }, claim.id),
              h('a', { class: 'text', href: `#/claim/${claim.id}` }, claim.text),
              h('span', { class: 'count' }, seen?.total ? `${seen.total} · ${day(seen.last)}` : ''),
              seen?.quiet ? h('span', { class: 'badge quiet' }, 'quiet') : null);
          }))),
    ),
  );
}

// ── One claim ─────────────────────────────────────────────────────────────────────────

function timelineChart(items) {
  const width = 800;
  const lanes = [...new Set(items.map((i) => i.article.sources[0]?.sourceId ?? 'unknown'))];
  const laneHeight = 22;
  const height = 40 + lanes.length * laneHeight;
  const times = items.map((i) => Date.parse(i.article.published ?? i.linkedAt));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 86_400_000);
  const x = (t) => 30 + ((t - min) / span) * (width - 60);
  const tickCount = Math.min(6, Math.max(2, Math.round(span / 86_400_000)));
  const ticks = Array.from({ length: tickCount }, (_, i) => new Date(min + (span * i) / (tickCount - 1)));
  return svg('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `timeline of ${items.length} developments` },
    svg('line', { class: 'axis', x1: 30, x2: width - 30, y1: height - 22, y2: height - 22 }),
    ticks.map((tick, i) => svg('text', { x: x(tick.getTime()), y: height - 6, 'text-anchor': i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle' }, tick.toISOString().slice(0, 10))),
    items.map((item, index) => {
      const source = item.article.sources[0]?.sourceId ?? 'unknown';
      return svg('circle', { cx: x(times[index]), cy: 14 + lanes.indexOf(source) * laneHeight, r: 6 + Math.min(item.alsoReportedBy.length, 4), fill: colorOf(source), 'fill-opacity': 0.85, 'data-article': item.article.id },
        svg('title', {}, `${day(item.article.published ?? item.linkedAt)} ${item.article.title}`));
    }));
}

function development(item) {
  const url = safeUrl(item.article.link);
  const evidence = Array.isArray(item.why) ? item.why.slice(0, 4) : [];
  return h('article', { class: 'card development', 'data-article': item.article.id },
    h('h3', {}, url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, item.article.title) : item.article.title),
    h('div', { class: 'meta' },
      `${day(item.article.published ?? item.linkedAt)} · `,
      item.article.sources.map((s, i) => [i ? ', ' : '', h('span', { style: `color:${colorOf(s.sourceId)}` }, sourceName(s.sourceId))]),
      ` · score ${item.score.toFixed(2)}`,
      item.article.revision > 1 ? ` · revision ${item.article.revision}` : ''),
    evidence.length ? h('ul', { class: 'why' }, evidence.map((e) => h('li', {}, highlighted(e.passage, e.feature)))) : null,
    item.alsoReportedBy.length ? h('div', { class: 'also' }, `Also reported by: `, item.alsoReportedBy.map((o, i) => [i ? ', ' : '', safeUrl(o.article.link) ? h('a', { href: safeUrl(o.article.link), rel: 'noopener noreferrer', target: '_blank' }, o.article.title) : o.article.title])) : null);
}

async function renderClaim(claimId) {
  const claim = state.brief.topics.flatMap((t) => flatten(t.claims).map((c) => ({ ...c, topic: t }))).find((c) => c.id === claimId);
  if (!claim) throw new Error(`no claim ${claimId} in this brief`);
  const page = await api(`/briefs/${state.brief.id}/claims/${encodeURIComponent(claimId)}/developments?limit=200`);
  const sources = [...new Set(page.items.flatMap((i) => i.article.sources.map((s) => s.sourceId)))];
  show(
    h('p', { class: 'muted' }, h('a', { href: '#/' }, '← claims'), ` · ${claim.topic.id} ${claim.topic.title}`),
    h('h1', { 'data-claim': claim.id }, `${claim.id} · `, claim.text),
    claim.citations?.length ? h('p', { class: 'muted' }, `cites [${claim.citations.join('], [')}]`) : null,
    page.items.length
      ? h('section', { class: 'card' }, h('h2', {}, `${page.items.length} later developments`), timelineChart(page.items),
          h('div', { class: 'legend' }, sources.map((s) => h('span', {}, h('span', { class: 'swatch', style: `background:${colorOf(s)}` }), sourceName(s)))))
      : h('p', { class: 'card muted' }, 'No later developments linked to this claim yet.'),
    h('section', { id: 'developments' }, page.items.map(development)),
  );
}

// ── Coverage matrix ───────────────────────────────────────────────────────────────────

async function renderMatrix() {
  const matrix = await api(`/briefs/${state.brief.id}/coverage-matrix`);
  const sources = matrix.sources.filter((s) => s.total > 0);
  const silent = matrix.sources.length - sources.length;
  const max = Math.max(1, ...matrix.cells.map((c) => c.count));
  const cell = new Map(matrix.cells.map((c) => [`${c.claimId}|${c.sourceId}`, c]));
  show(
    h('h1', {}, 'Who followed up which claim'),
    h('p', { class: 'muted' }, `${matrix.claims.filter((c) => c.quiet).length} of ${matrix.claims.length} claims quiet for ${matrix.quietDays} days; ${silent} sources have followed up none.`),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'matrix' },
        h('thead', {}, h('tr', {}, h('th', {}, 'claim'), sources.map((s) => h('th', { title: s.title }, s.publisher ?? s.title)), h('th', {}, 'latest'))),
        h('tbody', {}, matrix.claims.map((claim) =>
          h('tr', { class: claim.quiet ? 'quiet' : null, 'data-claim': claim.claimId },
            h('td', {}, h('a', { href: `#/claim/${claim.claimId}`, title: claim.text }, claim.claimId), ' ', claim.quiet ? h('span', { class: 'badge quiet' }, 'quiet') : null),
            sources.map((s) => {
              const c = cell.get(`${claim.claimId}|${s.sourceId}`);
              return h('td', { class: 'cell', title: c ? `${c.count} from ${s.title}, latest ${day(c.last)}` : '', style: c ? `background: rgb(47 91 234 / ${(0.12 + 0.6 * (c.count / max)).toFixed(2)})` : null }, c ? c.count : '');
            }),
            h('td', {}, day(claim.last))))))));
}

// ── Sources ───────────────────────────────────────────────────────────────────────────

function statusBadge(source) {
  if (source.failing) return h('span', { class: 'badge failing' }, `failing ×${source.consecutiveFailures}`);
  if (source.quietSince) return h('span', { class: 'badge quiet' }, 'quiet');
  return h('span', { class: `badge ${source.status === 'active' ? 'active' : ''}` }, source.status);
}

async function renderSources() {
  const sources = [...state.sources.values()];
  show(
    h('h1', {}, 'Sources'),
    h('div', { class: 'table-wrap' },
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'source'), h('th', {}, 'status'), h('th', {}, 'last poll'), h('th', {}, 'new'), h('th', {}, 'revised'))),
        h('tbody', {}, sources.map((s) =>
          h('tr', { 'data-source': s.id },
            h('td', {}, h('a', { href: `#/source/${s.id}` }, s.title), h('div', { class: 'muted' }, s.feedUrl)),
            h('td', {}, statusBadge(s), s.lastError ? h('div', { class: 'muted' }, s.lastError.code) : null),
            h('td', {}, s.lastPolledAt ? s.lastPolledAt.replace('T', ' ').slice(0, 16) : 'never'),
            h('td', { class: 'cell' }, s.articlesNew),
            h('td', { class: 'cell' }, s.articlesRevised)))))));
}

function pollChart(polls) {
  const width = 800;
  const height = 120;
  const ordered = [...polls].reverse();
  const most = Math.max(1, ...ordered.map((p) => p.itemsNew + p.itemsRevised));
  const bar = (width - 20) / Math.max(ordered.length, 1);
  return svg('svg', { class: 'timeline polls', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${polls.length} polls` },
    ordered.map((poll, i) => {
      const x = 10 + i * bar;
      const w = Math.max(1, bar - 1);
      if (poll.error) return svg('rect', { class: 'error', x, y: height - 30, width: w, height: 30 }, svg('title', {}, `${poll.polledAt} ${poll.error.code}`));
      const newH = ((height - 10) * poll.itemsNew) / most;
      const revH = ((height - 10) * poll.itemsRevised) / most;
      return svg('g', {},
        svg('rect', { class: 'new', x, y: height - newH, width: w, height: newH }),
        svg('rect', { class: 'revised', x, y: height - newH - revH, width: w, height: revH }),
        svg('title', {}, `${poll.polledAt}: ${poll.itemsNew} new, ${poll.itemsRevised} revised`));
    }));
}

async function renderSource(sourceId) {
  const [source, polls] = await Promise.all([api(`/sources/${sourceId}`), api(`/sources/${sourceId}/polls?limit=200`)]);
  show(
    h('p', { class: 'muted' }, h('a', { href: '#/sources' }, '← sources')),
    h('h1', {}, source.title, ' ', statusBadge(source)),
    h('p', { class: 'muted' }, source.feedUrl),
    h('section', { class: 'card' }, h('h2', {}, 'Polls: new and revised items, errors in red'), pollChart(polls.items)),
    h('div', { class: 'table-wrap' },
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'polled'), h('th', {}, 'answer'), h('th', {}, 'items'), h('th', {}, 'ms'), h('th', {}, 'raw response'))),
        h('tbody', {}, polls.items.map((p) =>
          h('tr', {},
            h('td', {}, p.polledAt.replace('T', ' ').slice(0, 19)),
            h('td', {}, p.error ? h('span', { class: 'badge failing' }, p.error.code) : p.notModified ? '304' : String(p.status)),
            h('td', {}, p.error ? p.error.message ?? '' : `${p.itemsSeen} seen, ${p.itemsNew} new, ${p.itemsRevised} revised`),
            h('td', { class: 'cell' }, p.durationMs),
            h('td', { class: 'muted' }, p.rawHash ? p.rawHash.slice(0, 12) : '')))))));
}

// ── Routing, live updates ─────────────────────────────────────────────────────────────

async function route() {
  const [, name = '', arg] = location.hash.match(/^#\/([a-z]*)\/?(.*)$/) ?? [];
  for (const link of document.querySelectorAll('nav a')) link.classList.toggle('active', link.dataset.view === ({ '': 'claims', claim: 'claims', source: 'sources' }[name] ?? name));
  try {
    if (!state.brief) return show(h('p', { class: 'card' }, 'No brief imported yet. Run ', h('code', {}, 'npx briefwatch brief import <file>'), '.'));
    if (name === 'claim') await renderClaim(decodeURIComponent(arg));
    else if (name === 'matrix') await renderMatrix();
    else if (name === 'sources') await renderSources();
    else if (name === 'source') await renderSource(decodeURIComponent(arg));
    else await renderClaims();
    state.renderedFor = location.hash;
  } catch (error) {
    show(h('p', { class: 'card' }, `Could not load this view: ${error.message}`));
  }
}

function toast(text) {
  const note = h('div', { class: 'toast' }, text);
  document.getElementById('toasts').append(note);
  setTimeout(() => note.remove(), 6000);
}

function listen() {
  const live = document.getElementById('live');
  const stream = new EventSource(`/coverage/stream?briefId=${encodeURIComponent(state.brief.id)}`);
  let pending = null;
  stream.addEventListener('ready', () => { live.textContent = 'live'; live.classList.add('on'); });
  stream.addEventListener('error', () => { live.textContent = 'reconnecting'; live.classList.remove('on'); });
  stream.addEventListener('linked', (message) => {
    const link = JSON.parse(message.data);
    toast(`New coverage linked to ${link.claimId ?? link.topicId}`);
    clearTimeout(pending);
    pending = setTimeout(async () => {
      state.sources = new Map((await api('/sources?limit=200')).items.map((s) => [s.id, s]));
      await route();
    }, 400);
  });
}

async function start() {
  const [briefs, sources] = await Promise.all([api('/briefs'), api('/sources?limit=200')]);
  state.briefs = briefs.items;
  state.sources = new Map(sources.items.map((s) => [s.id, s]));
  if (state.briefs[0]) {
    state.brief = await api(`/briefs/${state.briefs[0].id}`);
    document.getElementById('brief-title').textContent = state.brief.title;
    document.title = `briefwatch · ${state.brief.title}`;
    // EventSource cannot send a key: live updates are for servers whose reads are open.
    if (!sessionStorage.getItem(KEY_STORE)) listen();
  }
  window.addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  if (error.needsKey) return askForKey(error.message);
  show(h('p', { class: 'card' }, `briefwatch could not start: ${error.message}`));
});
