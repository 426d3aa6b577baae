// Small progressive enhancements. Every page works without them; the server checks everything anyway.

// Destructive actions: a form with data-confirm="Frage?" asks in a dialog. A yes sends bestaetigt=ja, so the
// server skips the confirmation page it shows to browsers without JavaScript.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
  if (!window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    return;
  }
  if (!form.querySelector('input[name="bestaetigt"]')) {
    const confirmed = document.createElement('input');
    confirmed.type = 'hidden';
    confirmed.name = 'bestaetigt';
    confirmed.value = 'ja';
    form.append(confirmed);
  }
});

// The error summary of a form that failed takes the focus (autofocus does this in most browsers already).
document.addEventListener('DOMContentLoaded', () => {
  // Print buttons are hidden without JavaScript, where the browser's own print command does the same.
  for (const button of document.querySelectorAll('[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
  const summary = document.querySelector('[data-error-summary]');
  if (summary instanceof HTMLElement && document.activeElement !== summary) summary.focus();
});
