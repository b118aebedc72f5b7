// What the benchmark runs inside the page. Each function is passed to `page.evaluate` or
// `addInitScript`, so it must not use anything from outside its own body.

/** Init script: collects every mark and measure, every localStorage write, long tasks, and wasm memory. */
export function observeTimings() {
  const bench = { entries: [], writes: [], wasmMemory: null, longTasks: [] };
  window.__bench = bench;
  // Every main-thread task over 50 ms since the page began, for the cold start's longest.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.entries.push({ name: e.name, type: e.entryType, start: e.startTime, duration: e.duration });
  }).observe({ entryTypes: ['mark', 'measure'] });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    bench.writes.push(key);
    return setItem.call(this, key, value);
  };
  addEventListener('TrunkApplicationStarted', (event) => {
    bench.wasmMemory = event.detail?.wasm?.memory ?? null;
  });
}

/** Waits for the first mark named `name` at or after `since`, and returns its time. */
export async function markAfter({ name, since = 0, timeout = 30_000 }) {
  const end = performance.now() + timeout;
  for (;;) {
    const mark = performance.getEntriesByName(name, 'mark').find((m) => m.startTime >= since);
    if (mark) return mark.startTime;
    if (performance.now() > end) throw new Error(`no ${name} mark after ${since}`);
    await new Promise((ok) => setTimeout(ok, 5));
  }
}

/** Clicks the link whose href is `href` and returns the ms until mark `name`. */
export async function clickUntilMark({ href, name }) {
  const link = document.querySelector(`a[href="${href}"]`);
  if (!link) throw new Error(`no link to ${href}`);
  const start = performance.now();
  link.click();
  const end = performance.now() + 30_000;
  for (;;) {
    const mark = performance.getEntriesByName(name, 'mark').find((m) => m.startTime >= start);
    if (mark) return mark.startTime - start;
    if (performance.now() > end) throw new Error(`no ${name} mark after clicking ${href}`);
    await new Promise((ok) => setTimeout(ok, 5));
  }
}

/**
 * Types `count` characters into the field `selector`, one input event each, about `gap` ms
 * apart. Each keystroke starts just after a frame, so no frame of the page's own lands inside
 * the measurement. Per keystroke, `script`: the main-thread time from dispatching the event
 * until the handler and every reactive update it caused (microtasks) have run; `frame`: the
 * browser's style, layout and paint in the frame that follows; `control`: the same timing
 * around exactly 1 ms of busy work, which shows what a loaded machine adds to a task that
 * size (another process taking the core midway).
 */
export async function typeKeys({ selector, count, gap }) {
  const field = document.querySelector(selector);
  if (!field) throw new Error(`no field ${selector}`);
  field.focus();
  const nextTask = () => new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => ok();
    channel.port2.postMessage(0);
  });
  const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
  const letters = 'the client list was wrong ';
  const script = [];
  const frame = [];
  const control = [];
  for (let i = 0; i < count; i += 1) {
    await nextFrame();
    await nextTask();
    const data = letters[i % letters.length];
    const busy = performance.now();
    while (performance.now() - busy < 1) { /* 1 ms of work */ }
    await nextTask();
    control.push(performance.now() - busy);
    await nextFrame();
    await nextTask();
    field.value += data;
    const start = performance.now();
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data }));
    await nextTask();
    script.push(performance.now() - start);
    await nextFrame();
    const rendering = performance.now();
    await nextTask();
    frame.push(performance.now() - rendering);
    await new Promise((ok) => setTimeout(ok, gap));
  }
  return { script, frame, control };
}

/** Durations of the measures named `name` recorded so far, and how many writes went where. */
export function measuresAndWrites({ name }) {
  const durations = window.__bench.entries.filter((e) => e.type === 'measure' && e.name === name).map((e) => e.duration);
  return { durations, writes: window.__bench.writes.slice() };
}

/**
 * In the page: one keystroke into `selector`, then the longest main-thread task until the
 * record under `key` is written and two frames after (Long Tasks API: 0 when none is over
 * 50 ms). The save comes 250 ms after the keystroke.
 */
export async function longestTaskOfSave({ selector, key }) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  const written = () => window.__bench.writes.filter((w) => w === key).length;
  const before = written();
  const field = document.querySelector(selector);
  if (!field) throw new Error(`no field ${selector}`);
  field.focus();
  field.value += 'x';
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
  const end = performance.now() + 30_000;
  while (written() === before) {
    if (performance.now() > end) throw new Error(`${key} was not written`);
    await new Promise((ok) => setTimeout(ok, 5));
  }
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50))));
  tasks.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return Math.max(0, ...tasks);
}

