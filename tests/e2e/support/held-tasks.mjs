// Holding the app's later tasks. Mend waits for a later task through a zero-delay timeout
// (src/browser/tasks.rs) where it reads a large store in steps and where it draws a long list
// a few rows at a time. A test holds those timeouts to act at a moment that timing alone
// cannot be trusted to give it, on a fast machine or a busy one.

/**
 * In the page (an init script, or evaluated): from now on, or once the performance mark
 * `after` exists, or once an element matches the CSS selector `afterElement`, holds every
 * zero-delay timeout until `window.__releaseTasks()`, which runs them and stops holding.
 * `window.__tasksHeld()` says whether any is held.
 */
export function holdLaterTasks({ after = null, afterElement = null } = {}) {
  const held = [];
  let holding = true;
  const original = window.setTimeout;
  window.setTimeout = function (callback, delay, ...args) {
    const begun = (after === null || performance.getEntriesByName(after, 'mark').length > 0)
      && (afterElement === null || document.querySelector(afterElement) !== null);
    if (holding && begun && !delay) {
      held.push(() => original.call(window, callback, 0, ...args));
      return 0;
    }
    return original.call(window, callback, delay, ...args);
  };
  window.__tasksHeld = () => held.length > 0;
  window.__releaseTasks = () => {
    holding = false;
    held.splice(0).forEach((run) => run());
  };
}
