// 适老化 reading modes (large text, high contrast), chosen by the reader and kept across pages in localStorage.
// A plain script loaded in <head> so the chosen mode applies before the page is drawn: nothing jumps.
(function () {
  var KEY = 'jx-reading-mode';
  var root = document.documentElement;
  var modes = {};
  try { modes = JSON.parse(localStorage.getItem(KEY) || '{}') || {}; } catch (e) { modes = {}; }
  function apply() {
    root.classList.toggle('large-text', !!modes.large);
    root.classList.toggle('high-contrast', !!modes.contrast);
    var buttons = document.querySelectorAll('[data-reading]');
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(!!modes[buttons[i].getAttribute('data-reading')]));
  }
  root.classList.add('js');
  apply();
  document.addEventListener('DOMContentLoaded', function () {
    apply();
    document.addEventListener('click', function (e) {
      var button = e.target.closest && e.target.closest('[data-reading]');
      if (!button) return;
      var mode = button.getAttribute('data-reading');
      modes[mode] = !modes[mode];
      try { localStorage.setItem(KEY, JSON.stringify(modes)); } catch (err) { /* private mode: applies to this page only */ }
      apply();
    });
  });
})();
