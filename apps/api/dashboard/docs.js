// Draws the API reference from /docs/openapi.json: one card per route, with its inputs.
const view = document.getElementById('view');

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  for (const child of children.flat(Infinity)) if (child !== null && child !== undefined && child !== false) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

const doc = await (await fetch('/docs/openapi.json')).json();
const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
const tags = [...new Set(operations.map((op) => op.tags[0]))];
view.replaceChildren(
  h('h1', {}, doc.info.title),
  h('p', { class: 'muted' }, doc.info.description, ' Writes need an API key: ', h('code', {}, 'Authorization: Bearer <key>'), '. Errors are problem+json with a stable code.'),
  ...tags.map((tag) =>
    h('section', {},
      h('h2', {}, tag),
      operations.filter((op) => op.tags[0] === tag).map((op) =>
        h('div', { class: 'card', 'data-route': `${op.method.toUpperCase()} ${op.path}` },
          h('div', {}, h('strong', {}, op.method.toUpperCase()), ' ', h('code', {}, op.path), op.security ? ' ' : null, op.security ? h('span', { class: 'badge' }, 'key') : null),
          h('div', { class: 'muted' }, op.summary),
          op.parameters.filter((p) => p.in === 'query').length
            ? h('ul', { class: 'why' }, op.parameters.filter((p) => p.in === 'query').map((p) => h('li', {}, h('code', {}, p.name), ` ${p.schema.type ?? ''}${p.schema.format ? ` (${p.schema.format})` : ''}${p.schema.default !== undefined ? `, default ${JSON.stringify(p.schema.default)}` : ''}${p.schema.description ? `: ${p.schema.description}` : ''}`)))
            : null,
          op.requestBody ? h('details', {}, h('summary', {}, 'body'), h('pre', {}, JSON.stringify(Object.values(op.requestBody.content)[0].schema, null, 2))) : null)))),
);
document.body.dataset.ready = 'true';
