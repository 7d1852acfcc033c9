// draw.js: one snapshot of a play session (a play.State) drawn as SVG, by
// hand. Each allocation is a box; the names pointing at it stand above it
// with an arrow down; the handles stored in its node (next, parent,
// children[i]) leave its right edge and enter their target's side or
// bottom, so a cycle is a visible loop. Strong is solid, Weak dashed, a
// stale copy red and dotted. Sizes are in SVG units at a 20-unit font, and
// the picture scales to its column.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const L = {
  font: 20, line: 30, pad: 12, char: 12.2, // a monospace character is about 0.6 em
  minBoxW: 250, gapX: 120, lane: 64, bare: 24, cols: 3, channel: 16, margin: 20, left: 70,
};

// svg makes an SVG element with attributes, appended to parent if given.
function svg(name, attrs, parent) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

function label(parent, x, y, str, cls, anchor) {
  const t = svg('text', { x, y, class: cls || '', 'text-anchor': anchor || 'start' }, parent);
  t.textContent = str;
  return t;
}

// boxLines are the rows of text an allocation's box shows, before its fields.
function boxLines(a, opts) {
  let counts = `strong ${a.strong}   weak ${a.weak}`;
  if (opts.implicit) counts += a.implicit ? ' +1 implicit' : '  (implicit released)';
  let value = `value ${a.value}`;
  if (a.state !== 'alive') value = `was ${a.value} (${a.movedOut ? 'moved out' : 'dropped'})`;
  const lines = [counts, value];
  const b = a.borrows || {};
  if (b.mutably) lines.push('borrowed mutably');
  else if (b.shared > 0) lines.push(`borrowed: ${b.shared} shared`);
  return lines;
}

const stateWords = { alive: 'alive', dropping: 'dropping', dead: 'value dropped', freed: 'freed' };

function fieldText(f) {
  if (f.to) return f.name;
  return `${f.name}: ${f.kind === 'weak' ? 'dangling' : 'none'}`;
}

// layout places every box: its column, row, size and the y of each field.
function layout(allocs, opts) {
  let chars = 0;
  for (const a of allocs) {
    for (const s of boxLines(a, opts)) chars = Math.max(chars, s.length);
    for (const f of a.fields || []) chars = Math.max(chars, fieldText(f).length + 3);
  }
  const w = Math.max(L.minBoxW, Math.ceil(chars * L.char) + 2 * L.pad);
  const cols = Math.min(L.cols, Math.max(1, allocs.length));
  return allocs.map((a, i) => {
    const lines = boxLines(a, opts);
    const fields = a.fields || [];
    const h = L.pad * 2 + L.line * (1 + lines.length + fields.length);
    return { a, lines, fields, col: i % cols, row: Math.floor(i / cols), w, h, x: 0, y: 0 };
  });
}

// route returns the SVG path of field arrow ar, whose field sits at height
// fy in its box. Every arrow enters its target from the left, at a height of
// its own (ar.j counts the arrows into one box), so that arrows into one box
// do not meet. A neighbour to the right at the field's height is reached
// straight. Any other target is reached by the gaps alone: out to the right
// into the gap after the source's column, along the channel under the upper
// of the two rows, into the gap before the target's column, and across into
// the target's side; each of the three has a lane per arrow (ar.out, ar.k,
// ar.in), so no two arrows share a line. Boxes sit
// only between gaps and channels, so no arrow crosses a box.
function route(ar, fy, bottoms) {
  const s = ar.from, t = ar.to;
  const sx = s.x + s.w - L.pad;
  const ty = Math.min(t.y + 20 + ar.j * 20, t.y + t.h - 10);
  if (ar.direct) {
    if (fy > t.y + 8 && fy < t.y + t.h - 8) return `M ${sx} ${fy} H ${t.x - 2}`;
    const mx = s.x + s.w + L.gapX / 2;
    return `M ${sx} ${fy} H ${mx} V ${ty} H ${t.x - 2}`;
  }
  const outX = s.x + s.w + 14 + ar.out * 9;
  const inX = t.x - 14 - ar.in * 9;
  const cy = bottoms[ar.r] + L.channel * (ar.k + 1);
  return `M ${sx} ${fy} H ${outX} V ${cy} H ${inX} V ${ty} H ${t.x - 2}`;
}

