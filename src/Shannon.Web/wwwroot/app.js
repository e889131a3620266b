// Shannon explorer: draws what the local JSON API computes. No information-theoretic maths here: every number shown
// comes from the server (the Shannon library); this file only lays out, scales and colours.
'use strict';

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
const unitSelect = $('#unit');

/** A number as shown: 4 decimals; the exact value the server sent stays in data-value. */
function fmt(v, digits = 4) {
  if (typeof v === 'number') return v.toFixed(digits);
  if (v === 'Infinity') return '\u221e';
  return String(v ?? '');
}
function show(id, v, digits = 4) {
  const e = typeof id === 'string' ? document.getElementById(id) : id;
  e.textContent = fmt(v, digits);
  e.dataset.value = String(v);
}
const finite = (v) => typeof v === 'number' && Number.isFinite(v);

async function call(url, init) {
  const response = await fetch(url, init);
  let body;
  try { body = await response.json(); } catch { body = { error: `the server answered ${response.status}` }; }
  if (!response.ok) throw new Error(body.error || `the server answered ${response.status}`);
  return body;
}

/** The [data-param] controls of a panel as a query string, with the page's unit. */
function query(root, extra = {}) {
  const q = new URLSearchParams();
  for (const e of $$('[data-param]', root)) q.set(e.dataset.param, e.value);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) q.set(k, v);
  q.set('unit', unitSelect.value);
  return q.toString();
}

/**
 * A panel: on any input inside it (and on a unit change) it asks the server and draws the answer. At most one request
 * is in flight; changes made meanwhile trigger one more, so the last drawing always matches the controls.
 * data-busy is "1" from the first change until the drawing matches (tests wait on it).
 */
function panel(id, { request, render }) {
  const root = document.getElementById(id);
  const error = $('.error', root);
  let inFlight = false;
  let dirty = false;
  async function update() {
    root.dataset.busy = '1';
    if (inFlight) { dirty = true; return; }
    inFlight = true;
    try {
      do {
        dirty = false;
        try {
          const json = await request(root);
          if (json) {
            render(json, root);
            for (const u of $$('.u', root)) u.textContent = json.unit ?? '';
          }
          error.textContent = '';
        } catch (e) {
          error.textContent = e.message;
        }
      } while (dirty);
    } finally {
      inFlight = false;
      root.dataset.busy = '0';
    }
  }
  root.addEventListener('input', update);
  unitSelect.addEventListener('change', update);
  return { root, update };
}

// ---- drawing: plain SVG ----
const NS = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs = {}, parent = null, text = null) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== null) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}
function viewBox(svg) { const [, , w, h] = svg.getAttribute('viewBox').split(' ').map(Number); return { w, h }; }

/** Round tick positions over [lo, hi]. */
function ticks(lo, hi, count = 5) {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count + 0.5);
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}
const tickText = (t) => (Math.abs(t) >= 1000 || (Math.abs(t) < 0.01 && t !== 0) ? t.toExponential(0) : String(+t.toFixed(3)));

/** Clears the SVG and draws axes; returns scales from data to pixels. */
function frame(svg, { x, y, xlabel = '', ylabel = '', margin = { l: 52, r: 14, t: 12, b: 40 }, grid = true }) {
  svg.replaceChildren();
  const { w, h } = viewBox(svg);
  const px = (v) => margin.l + ((v - x[0]) / (x[1] - x[0])) * (w - margin.l - margin.r);
  const py = (v) => h - margin.b - ((v - y[0]) / (y[1] - y[0])) * (h - margin.t - margin.b);
  const g = svgEl('g', {}, svg);
  for (const t of ticks(x[0], x[1])) {
    if (grid) svgEl('line', { x1: px(t), x2: px(t), y1: margin.t, y2: h - margin.b, class: 'grid' }, g);
    svgEl('text', { x: px(t), y: h - margin.b + 14, 'text-anchor': 'middle', class: 'tick' }, g, tickText(t));
  }
  for (const t of ticks(y[0], y[1], 4)) {
    if (grid) svgEl('line', { x1: margin.l, x2: w - margin.r, y1: py(t), y2: py(t), class: 'grid' }, g);
    svgEl('text', { x: margin.l - 6, y: py(t) + 4, 'text-anchor': 'end', class: 'tick' }, g, tickText(t));
  }
  svgEl('path', { d: `M${margin.l},${margin.t}V${h - margin.b}H${w - margin.r}`, class: 'axis' }, g);
  svgEl('text', { x: (margin.l + w - margin.r) / 2, y: h - 6, 'text-anchor': 'middle', class: 'label' }, g, xlabel);
  svgEl('text', { x: 12, y: (margin.t + h - margin.b) / 2, 'text-anchor': 'middle', class: 'label', transform: `rotate(-90 12 ${(margin.t + h - margin.b) / 2})` }, g, ylabel);
  return { px, py, g, w, h, margin };
}
function pathOf(xs, ys, f) {
  let d = '';
  for (let i = 0; i < xs.length; i++) if (finite(ys[i])) d += `${d ? 'L' : 'M'}${f.px(xs[i]).toFixed(2)},${f.py(ys[i]).toFixed(2)}`;
  return d;
}

