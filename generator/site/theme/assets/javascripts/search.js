// The header's search box: Pagefind's JS API, loaded on first focus, one hit per unit.
//
// Pagefind indexes one page per text, whose units are anchors (elements with an id, each
// at a word position: generator/search.py). A page's matching word positions are mapped
// back to the unit they fall in, so a hit reads "Kazakhstan — paragraph 7" and opens
// the page at #para_7. Nothing is fetched before the reader focuses the box; then
// pagefind.js fetches only the index chunks and fragments the query needs.
(function () {
  "use strict";
  var form = document.querySelector("[data-unit-search]");
  if (!form || !("fetch" in window)) return;

  var input = form.querySelector(".unit-search__input");
  var panel = form.querySelector(".unit-search__panel");
  var list = form.querySelector(".unit-search__results");
  var status = form.querySelector(".unit-search__status");
  var PAGES_SHOWN = 6;       // fragments fetched per query: one per page shown
  var UNITS_PER_PAGE = 3;    // hits shown per text
  var EXCERPT_WORDS = 24;
  var TYPING_PAUSE_MS = 80;
  var loading = null;
  var stale = {};           // fragment ids of pages an overlay replaces
  var latestQuery = 0;

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  // The bundle, and the overlay an incremental build may have left beside it
  // (generator/search.py): a second bundle of the pages changed since the main one was
  // written, merged into it, and the main bundle's pages it replaces, whose hits are dropped.
  function loadPagefind() {
    if (!loading) {
      // Resolved against this page: the bundle sits at the language root, whatever the
      // prefix the site is served under; pagefind.js derives its own base from its URL.
      var bundle = new URL(form.getAttribute("data-bundle"), location.href);
      var overlay = fetch(new URL("overlay.json", bundle).href)
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
      loading = Promise.all([import(bundle.href), overlay]).then(function (loaded) {
        var pagefind = loaded[0], found = loaded[1] || {};
        stale = {};
        (found.stale || []).forEach(function (id) { stale[id] = true; });
        return Promise.resolve(pagefind.init ? pagefind.init() : null).then(function () {
          if (!found.delta) return pagefind;
          return pagefind.mergeIndex(new URL(found.delta, bundle).href, { baseUrl: new URL("..", bundle).pathname })
            .then(function () { return pagefind; });
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key] || ""; });
  }

  // "para_2__point_a" -> "Kazakhstan — paragraph 2 (a)", in this page's language.
  function unitTitle(pageTitle, eid) {
    var match;
    if ((match = eid.match(/^para_(\w+?)__point_(\w+)$/)))
      return fill(form.getAttribute("data-title-point"), { title: pageTitle, paragraph: match[1], num: match[2] });
    if ((match = eid.match(/^para_(\w+)$/)))
      return fill(form.getAttribute("data-title-paragraph"), { title: pageTitle, num: match[1] });
    if ((match = eid.match(/^rec_(\w+)$/)))
      return fill(form.getAttribute("data-title-recital"), { title: pageTitle, num: match[1] });
    if ((match = eid.match(/^cit_(\w+)$/)))
      return fill(form.getAttribute("data-title-citation"), { title: pageTitle, num: match[1] });
    if ((match = eid.match(/^amdt_(\w+)$/)))
      return fill(form.getAttribute("data-title-amendment"), { title: pageTitle, num: match[1] });
    return pageTitle;
  }

  // A window of the unit's words around its first match, matches marked.
  function excerpt(words, start, end, matches) {
    var from = Math.max(start, Math.min(matches[0] - 6, end - EXCERPT_WORDS));
    var to = Math.min(end, from + EXCERPT_WORDS);
    var marked = {};
    matches.forEach(function (position) { marked[position] = true; });
    var html = [];
    for (var i = from; i < to; i++) {
      var word = escapeHtml(words[i]);
      html.push(marked[i] ? "<mark>" + word + "</mark>" : word);
    }
    return (from > start ? "… " : "") + html.join(" ") + (to < end ? " …" : "");
  }

  // One page's data -> its hits: the units its matching words fall in, most matches first.
  function unitHits(data) {
    var words = data.content.split(/[\r\n\s]+/g);
    var anchors = (data.anchors || []).filter(function (a) { return a.id; })
      .sort(function (a, b) { return a.location - b.location; });
    var groups = [];
    var byStart = {};
    data.locations.forEach(function (position) {
      var anchor = null, next = null;
      for (var i = 0; i < anchors.length && anchors[i].location <= position; i++) {
        anchor = anchors[i];
        next = anchors[i + 1] || null;
      }
      if (!anchor) next = anchors[0] || null;
      var start = anchor ? anchor.location : 0;
      if (!byStart[start]) {
        byStart[start] = { anchor: anchor, start: start, end: next ? next.location : words.length, matches: [] };
        groups.push(byStart[start]);
      }
      byStart[start].matches.push(position);
    });
    groups.sort(function (a, b) { return b.matches.length - a.matches.length || a.start - b.start; });
    return groups.slice(0, UNITS_PER_PAGE).map(function (group) {
      var pageTitle = (data.meta && data.meta.title) || data.url;
      return {
        url: group.anchor ? data.url + "#" + group.anchor.id : data.url,
        title: group.anchor ? unitTitle(pageTitle, group.anchor.id) : pageTitle,
        excerpt: excerpt(words, group.start, group.end, group.matches.sort(function (a, b) { return a - b; }))
      };
    });
  }

  function show(hits) {
    list.innerHTML = hits.map(function (hit) {
      return '<li><a class="unit-search__hit" href="' + escapeHtml(hit.url) + '">' +
        '<span class="unit-search__title">' + escapeHtml(hit.title) + "</span>" +
        '<span class="unit-search__excerpt">' + hit.excerpt + "</span></a></li>";
    }).join("");
    status.textContent = hits.length ? "" : form.getAttribute("data-no-results");
    open(true);
  }

  function open(isOpen) {
    panel.hidden = !isOpen;
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latestQuery;
    if (!query) { list.innerHTML = ""; open(false); return; }
    loadPagefind().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (found) {
      if (ticket !== latestQuery || !found) return null;  // a newer query is on its way
      var current = found.results.filter(function (r) { return !stale[r.id]; });
      return Promise.all(current.slice(0, PAGES_SHOWN).map(function (r) { return r.data(); }));
    }).then(function (pages) {
      if (ticket !== latestQuery || !pages) return;
      show([].concat.apply([], pages.map(unitHits)));
    });
  }

  // Searching waits for a pause in typing; the words' index chunks are fetched at once,
  // so that the pause hides the network.
  var timer = null;
  input.addEventListener("focus", loadPagefind);
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var query = input.value.trim();
    if (query) {
      loadPagefind().then(function (pagefind) { return pagefind.preload(query); }).catch(function () {});
    }
    timer = window.setTimeout(search, TYPING_PAUSE_MS);
  });

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  form.addEventListener("keydown", function (event) {
    var all = links();
    var index = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      open(false);
      input.focus();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(index + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      (index === 0 ? input : all[index - 1]).focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) open(false);
  });
  input.addEventListener("focus", function () { if (list.children.length) open(true); });
})();
