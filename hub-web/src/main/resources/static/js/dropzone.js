// Drag and drop onto the upload forms (progressive enhancement: without this script the file
// input works as before). Dropped files and folders replace the input's files; each file's path
// inside a dropped folder travels in a hidden "paths" field in the same order, so the folder
// structure is kept. The list says which files will be stored with Git LFS (by size; the server
// also sends binary files there) and which are over the per-file limit (the form is then not sent).
(function () {
  'use strict';
  var zone = document.querySelector('[data-dropzone]');
  if (!zone || typeof DataTransfer === 'undefined') {
    return;
  }
  var input = document.getElementById(zone.getAttribute('data-dropzone'));
  var form = input.form;
  var list = zone.querySelector('.drop-list');
  var lfsAbove = Number(zone.getAttribute('data-lfs-bytes'));
  var maxBytes = Number(zone.getAttribute('data-max-bytes'));
  var paths = [];

  function show(files) {
    list.textContent = '';
    files.forEach(function (file, i) {
      var item = document.createElement('li');
      item.textContent = paths[i] + ' (' + Math.ceil(file.size / 1024) + ' KiB)';
      if (file.size > maxBytes) {
        item.className = 'error';
        item.textContent += ': ' + zone.getAttribute('data-too-large');
      } else if (file.size > lfsAbove) {
        var badge = document.createElement('span');
        badge.className = 'badge lfs';
        badge.textContent = zone.getAttribute('data-lfs-label');
        item.appendChild(document.createTextNode(' '));
        item.appendChild(badge);
      }
      list.appendChild(item);
    });
  }

  function entries(entry, prefix, out) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (file) { out.push({ file: file, path: prefix + file.name }); resolve(); }, resolve);
      } else if (entry.isDirectory) {
        var reader = entry.createReader();
        var all = [];
        (function read() {
          reader.readEntries(function (batch) {
            if (batch.length === 0) {
              Promise.all(all.map(function (e) { return entries(e, prefix + entry.name + '/', out); })).then(resolve);
            } else {
              all = all.concat(Array.prototype.slice.call(batch));
              read();
            }
          }, resolve);
        })();
      } else {
        resolve();
      }
    });
  }

  function use(found) {
    var transfer = new DataTransfer();
    paths = found.map(function (f) { return f.path; });
    found.forEach(function (f) { transfer.items.add(f.file); });
    input.files = transfer.files;
    show(found.map(function (f) { return f.file; }));
  }

  input.addEventListener('change', function () {
    var files = Array.prototype.slice.call(input.files);
    paths = files.map(function (f) { return f.name; });
    show(files);
  });
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add('over');
    });
  });
  zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    zone.classList.remove('over');
    var items = event.dataTransfer.items ? Array.prototype.slice.call(event.dataTransfer.items) : [];
    var withEntries = items.filter(function (i) { return i.kind === 'file' && i.webkitGetAsEntry && i.webkitGetAsEntry(); });
    if (withEntries.length > 0) {
      var found = [];
      Promise.all(withEntries.map(function (i) { return entries(i.webkitGetAsEntry(), '', found); }))
        .then(function () { use(found); });
    } else {
      use(Array.prototype.slice.call(event.dataTransfer.files).map(function (f) { return { file: f, path: f.name }; }));
    }
  });
  form.addEventListener('submit', function (event) {
    var tooLarge = Array.prototype.some.call(input.files, function (f) { return f.size > maxBytes; });
    if (tooLarge) {
      // The server would refuse the whole upload (413); say which file before sending anything.
      event.preventDefault();
      list.setAttribute('role', 'alert');
      zone.scrollIntoView();
      return;
    }
    form.querySelectorAll('input[name="paths"]').forEach(function (old) { old.remove(); });
    if (paths.length !== input.files.length) {
      return;
    }
    paths.forEach(function (path) {
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'paths';
      hidden.value = path;
      form.appendChild(hidden);
    });
  });
})();