/** A perceptual blue-to-yellow ramp (viridis stops), t in [0, 1]. */
function colour(t) {
  const stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  const s = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(s), stops.length - 2);
  const f = s - i;
  const c = stops[i].map((a, k) => Math.round(a + (stops[i + 1][k] - a) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
/** Draws a heatmap of values[row][col] into the rectangle; colour by log(1 + v) / log(1 + max). */
function heatmap(parent, values, rect, { labels = null, digits = null } = {}) {
  const rows = values.length;
  const cols = values[0].length;
  let max = 0;
  for (const r of values) for (const v of r) if (finite(v)) max = Math.max(max, v);
  const cw = rect.w / cols;
  const ch = rect.h / rows;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = values[i][j];
      const t = finite(v) && max > 0 ? Math.log1p(v) / Math.log1p(max) : 1;
      // null: a quantity that is not on this scale (a differential entropy on an MI matrix's diagonal), left blank.
      svgEl('rect', { x: rect.x + j * cw, y: rect.y + (rows - 1 - i) * ch, width: cw + 0.5, height: ch + 0.5, fill: v === null ? '#e5e5e5' : colour(t) }, parent);
      if (digits !== null && v !== null) {
        svgEl('text', { x: rect.x + (j + 0.5) * cw, y: rect.y + (rows - 1 - i + 0.5) * ch + 4, 'text-anchor': 'middle', class: 'tick', fill: t > 0.6 ? '#111' : '#fff', style: `fill:${t > 0.6 ? '#111' : '#fff'}` }, parent, fmt(v, digits));
      }
    }
  }
  return { max };
}

// ---- 1 Coin ----
panel('panel-coin', {
  request: (root) => call('/api/coin?' + query(root)),
  render(json) {
    show('coin-p-value', json.p, 2);
    show('coin-entropy', json.entropy);
    show('coin-surprisal-heads', json.surprisal_heads);
    show('coin-surprisal-tails', json.surprisal_tails);
    const f = frame($('#coin-plot'), { x: [0, 1], y: [0, json.max_entropy * 1.08], xlabel: 'P(heads) p', ylabel: `H(p) (${json.unit})` });
    svgEl('path', { d: pathOf(json.curve.p, json.curve.h, f), class: 'curve' }, f.g);
    svgEl('line', { x1: f.px(json.p), x2: f.px(json.p), y1: f.py(0), y2: f.py(json.entropy), class: 'guide' }, f.g);
    svgEl('circle', { cx: f.px(json.p), cy: f.py(json.entropy), r: 6, class: 'marker' }, f.g);
    svgEl('text', { x: f.px(json.p) + (json.p > 0.7 ? -8 : 8), y: f.py(json.entropy) - 10, 'text-anchor': json.p > 0.7 ? 'end' : 'start', class: 'label' }, f.g,
      `H(${json.p.toFixed(2)}) = ${fmt(json.entropy)} ${json.unit}`);
  },
}).update();

// ---- 2 Two Gaussians ----
panel('panel-gaussians', {
  request: (root) => call('/api/gaussians?' + query(root)),
  render(json) {
    show('g-mu1-value', json.mu1, 1);
    show('g-sigma1-value', json.sigma1, 1);
    show('g-mu2-value', json.mu2, 1);
    show('g-sigma2-value', json.sigma2, 1);
    show('g-kl-pq', json.kl_pq);
    show('g-kl-qp', json.kl_qp);
    const d = json.densities;
    const top = Math.max(...d.p, ...d.q) * 1.1;
    const f = frame($('#g-densities'), { x: [d.x[0], d.x[d.x.length - 1]], y: [0, top], xlabel: 'x', ylabel: 'density' });
    for (const [ys, cls] of [[d.p, ''], [d.q, ' q']]) {
      const line = pathOf(d.x, ys, f);
      svgEl('path', { d: `${line}L${f.px(d.x[d.x.length - 1])},${f.py(0)}L${f.px(d.x[0])},${f.py(0)}Z`, class: 'area' + cls }, f.g);
      svgEl('path', { d: line, class: 'curve' + cls }, f.g);
    }
    svgEl('text', { x: f.w - 20, y: 26, 'text-anchor': 'end', class: 'label', style: 'fill:var(--p)' }, f.g, `P = N(${json.mu1.toFixed(1)}, ${json.sigma1.toFixed(1)}\u00b2)`);
    svgEl('text', { x: f.w - 20, y: 42, 'text-anchor': 'end', class: 'label', style: 'fill:var(--q)' }, f.g, `Q = N(${json.mu2.toFixed(1)}, ${json.sigma2.toFixed(1)}\u00b2)`);

    drawLandscape($('#g-landscape'), $('#g-colourbar'), json.landscape, json.landscape_max, json);
    drawLandscape($('#g-landscape-reverse'), $('#g-colourbar-reverse'), json.landscape_reverse, json.landscape_reverse.max, json);
  },
}).update();

