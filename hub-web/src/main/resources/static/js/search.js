// The header's search box: suggestions as one types (models, datasets, tools, chips, organizations) from
// /search/suggest. Arrow keys move through them, Enter opens one, Escape closes the list; without
// JavaScript the box is a plain form to /search.
(function () {
  var box = document.getElementById('search-box');
  var list = document.getElementById('search-suggest');
  if (!box || !list) {
    return;
  }
  var timer = null;
  var active = -1;
  var latest = 0;

  function close() {
    list.hidden = true;
    list.textContent = '';
    active = -1;
  }

  function render(items) {
    list.textContent = '';
    active = -1;
    items.forEach(function (item) {
      var li = document.createElement('li');
      li.setAttribute('role', 'option');
      var a = document.createElement('a');
      a.href = item.path;
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = item.kind;
      a.appendChild(kind);
      a.appendChild(document.createTextNode(' ' + item.label));
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
  }

  function mark(index) {
    var items = list.querySelectorAll('li');
    items.forEach(function (li, i) { li.classList.toggle('active', i === index); });
    active = index;
  }

  box.addEventListener('input', function () {
    clearTimeout(timer);
    var q = box.value.trim();
    if (q.length === 0) {
      close();
      return;
    }
    timer = setTimeout(function () {
      var ticket = ++latest;
      fetch('/search/suggest?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (ticket === latest) { render(items); } })
        .catch(close);
    }, 150);
  });

  box.addEventListener('keydown', function (e) {
    var items = list.querySelectorAll('li');
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      mark((active + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      mark((active - 1 + items.length) % items.length);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      window.location.href = items[active].querySelector('a').href;
    } else if (e.key === 'Escape') {
      close();
    }
  });

  document.addEventListener('click', function (e) {
    if (!list.contains(e.target) && e.target !== box) {
      close();
    }
  });
})();