function defs(root) {
  const d = svg('defs', {}, root);
  for (const kind of ['strong', 'weak', 'stale']) {
    const m = svg('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5,
      markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' }, d);
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `head ${kind}` }, m);
  }
  const p = svg('pattern', { id: 'hatch', width: 12, height: 12, patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)' }, d);
  svg('rect', { width: 12, height: 12, class: 'hatch-bg' }, p);
  svg('line', { x1: 0, y1: 0, x2: 0, y2: 12, class: 'hatch-line' }, p);
}

// drawState returns the SVG picture of state. opts.implicit shows the
// implicit weak in each box's counts; opts.title names the picture.
function drawState(state, opts) {
  const allocs = state.allocs || [];
  const handles = state.handles || [];
  const boxes = layout(allocs, opts);
  const byID = new Map(boxes.map((b) => [b.a.id, b]));
  const rows = Math.max(1, ...boxes.map((b) => b.row + 1));

  // Field arrows: which channel each one runs along (the one under the upper
  // of its two rows), so that rows can be spaced to hold them.
  const arrows = [];
  const perRow = new Array(rows).fill(0);
  const into = new Map();
  const outOfCol = new Array(L.cols).fill(0);
  const intoCol = new Array(L.cols).fill(0);
  for (const b of boxes) {
    b.fields.forEach((f, i) => {
      const t = byID.get(f.to);
      if (!t) return;
      const j = into.get(t.a.id) || 0;
      into.set(t.a.id, j + 1);
      const direct = t.row === b.row && t.col === b.col + 1;
      const r = Math.min(b.row, t.row);
      const ar = { from: b, field: f, i, to: t, j, r, direct, k: 0, out: 0, in: 0 };
      if (!direct) {
        ar.k = perRow[r]++;
        ar.out = outOfCol[b.col]++;
        ar.in = intoCol[t.col]++;
      }
      arrows.push(ar);
    });
  }
  // Rows: the names' lane above, the boxes, the channel below.
  // A row whose boxes no name points at needs only room for the LEAKED badge.
  const named = new Set(handles.filter((h) => !h.spent).map((h) => h.to));
  let y = L.margin;
  const bottoms = [];
  for (let r = 0; r < rows; r++) {
    const inRow = boxes.filter((b) => b.row === r);
    const h = Math.max(0, ...inRow.map((b) => b.h));
    const lane = inRow.some((b) => named.has(b.a.id)) ? L.lane : L.bare;
    for (const b of inRow) { b.y = y + lane; b.x = L.left + b.col * (b.w + L.gapX); }
    bottoms[r] = y + lane + h;
    y = bottoms[r] + L.channel * (perRow[r] + 1) + 8;
  }
  const loose = handles.filter((h) => !byID.has(h.to) || h.spent);
  const width = Math.max(600, L.left + Math.min(boxes.length, L.cols) * ((boxes[0] || { w: 0 }).w + L.gapX));
  const height = y + (loose.length ? L.line * 2 : 0) + (allocs.length ? 0 : L.line * 2);

  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': 'picture-title picture-desc', class: 'session', 'font-size': L.font });
  root.style.maxWidth = `${Math.round(width * 1.6)}px`;
  svg('title', { id: 'picture-title' }, root).textContent = opts.title || 'The session';
  svg('desc', { id: 'picture-desc' }, root).textContent = describe(state);
  defs(root);

  if (!allocs.length) label(root, L.left, L.margin + L.line, 'nothing allocated', 'empty-note');
  for (const b of boxes) drawBox(root, b);
  for (const ar of arrows) {
    const fy = ar.from.y + L.pad + L.line * (1 + ar.from.lines.length + ar.i) + L.line / 2;
    const cls = `arrow field ${ar.field.kind}`;
    svg('path', { d: route(ar, fy, bottoms), class: cls,
      'marker-end': `url(#arrow-${ar.field.kind})`, 'data-field': `${ar.from.a.id}.${ar.field.name}->${ar.to.a.id}` }, root);
    svg('circle', { cx: ar.from.x + ar.from.w - L.pad, cy: fy, r: 5, class: `dot ${ar.field.kind}` }, root);
  }
  for (const b of boxes) drawNames(root, b, handles.filter((h) => h.to === b.a.id && !h.spent));
  if (loose.length) drawLoose(root, loose, y + L.line);
  return root;
}

