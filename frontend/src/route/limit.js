// What the route page does when its address asked too many routes (429, the per-address route
// bucket): it says the limit is reached and when to try again, from the answer's Retry-After, and
// keeps the buttons that ask the server disabled until then.
import { ApiError } from '../ui/api.js';
import { formatWait } from '../ui/dates.js';

/**
 * `status`: where the page speaks; `buttons`: those that send a request. `refused(error)` answers
 * whether the error was the limit (then the message is shown and the buttons held); `message` is the
 * message while they are held (the page shows it again after clearing its status), else null.
 */
export function retryHold({ status, buttons, t, timers = globalThis }) {
  let message = null;
  let timer = null;
  const release = () => {
    timer = null;
    for (const button of buttons) button.disabled = false;
    if (status.textContent === message) status.textContent = '';
    message = null;
  };
  return {
    get message() {
      return message;
    },
    refused(error) {
      if (!(error instanceof ApiError) || error.status !== 429) return false;
      const seconds = error.retryAfter;
      if (seconds === null || seconds === undefined) {
        status.textContent = t('limited.later');
        return true;
      }
      message = t('limited', { when: formatWait(seconds, t.language) });
      status.textContent = message;
      for (const button of buttons) button.disabled = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = timers.setTimeout(release, Math.max(1, seconds) * 1000);
      return true;
    },
  };
}
