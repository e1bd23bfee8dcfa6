// The hall's screen, live: the board and each call arrive by Server-Sent Events from /events
// (no reload); a call chimes (Web Audio, two tones, no sound file) and its number is shown large
// and highlighted. Labels alternate between Japanese and English. Everything is written with
// textContent: nothing from the server is ever read as HTML.
'use strict';
(() => {
  const params = new URLSearchParams(location.search);
  const clamp = (v, lo, hi, dflt) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : dflt);
  const langSeconds = clamp(parseInt(params.get('lang_seconds'), 10), 1, 60, 8);
  const announceSeconds = 6;
  const highlightSeconds = 12;
  const awayAfterMs = 3000;

  let lang = 'ja';
  let board = null;
  let audio = null;
  let sourceDown = null; // when the event stream last failed
  const highlighted = new Map(); // reception number → until (ms)
  // What the tests read (headless Chromium): counters only, no data that is not on screen.
  const hall = (window.hall = { chimes: 0, calls: 0, boards: 0, lang: () => lang,
    audioState: () => (audio ? audio.state : 'none') });

  const $ = (id) => document.getElementById(id);
  const say = (ja, en) => (lang === 'ja' ? ja : en);
  const windowName = (w) => say(`${w}番窓口`, `Window ${w}`);

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function labels() {
    document.documentElement.lang = lang;
    for (const e of document.querySelectorAll('[data-ja]')) e.textContent = e.dataset[lang];
    document.title = say('受付番号のご案内', 'Now serving');
  }

  function render() {
    labels();
    if (!board) return;
    const now = Date.now();
    const serving = $('serving');
    serving.replaceChildren();
    for (const s of board.serving) {
      const card = el('div', 'card');
      card.dataset.number = s.number;
      if ((highlighted.get(s.number) || 0) > now) card.classList.add('called');
      card.append(el('div', 'number', s.number), el('div', 'window', windowName(s.window)));
      serving.append(card);
    }
    $('serving-empty').hidden = board.serving.length > 0;
    const next = $('next');
    next.replaceChildren(...board.next.map((n) => el('li', '', n)));
    $('waiting-count').textContent =
      board.waiting > 0 ? say(`お待ちの方 ${board.waiting} 人`, `${board.waiting} waiting`) : say('お待ちの方はいません', 'Nobody is waiting');
    const rows = $('waits').tBodies[0];
    rows.replaceChildren(...board.waits.map((w) => {
      const tr = el('tr');
      const minutes = w.average_minutes === null ? '—' : say(`約 ${w.average_minutes} 分`, `about ${w.average_minutes} min`);
      tr.append(el('td', 'procedure', say(w.name_ja, w.name_en)), el('td', 'minutes', minutes),
        el('td', 'waiting', say(`${w.waiting} 人`, `${w.waiting}`)));
      return tr;
    }));
    away();
  }

  function away() {
    const box = $('away');
    const streamDown = sourceDown !== null && Date.now() - sourceDown > awayAfterMs;
    const bookDown = board && board.source && !board.source.ok;
    box.hidden = !(streamDown || bookDown);
    if (!box.hidden)
      box.textContent = say('ただいま表示を更新できません。復旧しだい自動で再開します。',
        'The display cannot update right now. It resumes by itself.');
  }

  function tone(freq, start, length) {
    const o = audio.createOscillator();
    const g = audio.createGain();
    o.type = 'sine';
    o.frequency.value = freq;
    g.gain.setValueAtTime(0.0001, start);
    g.gain.exponentialRampToValueAtTime(0.4, start + 0.03);
    g.gain.exponentialRampToValueAtTime(0.0001, start + length);
    o.connect(g).connect(audio.destination);
    o.start(start);
    o.stop(start + length + 0.05);
  }

  function chime() {
    try {
      if (!audio) audio = new AudioContext();
      if (audio.state === 'suspended') audio.resume();
      const t = audio.currentTime + 0.05;
      tone(987.8, t, 0.7); // B5
      tone(784.0, t + 0.5, 1.1); // G5: ピンポン
      hall.chimes++;
    } catch (e) {
      // No audio device: the highlight still shows the call.
    }
  }

  let announceTimer = null;
  function announce(call) {
    hall.calls++;
    highlighted.set(call.number, Date.now() + highlightSeconds * 1000);
    chime();
    const box = $('announce');
    const show = () => {
      $('announce-number').textContent = call.number;
      $('announce-window').textContent = say(`${call.window}番窓口へお越しください`, `Please come to window ${call.window}`);
    };
    show();
    box.dataset.number = call.number;
    box.hidden = false;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { box.hidden = true; }, announceSeconds * 1000);
    render();
    setTimeout(render, highlightSeconds * 1000 + 50);
  }

  function clock() {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    $('clock').textContent = `${p(d.getHours())}:${p(d.getMinutes())}`;
  }

  const events = new EventSource('/events');
  events.addEventListener('board', (e) => {
    board = JSON.parse(e.data);
    hall.boards++;
    sourceDown = null;
    render();
  });
  events.addEventListener('call', (e) => {
    const call = JSON.parse(e.data);
    if (call.kind === 'called' || call.kind === 'called-again') announce(call);
  });
  events.addEventListener('open', () => { sourceDown = null; away(); });
  events.addEventListener('error', () => {
    if (sourceDown === null) sourceDown = Date.now();
    setTimeout(away, awayAfterMs + 100);
  });

  setInterval(() => {
    lang = lang === 'ja' ? 'en' : 'ja';
    render();
    if (!$('announce').hidden && $('announce').dataset.number) {
      const w = board && board.serving.find((s) => s.number === $('announce').dataset.number);
      if (w) $('announce-window').textContent = say(`${w.window}番窓口へお越しください`, `Please come to window ${w.window}`);
    }
  }, langSeconds * 1000);
  setInterval(clock, 1000);
  clock();
  labels();
})();