function drawBox(root, b) {
  const a = b.a;
  const g = svg('g', { class: `alloc ${a.state}${a.leaked ? ' leaked' : ''}`, 'data-alloc': a.id,
    'data-state': a.state, 'data-leaked': a.leaked ? 'yes' : 'no' }, root);
  svg('title', {}, g).textContent = describeAlloc(a);
  svg('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 10, class: 'box' }, g);
  let y = b.y + L.pad + L.line - 8;
  label(g, b.x + L.pad, y, `#${a.id}${a.gen ? ` gen ${a.gen}` : ''}`, 'title');
  label(g, b.x + b.w - L.pad, y, stateWords[a.state] || a.state, 'state', 'end');
  for (const s of b.lines) { y += L.line; label(g, b.x + L.pad, y, s, 'row'); }
  for (const f of b.fields) { y += L.line; label(g, b.x + L.pad, y, fieldText(f), `row fieldname ${f.kind}`); }
  if (a.leaked) {
    svg('rect', { x: b.x + b.w - 118, y: b.y - 16, width: 118, height: 30, rx: 6, class: 'badge' }, g);
    label(g, b.x + b.w - 59, b.y + 6, 'LEAKED', 'badge-text', 'middle');
  }
}

// drawNames draws the names pointing at box b in the lane above it.
function drawNames(root, b, names) {
  let x = b.x;
  const y = b.y - L.lane + 6;
  names.forEach((h, i) => {
    const kind = h.stale ? 'stale' : h.kind;
    const text = h.stale ? `${h.name} (stale)` : h.name;
    const w = text.length * L.char + 20;
    const g = svg('g', { class: `name ${kind}` }, root);
    svg('title', {}, g).textContent = describeHandle(h);
    svg('rect', { x, y, width: w, height: L.line, rx: 14, class: 'tag' }, g);
    label(g, x + w / 2, y + L.line - 8, text, 'tag-text', 'middle');
    const ax = Math.min(x + w / 2, b.x + b.w - 20 - i * 4);
    svg('path', { d: `M ${x + w / 2} ${y + L.line} L ${ax} ${b.y - 2}`, class: `arrow ${kind}`,
      'marker-end': `url(#arrow-${kind})` }, g);
    x += w + 10;
  });
}

// drawLoose lists the names that point at no allocation in the picture.
function drawLoose(root, loose, y) {
  const parts = loose.map((h) => {
    if (h.spent) return `${h.name} (${h.spent})`;
    if (h.stale) return `${h.name} (stale: #${h.to} is over)`;
    if (h.kind === 'weak' && !h.to) return `${h.name} (dangling)`;
    return `${h.name} (#${h.to} is gone)`;
  });
  label(root, L.left, y, `not pointing at anything here: ${parts.join(', ')}`, 'loose');
}

function describeAlloc(a) {
  let s = `allocation #${a.id}${a.gen ? `, generation ${a.gen}` : ''}: ${stateWords[a.state] || a.state}` +
    `, strong ${a.strong}, weak ${a.weak}${a.implicit ? ' plus the implicit weak' : ''}, ` +
    (a.state === 'alive' ? `value ${a.value}` : `value was ${a.value}`);
  for (const f of a.fields || []) {
    s += f.to ? `; ${f.name} is a ${f.kind} handle to #${f.to}` : `; ${f.name} is empty`;
  }
  if (a.leaked) s += '; LEAKED: alive, but no name reaches it';
  return s;
}

function describeHandle(h) {
  if (h.spent) return `${h.name}: used up (${h.spent})`;
  const kind = h.kind === 'weak' ? 'Weak' : 'strong handle';
  if (h.stale) return `${h.name}: a stale ${kind} (a copy without Clone) at #${h.to}, which is over`;
  return h.to ? `${h.name}: a ${kind} to #${h.to}` : `${h.name}: a dangling ${kind}`;
}

// describe says in words what the picture shows, for a screen reader.
function describe(state) {
  const allocs = state.allocs || [];
  const parts = allocs.map(describeAlloc);
  if (!allocs.length) parts.push('nothing allocated');
  for (const h of state.handles || []) parts.push(describeHandle(h));
  return parts.join('. ') + '.';
}
