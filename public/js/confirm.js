// Asks before destructive actions: any form with data-confirm="Frage?" needs a yes first.
// Without JavaScript the form still works; the server checks everything anyway.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