/** One KL map over Q's (mean, spread) with the ring at the current Q and the dot at P, and its colour bar. */
function drawLandscape(svg, bar, L, max, json) {
  const lf = frame(svg, { x: [L.means[0], L.means[L.means.length - 1]], y: [L.spreads[0], L.spreads[L.spreads.length - 1]], xlabel: 'mean of Q', ylabel: 'spread of Q', margin: { l: 44, r: 10, t: 10, b: 40 }, grid: false });
  const cellW = (lf.px(L.means[1]) - lf.px(L.means[0]));
  const cellH = (lf.py(L.spreads[0]) - lf.py(L.spreads[1]));
  const rect = { x: lf.px(L.means[0]) - cellW / 2, y: lf.py(L.spreads[L.spreads.length - 1]) - cellH / 2, w: cellW * L.means.length, h: cellH * L.spreads.length };
  const heat = svgEl('g', {}, lf.g);
  lf.g.insertBefore(heat, lf.g.firstChild);
  heatmap(heat, L.values, rect);
  svgEl('circle', { cx: lf.px(json.mu1), cy: lf.py(json.sigma1), r: 4, fill: '#fff' }, lf.g);
  svgEl('circle', { cx: lf.px(json.mu2), cy: lf.py(json.sigma2), r: 8, class: 'ring' }, lf.g);
  svgEl('circle', { cx: lf.px(json.mu2), cy: lf.py(json.sigma2), r: 9.5, class: 'ring-inner' }, lf.g);
  colourBar(bar, max, json.unit);
}

/**
 * The colour bar of heatmap()'s scale, colour = log(1 + v) / log(1 + max): ticks at the values that scale puts at
 * 0, 1/4, ..., 1 of the ramp, the top one being the map's largest value (sent by the server, in data-value).
 */
function colourBar(svg, max, unit) {
  svg.replaceChildren();
  const { h } = viewBox(svg);
  const top = 10;
  const bottom = h - 40;
  const steps = 48;
  for (let i = 0; i < steps; i++) {
    const t0 = i / steps;
    svgEl('rect', { x: 4, y: bottom - (i + 1) * (bottom - top) / steps, width: 14, height: (bottom - top) / steps + 0.5, fill: colour(t0 + 0.5 / steps), class: 'ramp' }, svg);
  }
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const v = Math.expm1(t * Math.log1p(max));
    const y = bottom - t * (bottom - top);
    svgEl('line', { x1: 18, x2: 22, y1: y, y2: y, class: 'axis' }, svg);
    const label = svgEl('text', { x: 24, y: y + 4, class: 'tick' + (t === 1 ? ' max' : '') }, svg, t === 1 ? fmt(max, 2) : tickText(+v.toPrecision(2)));
    if (t === 1) label.dataset.value = String(max);
  }
  svgEl('text', { x: 4, y: h - 22, class: 'tick' }, svg, unit);
  svgEl('text', { x: 4, y: h - 8, class: 'tick' }, svg, 'log scale');
}

