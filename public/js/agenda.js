// Agenda (lead organiser): moving an item up or down without a page reload. The buttons are small forms that
// work without JavaScript; here the same POST goes out with fetch, the agenda part of the page that comes back
// replaces the current one (clock times included), and the focus stays on the moved item's button.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.agendaMove) return;
  const container = document.querySelector('[data-agenda]');
  if (!container) return;
  event.preventDefault();
  const { agendaMove: direction, item } = form.dataset;
  let response;
  try {
    response = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
      headers: { Accept: 'text/html' },
    });
  } catch {
    // Nothing reached the server (network): the ordinary form submission tries again and shows what happens.
    form.submit();
    return;
  }
  if (!response.ok) {
    // Refused (expired form, too many actions …): nothing changed, so the ordinary submission shows the reason.
    form.submit();
    return;
  }
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const fresh = page.querySelector('[data-agenda]');
  if (!fresh) {
    // Redirected elsewhere (e.g. the login after the session ended): go there.
    window.location.assign(response.url);
    return;
  }
  container.replaceChildren(...fresh.childNodes);
  const flash = page.querySelector('.flash');
  const status = document.querySelector('[data-agenda-status]');
  if (status && flash) status.textContent = flash.textContent.trim();
  // Keep the focus on the moved item; at the top (bottom) the other button is the one still usable.
  const other = direction === 'up' ? 'down' : 'up';
  const button = (dir) => container.querySelector(`form[data-item="${item}"][data-agenda-move="${dir}"] button`);
  const target = [button(direction), button(other)].find((b) => b && !b.disabled);
  if (target) target.focus();
});
