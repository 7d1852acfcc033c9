// play.js: the playground. The server replays the whole script from a
// fresh session (POST /api/play) and answers with a snapshot after every
// command; this page only shows them. Position 0 is the fresh session,
// before the first command; position k is the session after step k. The
// URL's fragment (#step=3&script=...) carries the script and the position,
// so a link reproduces what is on screen.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const ui = {
    script: $('script'), command: $('command'), steps: $('steps'), position: $('position'),
    step: $('step'), picture: $('picture'), output: $('output'), journal: $('journal'),
    share: $('share'), implicit: $('implicit'),
    first: $('first'), back: $('back'), forward: $('forward'), last: $('last'),
  };
  const fresh = { allocs: [], handles: [], journal: [], pool: null, live: 0 };
  let steps = [];
  let at = 0;

  // run replays the script and shows position wanted (clamped to the end).
  async function run(wanted) {
    let res;
    try {
      res = await fetch('/api/play', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ script: ui.script.value }),
      });
    } catch (err) {
      return fail(`The server did not answer: is rcbook serve still running? (${err})`);
    }
    if (!res.ok) return fail(await res.text());
    steps = (await res.json()).steps || [];
    listSteps();
    go(wanted);
  }

  function fail(message) {
    ui.step.replaceChildren(el('div', { class: 'problem', role: 'alert' }, message));
  }

  // el makes an HTML element with attributes and children (strings or nodes).
  function el(name, attrs, ...children) {
    const e = document.createElement(name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    e.append(...children);
    return e;
  }

  function go(n) {
    at = Math.max(0, Math.min(n, steps.length));
    show();
    const params = new URLSearchParams({ step: at, script: ui.script.value });
    const url = `${location.pathname}${location.search}#${params}`;
    history.replaceState(null, '', url);
    ui.share.href = url;
  }

  function show() {
    const step = at > 0 ? steps[at - 1] : null;
    const state = step ? step.state : fresh;
    ui.position.textContent = steps.length ? `Step ${at} of ${steps.length}` : 'No steps yet';
    ui.first.disabled = ui.back.disabled = at === 0;
    ui.forward.disabled = ui.last.disabled = at === steps.length;
    ui.step.replaceChildren(...describeStep(step, steps[at]));
    const title = step ? `The session after step ${at}: ${step.line}` : 'A fresh session';
    ui.picture.replaceChildren(drawState(state, { implicit: ui.implicit.checked, title }));
    ui.output.textContent = step ? (step.output || []).join('\n') : '';
    showJournal(state.journal || [], at > 1 ? (steps[at - 2].state.journal || []).length : 0);
    for (const li of ui.steps.children) {
      const current = Number(li.dataset.step) === at;
      li.classList.toggle('current', current);
      if (current) li.querySelector('button').setAttribute('aria-current', 'step');
      else li.querySelector('button').removeAttribute('aria-current');
    }
  }

  // describeStep is the panel above the picture: the command, its
  // narration, the library's refusal or the learner's mistake, and what
  // comes next.
  function describeStep(step, next) {
    const parts = [];
    if (!step) {
      parts.push(el('p', { class: 'line' }, steps.length ? 'A fresh session: nothing run yet.' :
        'Type a script, or pick one of the scenarios above, and press Run.'));
    } else {
      parts.push(el('p', { class: 'line' }, el('span', { class: 'number' }, `${at}.`), ' ', el('code', {}, step.line)));
      if (step.narration) parts.push(el('p', { class: 'narration' }, step.narration));
      if (step.refusal) parts.push(refusal(step.refusal));
      if (step.problem) parts.push(el('div', { class: 'problem', role: 'alert' }, el('strong', {}, 'Not run: '), step.problem));
    }
    if (next) parts.push(el('p', { class: 'next' }, 'Next: ', el('code', {}, next.line)));
    return parts;
  }

  function refusal(r) {
    const box = el('div', { class: 'refusal', role: 'alert' },
      el('p', { class: 'refusal-head' }, 'Refused by the library, and nothing changed'),
      el('p', { class: 'message' }, el('code', {}, r.message)));
    if (r.rule) {
      box.append(el('p', { class: 'rule' }, el('strong', {}, `Rule ${r.rule}: `), r.ruleText || ''));
    }
    return box;
  }

  // showJournal lists the destructor journal, marking the lines this step added.
  function showJournal(lines, before) {
    ui.journal.replaceChildren(...lines.map((line, i) =>
      el('li', i >= before && at > 0 ? { class: 'new' } : {}, line)));
    if (!lines.length) ui.journal.append(el('li', { class: 'none' }, 'no destructor has run yet'));
  }

  // listSteps lists the commands, each a button that shows its step.
  function listSteps() {
    ui.steps.replaceChildren(...steps.map((s, i) => {
      const mark = s.refusal ? ' ✗' : s.problem ? ' ⚠' : '';
      const why = s.refusal ? ' (refused)' : s.problem ? ' (not run)' : '';
      const button = el('button', { type: 'button', 'aria-label': `Step ${i + 1}: ${s.line}${why}` }, s.line + mark);
      button.addEventListener('click', () => go(i + 1));
      const attrs = { 'data-step': i + 1, class: s.refusal ? 'refused' : s.problem ? 'problem' : '' };
      if (s.refusal && s.refusal.rule) attrs['data-rule'] = s.refusal.rule;
      return el('li', attrs, button);
    }));
  }

  // Autoplay steps forward every few seconds, long enough to read the
  // narration aloud, and stops at the end or at any other control.
  let timer = null;
  const autoplay = $('autoplay');
  function stopPlaying() {
    clearInterval(timer);
    timer = null;
    autoplay.setAttribute('aria-pressed', 'false');
    autoplay.textContent = '▶ Play';
  }
  function togglePlaying() {
    if (timer) return stopPlaying();
    if (at === steps.length) go(0);
    autoplay.setAttribute('aria-pressed', 'true');
    autoplay.textContent = '❚❚ Pause';
    timer = setInterval(() => {
      if (at >= steps.length) return stopPlaying();
      go(at + 1);
    }, 3000);
  }
  autoplay.addEventListener('click', togglePlaying);
  for (const id of ['first', 'back', 'forward', 'last']) ui[id].addEventListener('click', stopPlaying);

  ui.first.addEventListener('click', () => go(0));
  ui.back.addEventListener('click', () => go(at - 1));
  ui.forward.addEventListener('click', () => go(at + 1));
  ui.last.addEventListener('click', () => go(steps.length));
  ui.implicit.addEventListener('change', show);
  $('run').addEventListener('click', () => { stopPlaying(); run(at || Infinity); });
  $('reset').addEventListener('click', () => {
    stopPlaying();
    ui.script.value = '';
    steps = [];
    listSteps();
    go(0);
  });
  $('command-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const line = ui.command.value.trim();
    if (!line) return;
    const script = ui.script.value;
    ui.script.value = script + (script && !script.endsWith('\n') ? '\n' : '') + line + '\n';
    ui.command.value = '';
    run(Infinity);
  });
  $('copy').addEventListener('click', async (e) => {
    try {
      await navigator.clipboard.writeText(ui.share.href);
      e.target.textContent = 'Copied';
    } catch {
      e.target.textContent = 'Copy failed: use the link';
    }
    setTimeout(() => { e.target.textContent = 'Copy link'; }, 2000);
  });
  ui.script.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(at || Infinity); }
  });
  // Arrow keys, j and k, Home and End step through the session, except
  // while typing.
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('textarea, input, select')) return;
    if (e.key === 'p') { e.preventDefault(); togglePlaying(); return; }
    const moves = { ArrowRight: at + 1, j: at + 1, ArrowLeft: at - 1, k: at - 1, Home: 0, End: steps.length };
    if (!(e.key in moves)) return;
    e.preventDefault();
    stopPlaying();
    go(moves[e.key]);
  });

  // Start from the URL: a shared link's script and step, or the scenario
  // the server put in the editor, at its first step, narrated.
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has('script')) ui.script.value = params.get('script');
  const scenario = new URLSearchParams(location.search).has('scenario');
  run(params.has('step') ? Number(params.get('step')) || 0 : scenario ? 1 : 0);
})();