// ---- 3 Correlation ----
// The curve over rho depends on N, bins and the unit only: asked again when one of those changes.
let correlationCurve = { key: null, json: null };
const estimatorColours = { binned: 'var(--q)', gaussian: '#2a9d5b', ksg1: 'var(--p)' };
panel('panel-correlation', {
  async request(root) {
    const key = `${$('#c-n').value}|${$('#c-bins').value}|${unitSelect.value}`;
    const single = call('/api/correlation?' + query(root));
    if (correlationCurve.key !== key) {
      const curve = await call('/api/correlation/curve?' + new URLSearchParams({ n: $('#c-n').value, bins: $('#c-bins').value, unit: unitSelect.value }));
      correlationCurve = { key, json: curve };
    }
    const json = await single;
    json.curve = correlationCurve.json;
    return json;
  },
  render(json) {
    drawCorrelationCurve($('#c-curve'), json.curve, json.rho);
    show('c-rho-value', json.rho, 2);
    show('c-n-value', json.n, 0);
    show('c-bins-value', json.bins, 0);
    show('c-true', json.true_mutual_information);
    const list = $('#c-numbers');
    for (const e of $$('.estimate', list)) e.remove();
    for (const est of json.estimates) {
      const dt = document.createElement('dt');
      dt.className = 'estimate';
      dt.textContent = `${est.label}`;
      const dd = document.createElement('dd');
      dd.className = 'estimate';
      const span = document.createElement('span');
      span.id = `c-est-${est.estimator}`;
      show(span, est.value);
      dd.append(span, ' ', Object.assign(document.createElement('span'), { className: 'u', textContent: json.unit }));
      list.append(dt, dd);
    }
    const canvas = $('#c-scatter');
    const ctx = canvas.getContext('2d');
    const W = canvas.width;
    const H = canvas.height;
    const m = 40;
    const lim = 4.5;
    const sx = (v) => m + ((v + lim) / (2 * lim)) * (W - 2 * m);
    const sy = (v) => H - m - ((v + lim) / (2 * lim)) * (H - 2 * m);
    ctx.fillStyle = '#fbfcfd';
    ctx.fillRect(0, 0, W, H);
    ctx.strokeStyle = '#8893a3';
    ctx.strokeRect(m, m, W - 2 * m, H - 2 * m);
    ctx.fillStyle = '#5b6677';
    ctx.font = '18px "DejaVu Sans", sans-serif';
    ctx.textAlign = 'center';
    for (const t of [-4, -2, 0, 2, 4]) { ctx.fillText(String(t), sx(t), H - m + 22); ctx.fillText(String(t), m - 18, sy(t) + 6); }
    ctx.font = 'italic 20px "DejaVu Sans", sans-serif';
    ctx.fillText('X', W - m + 18, H - m + 6);
    ctx.fillText('Y', m, m - 12);
    ctx.font = '18px "DejaVu Sans", sans-serif';
    const alpha = Math.min(0.8, Math.max(0.15, 60 / Math.sqrt(json.n)));
    ctx.fillStyle = `rgba(59,111,182,${alpha})`;
    const r = json.n > 2000 ? 2.5 : 3.5;
    for (let i = 0; i < json.points.x.length; i++) {
      ctx.beginPath();
      ctx.arc(sx(json.points.x[i]), sy(json.points.y[i]), r, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = '#1d2430';
    ctx.textAlign = 'left';
    ctx.fillText(`\u03c1 = ${json.rho.toFixed(2)}, N = ${json.n}, sample r = ${json.sample_correlation.toFixed(3)}`, m + 8, m + 24);
  },
}).update();

function drawCorrelationCurve(svg, curve, rho) {
  const pts = curve.points;
  const rhos = pts.map((p) => p.rho);
  const all = pts.flatMap((p) => [p.true_mutual_information, ...p.estimates.map((e) => e.value)]).filter(finite);
  const top = Math.max(...all) * 1.08;
  const f = frame(svg, { x: [0, 1], y: [Math.min(0, ...all), top], xlabel: '\u03c1', ylabel: `I(X;Y) (${curve.unit})` });
  svgEl('path', { d: pathOf(rhos, pts.map((p) => p.true_mutual_information), f), class: 'curve truth', style: 'stroke:#111;stroke-width:2.5;fill:none' }, f.g);
  const names = pts[0].estimates.map((e) => e.estimator);
  names.forEach((name, j) => {
    const ys = pts.map((p) => p.estimates[j].value);
    svgEl('path', { d: pathOf(rhos, ys, f), class: 'curve estimator', 'data-estimator': name, style: `stroke:${estimatorColours[name] || '#888'};stroke-width:1.6;fill:none;stroke-dasharray:${j === 0 ? '5 3' : 'none'}` }, f.g);
    pts.forEach((p, i) => {
      const c = svgEl('circle', { cx: f.px(p.rho), cy: f.py(ys[i]), r: 2.6, fill: estimatorColours[name] || '#888', class: 'point', style: `fill:${estimatorColours[name] || '#888'}`, 'data-estimator': name, 'data-rho': String(p.rho), 'data-value': String(ys[i]) }, f.g);
      svgEl('title', {}, c, `${name} at \u03c1 = ${p.rho.toFixed(2)}: ${fmt(ys[i])}`);
    });
    svgEl('text', { x: f.margin.l + 8, y: f.margin.t + 14 + 14 * (j + 1), class: 'tick', style: `fill:${estimatorColours[name] || '#888'}` }, f.g, `\u25cf ${name}`);
  });
  svgEl('text', { x: f.margin.l + 8, y: f.margin.t + 14, class: 'tick' }, f.g, '\u2014 truth');
  const a = Math.abs(rho);
  svgEl('line', { x1: f.px(a), x2: f.px(a), y1: f.margin.t, y2: f.h - f.margin.b, class: 'guide' }, f.g);
  svgEl('text', { x: f.w - f.margin.r - 4, y: f.h - f.margin.b - 6, 'text-anchor': 'end', class: 'tick' }, f.g, `N = ${curve.n}, seed ${curve.seed}`);
}

// ---- 4 Temperature ----
panel('panel-temperature', {
  async request(root) {
    const t = $('#t-t').value;
    const [fixed, lm] = await Promise.all([
      call('/api/temperature?' + query(root)),
      call('/api/temperature/lm?' + new URLSearchParams({ t, prefix: $('#t-prefix').value, unit: unitSelect.value })),
    ]);
    return { unit: fixed.unit, fixed, lm };
  },
  render({ fixed, lm }) {
    show('t-t-value', fixed.t, 2);
    show('t-entropy', fixed.entropy);
    show('t-perplexity', fixed.perplexity);
    show('t-max', fixed.max_entropy);
    drawBars($('#t-bars'), fixed.labels, fixed.probabilities);
    show('t-lm-entropy', lm.entropy);
    show('t-lm-perplexity', lm.perplexity);
    $('#t-model').textContent = `${lm.model}; the ${lm.labels.length} likeliest of ${lm.character_count} characters after \u201c${lm.prefix}\u201d`;
    drawBars($('#t-lm-bars'), lm.labels.map((c) => (c === 'other' ? '\u2026' : c)), lm.probabilities);
  },
}).update();

function drawBars(svg, labels, probabilities) {
  const f = frame(svg, { x: [0, labels.length], y: [0, 1], xlabel: '', ylabel: 'probability', margin: { l: 52, r: 10, t: 12, b: 28 } });
  $$('.tick', f.g).filter((t) => t.getAttribute('text-anchor') === 'middle').forEach((t) => t.remove());
  $$('.grid', f.g).filter((t) => t.getAttribute('x1') === t.getAttribute('x2')).forEach((t) => t.remove());
  const bw = f.px(1) - f.px(0);
  labels.forEach((label, i) => {
    const p = probabilities[i];
    svgEl('rect', { x: f.px(i) + bw * 0.12, y: f.py(p), width: bw * 0.76, height: Math.max(0, f.py(0) - f.py(p)), class: 'bar' }, f.g);
    svgEl('text', { x: f.px(i + 0.5), y: f.h - f.margin.b + 14, 'text-anchor': 'middle', class: 'tick' }, f.g, label === ' ' ? '\u2423' : label);
    if (labels.length <= 16) svgEl('text', { x: f.px(i + 0.5), y: f.py(p) - 4, 'text-anchor': 'middle', class: 'tick' }, f.g, p.toFixed(2));
  });
}

// ---- 5 Bottleneck ----
panel('panel-bottleneck', {
  // The slider is log10(beta) (a scale for the hand); the server gets beta itself and echoes it.
  request: () => call('/api/bottleneck?' + new URLSearchParams({ beta: String(10 ** Number($('#b-logbeta').value)), unit: unitSelect.value })),
  render(json) {
    show('b-beta', json.beta, 3);
    show('b-ixt', json.mutual_information_xt);
    show('b-ity', json.mutual_information_ty);
    show('b-clusters', json.cluster_count, 0);
    show('b-ixy', json.mutual_information_xy);
    const c = json.curve;
    const f = frame($('#b-curve'), { x: [0, json.entropy_x * 1.02], y: [0, json.mutual_information_xy * 1.1], xlabel: `I(X;T) (${json.unit})`, ylabel: `I(T;Y) (${json.unit})` });
    svgEl('line', { x1: f.px(0), x2: f.px(json.entropy_x * 1.02), y1: f.py(json.mutual_information_xy), y2: f.py(json.mutual_information_xy), class: 'guide' }, f.g);
    svgEl('text', { x: f.px(0) + 6, y: f.py(json.mutual_information_xy) - 5, class: 'tick' }, f.g, 'I(X;Y)');
    svgEl('path', { d: pathOf(c.mutual_information_xt, c.mutual_information_ty, f), class: 'curve' }, f.g);
    for (let i = 0; i < c.betas.length; i++) svgEl('circle', { cx: f.px(c.mutual_information_xt[i]), cy: f.py(c.mutual_information_ty[i]), r: 2.2, fill: 'var(--p)' }, f.g);
    svgEl('circle', { cx: f.px(json.mutual_information_xt), cy: f.py(json.mutual_information_ty), r: 6, class: 'marker' }, f.g);
    // The encoder p(t|x): one row per x, one column per cluster t, shaded by probability.
    const svg = $('#b-encoder');
    svg.replaceChildren();
    const { w, h } = viewBox(svg);
    const rows = json.encoder.length;
    const cols = json.cluster_count;
    const left = 36;
    const top = 26;
    const cw = (w - left - 10) / Math.max(cols, 1);
    const ch = (h - top - 30) / rows;
    for (let x = 0; x < rows; x++) {
      svgEl('text', { x: left - 6, y: top + (x + 0.5) * ch + 4, 'text-anchor': 'end', class: 'tick' }, svg, `x${x + 1}`);
      for (let t = 0; t < cols; t++) {
        const p = json.encoder[x][t];
        svgEl('rect', { x: left + t * cw, y: top + x * ch, width: cw - 1, height: ch - 1, fill: colour(p), class: 'enc' }, svg);
        svgEl('text', { x: left + (t + 0.5) * cw, y: top + (x + 0.5) * ch + 4, 'text-anchor': 'middle', class: 'tick', style: `fill:${p > 0.6 ? '#111' : '#fff'}` }, svg, p.toFixed(2));
      }
    }
    for (let t = 0; t < cols; t++) svgEl('text', { x: left + (t + 0.5) * cw, y: top - 8, 'text-anchor': 'middle', class: 'tick' }, svg, `t${t + 1}`);
    svgEl('text', { x: w / 2, y: h - 8, 'text-anchor': 'middle', class: 'label' }, svg, 'encoder p(t | x)');
  },
}).update();

// ---- 6 Venn ----
const vennDefaults = { 2: [0.4, 0.1, 0.1, 0.4], 3: [0.2, 0.05, 0.05, 0.05, 0.2, 0.05, 0.05, 0.05, 0.3] };
function buildVennTable(size) {
  const table = $('#v-table');
  table.replaceChildren();
  const head = table.insertRow();
  head.appendChild(document.createElement('th')).textContent = 'x \\ y';
  for (let j = 0; j < size; j++) head.appendChild(document.createElement('th')).textContent = `y${j + 1}`;
  for (let i = 0; i < size; i++) {
    const row = table.insertRow();
    row.appendChild(document.createElement('th')).textContent = `x${i + 1}`;
    for (let j = 0; j < size; j++) {
      const input = Object.assign(document.createElement('input'), { type: 'number', min: '0', step: '0.05', value: String(vennDefaults[size][i * size + j]) });
      input.id = `v-cell-${i}-${j}`;
      input.className = 'cell';
      row.insertCell().appendChild(input);
    }
  }
}
buildVennTable(2);
const venn = panel('panel-venn', {
  request(root) {
    const size = Number($('#v-size').value);
    const weights = $$('input.cell', root).map((e) => e.value.trim()).join(',');
    return call('/api/venn?' + new URLSearchParams({ rows: size, columns: size, weights, unit: unitSelect.value }));
  },
  render(json) {
    show('v-hx', json.entropy_x);
    show('v-hy', json.entropy_y);
    show('v-hxy', json.joint_entropy);
    show('v-hx-given-y', json.conditional_entropy_x_given_y);
    show('v-hy-given-x', json.conditional_entropy_y_given_x);
    show('v-mi', json.mutual_information);
    drawVenn($('#v-diagram'), json);
  },
});
$('#v-size').addEventListener('change', (e) => { buildVennTable(Number(e.target.value)); venn.update(); });
venn.update();

function drawVenn(svg, json) {
  svg.replaceChildren();
  const { w, h } = viewBox(svg);
  const { radius_x: r1, radius_y: r2, distance: d } = json.diagram;
  // One scale per table size (the largest circle has area log K), so areas compare as the table is edited.
  const maxR = Math.sqrt(json.max_entropy / Math.PI);
  const s = Math.min((w - 40) / (4 * maxR), (h - 50) / (2 * maxR));
  const left = (w - (r1 + d + r2) * s) / 2;
  const cy = (h - 24) / 2 + 4;
  const cx1 = left + r1 * s;
  const cx2 = cx1 + d * s;
  svgEl('circle', { cx: cx1, cy, r: r1 * s, fill: 'var(--p)', 'fill-opacity': 0.35, stroke: 'var(--p)', 'stroke-width': 2 }, svg);
  svgEl('circle', { cx: cx2, cy, r: r2 * s, fill: 'var(--q)', 'fill-opacity': 0.35, stroke: 'var(--q)', 'stroke-width': 2 }, svg);
  const lab = (x, y, text) => svgEl('text', { x, y, 'text-anchor': 'middle', class: 'label' }, svg, text);
  lab(cx1, cy - r1 * s - 6, 'X');
  lab(cx2, cy - r2 * s - 6, 'Y');
  const lensLeft = Math.max(cx1 - r1 * s, cx2 - r2 * s);
  const lensRight = Math.min(cx1 + r1 * s, cx2 + r2 * s);
  lab((cx1 - r1 * s + lensLeft) / 2, cy + 4, fmt(json.conditional_entropy_x_given_y, 3));
  lab((lensRight + cx2 + r2 * s) / 2, cy + 4, fmt(json.conditional_entropy_y_given_x, 3));
  if (json.mutual_information > 0) lab((lensLeft + lensRight) / 2, cy + 4, fmt(json.mutual_information, 3));
  lab(w / 2, h - 8, `areas: H(X|Y), I(X;Y), H(Y|X) in ${json.unit}, to scale`);
}

// ---- 7 Your data ----
let dataFile = null;
const data = panel('panel-data', {
  request(root) {
    if (!dataFile) return Promise.resolve(null);
    const extra = { estimator: $('#d-estimator').value || undefined, bins: $('#d-bins').value, x: $('#d-x').value || undefined, y: $('#d-y').value || undefined };
    return call('/api/data?' + query(root, extra), { method: 'POST', body: dataFile, headers: { 'Content-Type': 'text/csv', 'X-Shannon-Request': '1' } });
  },
  render(json) {
    fillSelect($('#d-estimator'), json.estimators, json.estimator);
    const names = json.columns.map((c) => c.name);
    const first = !$('#d-x').options.length;
    fillSelect($('#d-x'), names, json.x ? json.x.column : names[0]);
    fillSelect($('#d-y'), names, json.y ? json.y.column : names[Math.min(1, names.length - 1)]);
    $('#d-summary').textContent = `${json.rows} rows; ` + json.columns.map((c) => `${c.name} (${c.kind}, ${c.discretisation})`).join(', ') + `; estimator ${json.estimator}`;
    if (first && !json.x) { data.update(); return; }
    const entropyLabel = (v) => (json.x && json.x.differential ? `h(${v}) differential` : `H(${v})`);
    $('#d-hx-label').textContent = entropyLabel('X');
    $('#d-hy-label').textContent = entropyLabel('Y');
    if (json.x) show('d-hx', json.x.value); else $('#d-hx').textContent = '';
    if (json.y) show('d-hy', json.y.value); else $('#d-hy').textContent = '';
    const mi = json.mutual_information;
    if (mi) {
      // The estimate has the keys of `shannon mi --json`: ci_low, ci_high, confidence, bootstrap, interval_method; p_value.
      show('d-mi', mi.value);
      const iv = 'ci_low' in mi;
      const test = 'p_value' in mi;
      const method = mi.interval_method === 'subsampling' ? 'subsampling (half samples without replacement)' : 'percentile bootstrap';
      $('#d-interval-label').textContent = iv ? `${Math.round(mi.confidence * 100)}% ${method} (${mi.bootstrap})` : 'interval';
      for (const id of ['d-lower', 'd-upper', 'd-pvalue']) $('#' + id).textContent = '';
      $('#d-interval').classList.toggle('na', !iv);
      $('#d-test').classList.toggle('na', !test);
      if (iv) { show('d-lower', mi.ci_low); show('d-upper', mi.ci_high); }
      if (test) show('d-pvalue', mi.p_value, 3);
    }
    $('#d-matrix').removeAttribute('hidden');
    $('#d-numbers').removeAttribute('hidden');
    drawMatrix($('#d-matrix'), json.matrix, json.unit);
  },
});
function fillSelect(select, values, selected) {
  const current = Array.from(select.options).map((o) => o.value).join('\n');
  if (current !== values.join('\n')) select.replaceChildren(...values.map((v) => new Option(v, v)));
  if (selected !== undefined && selected !== null) select.value = selected;
}
$('#d-file').addEventListener('change', (e) => {
  dataFile = e.target.files[0] || null;
  for (const s of ['#d-x', '#d-y']) $(s).replaceChildren();
  data.update();
});
$('#d-sample').addEventListener('click', async () => {
  const response = await fetch('/api/data/sample');
  dataFile = await response.blob();
  $('#d-file').value = '';
  for (const s of ['#d-x', '#d-y']) $(s).replaceChildren();
  data.update();
});
// The file input's own input event must not post before the file is read into dataFile (handled by change above).
$('#d-file').addEventListener('input', (e) => e.stopPropagation());

function drawMatrix(svg, matrix, unit) {
  svg.replaceChildren();
  const { w, h } = viewBox(svg);
  const n = matrix.columns.length;
  const left = 110;
  const top = 30;
  const size = Math.min(w - left - 10, h - top - 20);
  const values = matrix.values.slice().reverse();
  heatmap(svg, values, { x: left, y: top, w: size, h: size }, { digits: n <= 8 ? 3 : null });
  const cell = size / n;
  matrix.columns.forEach((name, i) => {
    svgEl('text', { x: left - 6, y: top + (i + 0.5) * cell + 4, 'text-anchor': 'end', class: 'tick' }, svg, name);
    svgEl('text', { x: left + (i + 0.5) * cell, y: top - 6, 'text-anchor': 'middle', class: 'tick' }, svg, name);
  });
  svgEl('text', { x: left, y: h - 4, class: 'label' }, svg, `pairwise I (${unit}), ${matrix.estimator}; diagonal: ${matrix.diagonal}${matrix.note ? '; ' + matrix.note : ''}`);
}

// ---- 8 Cross-entropy training ----
panel('panel-xent', {
  request: (root) => call('/api/cross-entropy?' + query(root)),
  render(json) {
    show('x-step-value', json.step, 0);
    show('x-rate-value', json.rate, 1);
    show('x-entropy', json.entropy);
    show('x-cross', json.cross_entropy);
    show('x-kl', json.kullback_leibler);
    // P and Q side by side.
    const k = json.p.length;
    const fb = frame($('#x-bars'), { x: [0, k], y: [0, 1], ylabel: 'probability', margin: { l: 46, r: 8, t: 12, b: 28 } });
    $$('.tick', fb.g).filter((t) => t.getAttribute('text-anchor') === 'middle').forEach((t) => t.remove());
    const bw = fb.px(1) - fb.px(0);
    for (let i = 0; i < k; i++) {
      svgEl('rect', { x: fb.px(i) + bw * 0.1, y: fb.py(json.p[i]), width: bw * 0.38, height: fb.py(0) - fb.py(json.p[i]), class: 'bar p', style: 'fill:var(--p)' }, fb.g);
      svgEl('rect', { x: fb.px(i) + bw * 0.52, y: fb.py(json.q[i]), width: bw * 0.38, height: fb.py(0) - fb.py(json.q[i]), class: 'bar q', style: 'fill:var(--q)' }, fb.g);
      svgEl('text', { x: fb.px(i + 0.5), y: fb.h - fb.margin.b + 14, 'text-anchor': 'middle', class: 'tick' }, fb.g, String(i + 1));
    }
    svgEl('text', { x: fb.w - fb.margin.r - 4, y: fb.margin.t + 12, 'text-anchor': 'end', class: 'tick', style: 'fill:var(--p)' }, fb.g, '\u25a0 P (target)');
    svgEl('text', { x: fb.w - fb.margin.r - 4, y: fb.margin.t + 26, 'text-anchor': 'end', class: 'tick', style: 'fill:var(--q)' }, fb.g, `\u25a0 Q after ${json.step} steps`);
    // The loss over the steps, with H(P) as its floor.
    const c = json.curve.cross_entropy;
    const steps = c.map((_, i) => i);
    const fc = frame($('#x-curve'), { x: [0, json.steps], y: [0, Math.max(...c) * 1.05], xlabel: 'step', ylabel: `${json.unit}` });
    svgEl('line', { x1: fc.px(0), x2: fc.px(json.steps), y1: fc.py(json.entropy), y2: fc.py(json.entropy), class: 'guide' }, fc.g);
    svgEl('text', { x: fc.px(json.steps) - 4, y: fc.py(json.entropy) + 14, 'text-anchor': 'end', class: 'tick' }, fc.g, 'H(P), the floor');
    svgEl('path', { d: pathOf(steps, c, fc), class: 'curve' }, fc.g);
    svgEl('path', { d: pathOf(steps, json.curve.kullback_leibler, fc), class: 'curve kl', style: 'stroke:var(--q);fill:none;stroke-dasharray:5 3' }, fc.g);
    svgEl('text', { x: fc.px(json.steps) - 4, y: fc.margin.t + 12, 'text-anchor': 'end', class: 'tick' }, fc.g, '\u2014 H(P,Q)   - - D(P||Q)');
    if (json.step <= json.steps) svgEl('circle', { cx: fc.px(json.step), cy: fc.py(json.cross_entropy), r: 5, class: 'marker' }, fc.g);
  },
}).update();

// ---- 9 The RLHF leash ----
panel('panel-leash', {
  // The slider is log10(beta); the server gets beta itself and echoes it.
  request: () => call('/api/leash?' + new URLSearchParams({ beta: String(10 ** Number($('#l-logbeta').value)), unit: unitSelect.value })),
  render(json) {
    show('l-beta', json.beta, 3);
    show('l-reward', json.reward);
    show('l-kl', json.kullback_leibler);
    const fr = json.frontier;
    const f = frame($('#l-frontier'), { x: [0, Math.max(...fr.kullback_leibler) * 1.05], y: [0, 1], xlabel: `D(\u03c0\u03b2 || \u03c0ref) (${json.unit})`, ylabel: 'reward E[r]' });
    svgEl('path', { d: pathOf(fr.kullback_leibler, fr.reward, f), class: 'curve' }, f.g);
    svgEl('circle', { cx: f.px(json.kullback_leibler), cy: f.py(json.reward), r: 6, class: 'marker' }, f.g);
    svgEl('text', { x: f.margin.l + 8, y: f.margin.t + 14, class: 'tick' }, f.g, `the exact frontier, \u03b2 from ${fr.betas[fr.betas.length - 1]} (left) to ${fr.betas[0]} (right)`);
  },
}).update();

// ---- 10 Calibration ----
panel('panel-calibration', {
  request: (root) => call('/api/calibration?' + query(root)),
  render(json) {
    show('k-t-value', json.t, 2);
    show('k-bins-value', json.bins, 0);
    show('k-ece', json.ece);
    show('k-mce', json.mce);
    show('k-brier', json.brier);
    show('k-logloss', json.log_loss);
    show('k-fitted', json.fitted_temperature, 3);
    const f = frame($('#k-diagram'), { x: [0, 1], y: [0, 1], xlabel: 'confidence', ylabel: 'accuracy' });
    svgEl('line', { x1: f.px(0), y1: f.py(0), x2: f.px(1), y2: f.py(1), class: 'guide' }, f.g);
    for (const b of json.reliability_diagram) {
      if (b.count === 0) continue;
      svgEl('rect', { x: f.px(b.lower) + 0.5, y: f.py(b.accuracy), width: f.px(b.upper) - f.px(b.lower) - 1, height: f.py(0) - f.py(b.accuracy), class: 'bar', 'data-accuracy': String(b.accuracy), 'data-count': String(b.count) }, f.g);
      svgEl('circle', { cx: f.px(b.mean_confidence), cy: f.py(b.mean_confidence), r: 2.5, style: 'fill:var(--q)' }, f.g);
    }
    svgEl('text', { x: f.margin.l + 8, y: f.margin.t + 14, class: 'tick' }, f.g, `bars: accuracy; dots: mean confidence`);
  },
}).update();

// ---- 11 Wordle ----
panel('panel-wordle', {
  // A guess is asked for once it has five letters (the server checks it against the word list).
  request: (root) => ($('#w-guess').value.trim().length === 5 ? call('/api/wordle?' + query(root)) : Promise.resolve(null)),
  render(json) {
    show('w-bits', json.expected_bits);
    show('w-entropy', json.entropy);
    show('w-patterns', json.pattern_count, 0);
    show('w-candidates', json.candidate_count, 0);
    $('#w-best').textContent = json.best_guess;
    show('w-best-bits', json.best_bits);
    $('#w-summary').textContent = `\u201c${json.guess}\u201d against ${json.candidate_count} candidate answers (${json.prior} prior, counts from ${json.text}); words: ${json.source}${json.note ? '; ' + json.note : ''}. The ${json.patterns.length} likeliest of ${json.pattern_count} patterns:`;
    const top = Math.max(...json.probabilities);
    const svg = $('#w-bars');
    const f = frame(svg, { x: [0, Math.max(json.patterns.length, 1)], y: [0, top * 1.1], ylabel: 'probability', margin: { l: 52, r: 10, t: 12, b: 34 } });
    $$('.tick', f.g).filter((t) => t.getAttribute('text-anchor') === 'middle').forEach((t) => t.remove());
    const bw = f.px(1) - f.px(0);
    json.patterns.forEach((pattern, i) => {
      const p = json.probabilities[i];
      svgEl('rect', { x: f.px(i) + bw * 0.12, y: f.py(p), width: bw * 0.76, height: Math.max(0, f.py(0) - f.py(p)), class: 'bar', 'data-pattern': pattern, 'data-probability': String(p) }, f.g);
      // The pattern as five small tiles.
      const tile = Math.min(7, (bw * 0.76) / 5);
      [...pattern].forEach((c, j) => svgEl('rect', { x: f.px(i + 0.5) - 2.5 * tile + j * tile, y: f.h - f.margin.b + 6, width: tile - 1, height: tile - 1, style: `fill:${c === 'G' ? '#2a9d5b' : c === 'Y' ? '#d9b321' : '#9aa3ad'}` }, f.g));
    });
  },
}).update();