/**
 * In the page: each save's ms, `mend:save` (the write) plus the `mend:encode` made a task
 * before it, if one was (a save from the save timer is made in those two tasks).
 */
export function saveDurations() {
  let encode = 0;
  const out = [];
  for (const e of window.__bench.entries) {
    if (e.type !== 'measure') continue;
    if (e.name === 'mend:encode') encode = e.duration;
    if (e.name === 'mend:save') {
      out.push(encode + e.duration);
      encode = 0;
    }
  }
  return out;
}

/**
 * Clicks the link to `href`, waits for mark `name` and two more frames, and returns the ms
 * until the mark and the longest main-thread task meanwhile (Long Tasks API: only tasks over
 * 50 ms are reported, so 0 means none was that long).
 */
export async function longestTaskUntilMark({ href, name }) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  const link = document.querySelector(`a[href="${href}"]`);
  if (!link) throw new Error(`no link to ${href}`);
  const start = performance.now();
  link.click();
  const end = performance.now() + 30_000;
  let ms;
  for (;;) {
    const mark = performance.getEntriesByName(name, 'mark').find((m) => m.startTime >= start);
    if (mark) { ms = mark.startTime - start; break; }
    if (performance.now() > end) throw new Error(`no ${name} mark after clicking ${href}`);
    await new Promise((ok) => setTimeout(ok, 5));
  }
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50))));
  tasks.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return { ms, longest: Math.max(0, ...tasks) };
}

/**
 * Goes to `href` by the address (as a link or a typed address does), waits until the page's
 * title starts with `title` (each screen sets it as it is built) and two more frames, and returns the
 * longest main-thread task meanwhile (0: none over 50 ms). For screens with no mark of their own.
 */
export async function longestTaskUntilTitle({ href, title }) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  location.hash = href;
  const end = performance.now() + 30_000;
  while (!document.title.startsWith(title)) {
    if (performance.now() > end) throw new Error(`no title ${title} after going to ${href}`);
    await new Promise((ok) => setTimeout(ok, 5));
  }
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50))));
  tasks.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return Math.max(0, ...tasks);
}

/**
 * Goes to `href` by the address, or clicks the first element matching `click`, waits until
 * `count` elements (1 unless given) match `selector` (a screen that draws its items a run a
 * task) and two more frames, and returns the longest main-thread task meanwhile (0: none over
 * 50 ms) and the ms until they were all there.
 */
export async function longestTaskUntilDrawn({ href, click, selector, count = 1 }) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  if (click) document.querySelector(click).click();
  else location.hash = href;
  const end = start + 60_000;
  while (document.querySelectorAll(selector).length < count) {
    if (performance.now() > end) throw new Error(`not ${count} of ${selector} after ${click ? `clicking ${click}` : `going to ${href}`}`);
    await new Promise((ok) => setTimeout(ok, 5));
  }
  const ms = performance.now() - start;
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50))));
  tasks.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  return { ms, longest: Math.max(0, ...tasks) };
}

/**
 * The longest main-thread task (Long Tasks API: over 50 ms, else 0) from navigation until the
 * list's first page was drawn whole (`mend:list-full`: its first rows come with
 * `mend:list-ready`, the rest in later tasks) and every record was read (`mend:all-read`: at
 * 1,000 the list is drawn from its index first, and the records read after), and the frames
 * just after. Returns that, the ms until `mend:list-full` and the ms until `mend:all-read`.
 * Called once `mend:list-ready` is marked.
 */
export async function longestTaskOfStart() {
  const end = performance.now() + 30_000;
  const mark = (name) => performance.getEntriesByName(name, 'mark')[0];
  while (!mark('mend:list-full') || !mark('mend:all-read')) {
    if (performance.now() > end) throw new Error('no mend:list-full or mend:all-read mark');
    await new Promise((ok) => setTimeout(ok, 5));
  }
  const [full, read] = [mark('mend:list-full').startTime, mark('mend:all-read').startTime];
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 50))));
  const tasks = window.__bench.longTasks.filter((t) => t.start <= Math.max(full, read));
  // The browser's load of all of the origin's storage into the tab: one synchronous call
  // (`mend:storage-open`), which no script can split. Its task is told apart from Mend's own.
  const open = performance.getEntriesByName('mend:storage-open', 'measure')[0];
  // Overlap rather than containment: a long task's bounds are rounded to the millisecond.
  const holdsOpen = (t) => open && t.start < open.startTime + open.duration && open.startTime < t.start + t.duration;
  const longest = (ts) => Math.max(0, ...ts.map((t) => t.duration));
  return { longest: longest(tasks), own: longest(tasks.filter((t) => !holdsOpen(t))), storageOpen: open?.duration ?? null, full, read };
}
