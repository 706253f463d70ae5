// The header's search box: Pagefind's JS API, loaded on first focus, one hit per unit.
//
// Pagefind indexes one page per text, whose units are anchors (elements with an id, each
// at a word position: generator/outputs/search.py). A page's matching word positions are
// mapped back to the unit they fall in, so a hit reads "Kazakhstan — paragraph 7" and
// opens the page at #para_7. Nothing is fetched before the reader focuses the box; then
// pagefind.js fetches only the index chunks and fragments the query needs (the filters'
// own chunks only once the reader opens the filters).
//
// Whole words first. Pagefind matches each word as a prefix and, where no word of the
// index begins with it, backs off to a shorter prefix ("torture" finds "to"). So the box
// asks Pagefind for each word whole first (a quoted term: the word and its inflections,
// by Pagefind's stemmer) and keeps the texts that have every word; only when none has,
// it shows prefix matches, says so, and only where the words found do begin with what
// was typed. A query in quotes is Pagefind's phrase search.
//
// The index is in shards by year (generator/outputs/search.py). Every query is answered
// by the newest shard first, its hits shown at once with a count that says more may come
// (the list is aria-busy), then by every shard: the hits shown stay where they are (and
// the reader's focus with them), the older shards' hits come after them in the order of
// the whole index, and only the count is announced again. A prefix match or "no results"
// waits for every shard, as an older one may have the words.
//
// Pagefind's own search of a word scores every page the word matches; where no word of a
// shard begins with it, Pagefind backs off to a shorter whole word ("torture" to "to")
// and scores nearly every page of the shard (bench/RESULTS.md, "Search at 20,000, once
// loaded"). So it runs only where it pays: after the quoted (whole word) searches found
// every word, or, for prefixes, on a sample of the pages first (the build puts each page
// in one of 64 buckets, a filter no reader sees).
(function () {
  "use strict";
  var form = document.querySelector("[data-unit-search]");
  var HIGHLIGHT_PARAM = "highlight";
  // What ends a word around a marked one besides blanks (Pagefind splits words at blanks
  // only, so a hit's word may come with its punctuation).
  var PUNCTUATION = [",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "«", "»", "“", "”", "‘", "’", "\"", "'", "/"];
  if (!form) return;
  var bundle = new URL(form.getAttribute("data-bundle"), location.href);

  // The page a hit opened: its words marked, with Pagefind's highlight script (fetched
  // only here, on a page opened from a hit: the URL carries ?highlight=word).
  if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
    import(new URL("pagefind-highlight.js", bundle).href).then(function () {
      new window.PagefindHighlight({
        highlightParam: HIGHLIGHT_PARAM,
        markContext: ".md-content h1, .md-content .unit-text",
        addStyles: false,
        markOptions: { className: "search-mark", accuracy: { value: "exactly", limiters: PUNCTUATION } }
      });
    }).catch(function () {});
  }
  if (!("fetch" in window)) return;

  var input = form.querySelector(".unit-search__input");
  var panel = form.querySelector(".unit-search__panel");
  var list = form.querySelector(".unit-search__results");
  var status = form.querySelector(".unit-search__status");
  var more = form.querySelector(".unit-search__more");
  var filterBox = form.querySelector(".unit-search__filters");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var PAGES_SHOWN = 6;       // texts shown at once, and per "more": one fragment fetched each
  var UNITS_PER_PAGE = 3;    // hits shown per text
  var EXCERPT_WORDS = 24;
  var TYPING_PAUSE_MS = 80;
  var SAMPLE = "sample";     // generator/outputs/search.py: SAMPLE_FILTER
  var NO_SAMPLE = "-";       // a bucket no page is in: Pagefind then counts the matches only
  var SAMPLE_BUCKET = "0";   // the bucket a prefix is checked on
  var SAMPLE_ABOVE = 500;    // matches past which a prefix is checked on a bucket's pages first
  var loading = null;
  var stale = {};           // fragment ids of pages an overlay replaces
  var latestQuery = 0;
  var current = null;       // the results shown: {results, shown, words, mode}

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function string(name) { return form.getAttribute("data-" + name) || ""; }

  // The bundle, and what overlay.json beside it names (generator/outputs/search.py): the
  // older shards, newest first (the bundle itself is the newest shard), and the overlay an
  // incremental build may have left: a bundle of the pages changed since the shards were
  // written, merged into both instances below, and the shards' pages it replaces, whose
  // hits are dropped. Two Pagefind instances: ``first`` searches the newest shard, ``all``
  // every shard. ``all`` is made once ``first`` has answered, so that the first hits wait
  // for no older shard's page table (they share the worker and the wasm).
  function loadPagefind() {
    if (!loading) {
      // Resolved against this page: the bundle sits at the language root, whatever the
      // prefix the site is served under; pagefind.js derives its own base from its URL.
      var overlay = fetch(new URL("overlay.json", bundle).href)
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
      loading = Promise.all([import(bundle.href), overlay]).then(function (loaded) {
        var pagefind = loaded[0], found = loaded[1] || {};
        stale = {};
        (found.stale || []).forEach(function (id) { stale[id] = true; });
        var delta = found.delta ? [new URL(found.delta, bundle).pathname] : [];
        var shards = (found.shards || []).map(function (shard) { return new URL(shard, bundle).pathname; });
        return Promise.resolve(pagefind.init ? pagefind.init() : null).then(function () {
          return merge(pagefind, delta);
        }).then(function () {
          return { module: pagefind, first: pagefind, merged: delta.concat(shards), older: shards.length > 0, all: null, ready: false };
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function merge(pagefind, paths) {
    var baseUrl = new URL("..", bundle).pathname;
    return Promise.all(paths.map(function (path) { return pagefind.mergeIndex(path, { baseUrl: baseUrl }); }));
  }

  // The instance that searches every shard (the first one where there is one shard).
  function loadAll(loaded) {
    if (!loaded.older) return Promise.resolve(loaded.first);
    if (!loaded.all) {
      var instance = loaded.module.createInstance({ basePath: new URL(".", bundle).pathname });
      loaded.all = Promise.resolve(instance.init()).then(function () { return merge(instance, loaded.merged); })
        .then(function () { loaded.ready = true; return instance; });
      loaded.all.catch(function () { loaded.all = null; });
    }
    return loaded.all;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key] === undefined ? "" : values[key]; });
  }

  // A word as compared: without accents, case and the punctuation around it.
  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  // "para_2__point_a" -> "Kazakhstan — paragraph 2 (a)", in this page's language.
  function unitTitle(pageTitle, eid) {
    var match;
    if ((match = eid.match(/^para_(\w+?)__point_(\w+)$/)))
      return fill(string("title-point"), { title: pageTitle, paragraph: match[1], num: match[2] });
    if ((match = eid.match(/^para_(\w+)$/)))
      return fill(string("title-paragraph"), { title: pageTitle, num: match[1] });
    if ((match = eid.match(/^rec_(\w+)$/)))
      return fill(string("title-recital"), { title: pageTitle, num: match[1] });
    if ((match = eid.match(/^cit_(\w+)$/)))
      return fill(string("title-citation"), { title: pageTitle, num: match[1] });
    if ((match = eid.match(/^amdt_(\w+)$/)))
      return fill(string("title-amendment"), { title: pageTitle, num: match[1] });
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

  // The page's URL with the words to mark on landing (?highlight=...), then the unit.
  function hitUrl(url, found, anchor) {
    var target = new URL(url, location.href);
    found.forEach(function (word) { target.searchParams.append(HIGHLIGHT_PARAM, word); });
    return target.pathname + target.search + (anchor ? "#" + anchor : "");
  }

  // One page's data and matching word positions -> its hits: the units those positions
  // fall in, most matches first. A page found by filters alone is one hit, its title.
  function unitHits(data, locations) {
    var pageTitle = (data.meta && data.meta.title) || data.url;
    var facts = [data.meta && data.meta.date, data.meta && data.meta.type].filter(Boolean).join(" · ");
    if (!locations.length) return [{ url: data.url, title: pageTitle, facts: facts, excerpt: "" }];
    var words = data.content.split(/[\r\n\s]+/g);
    var anchors = (data.anchors || []).filter(function (a) { return a.id; })
      .sort(function (a, b) { return a.location - b.location; });
    var groups = [];
    var byStart = {};
    locations.forEach(function (position) {
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
      var matches = group.matches.sort(function (a, b) { return a - b; });
      var found = [];
      matches.forEach(function (position) {
        var word = words[position].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (word && found.indexOf(word) === -1) found.push(word);
      });
      return {
        url: hitUrl(data.url, found, group.anchor && group.anchor.id),
        title: group.anchor ? unitTitle(pageTitle, group.anchor.id) : pageTitle,
        facts: facts,
        excerpt: excerpt(words, group.start, group.end, matches)
      };
    });
  }

  function result(found, locations) {
    return { id: found.id, data: found.data, locations: locations, first: [], words: null, whole: false };
  }

  // The texts that have every word whole: Pagefind's results for each word in quotes
  // (the word and its inflections), intersected. An exact search gives a page's first
  // match only; its positions are those of Pagefind's own search of the query that hold
  // the word typed or a form the exact searches found (``wholePositions``), in the order
  // of that search (its ranking weighs every match). That search runs only if some text
  // has every word whole (see above: it is the costly one).
  function wholeWords(pagefind, query, words, filters) {
    var exact = words.map(function (word) { return pagefind.search('"' + word + '"', { filters: filters }); });
    return Promise.all(exact).then(function (searches) {
      var first = {};
      searches.forEach(function (search, index) {
        search.results.forEach(function (found) {
          (first[found.id] = first[found.id] || { count: 0, positions: [] });
          if (first[found.id].count === index) {
            first[found.id].count++;
            first[found.id].positions = first[found.id].positions.concat(found.words);
          }
        });
      });
      var found = Object.keys(first).some(function (id) { return !stale[id] && first[id].count === words.length; });
      if (!found) return [];
      return pagefind.search(query, { filters: filters }).then(function (all) {
        return all.results.filter(function (found) {
          return !stale[found.id] && first[found.id] && first[found.id].count === words.length;
        }).map(function (found) {
          var hit = result(found, found.words);
          hit.first = first[found.id].positions;
          hit.words = words;
          hit.whole = true;
          return hit;
        });
      });
    });
  }

  function withFilter(filters, name, value) {
    var more = {};
    Object.keys(filters).forEach(function (key) { more[key] = filters[key]; });
    more[name] = value;
    return more;
  }

  // Pagefind's own (prefix) results, if the words they found begin with the words typed:
  // where none did, Pagefind backed off to a shorter prefix, for every page alike, so
  // the first page tells. Each hit keeps only the positions of such words. Past
  // SAMPLE_ABOVE matches (counted without scoring any page: a filter no page passes), the
  // first page of a 64th of them tells first, and a back-off is known without scoring
  // every page it matched.
  function prefixWords(pagefind, query, words, filters) {
    function ranked(search) {
      return search.results.filter(function (found) { return !stale[found.id]; }).map(function (found) {
        var hit = result(found, found.words);
        hit.words = words;
        return hit;
      });
    }
    function begins(results) {
      if (!results.length) return Promise.resolve(false);
      return results[0].data().then(function (data) {
        var content = data.content.split(/[\r\n\s]+/g);
        var seen = {};
        prefixPositions(results[0], content).forEach(function (position) {
          words.forEach(function (word) { if (fold(content[position]).indexOf(word) === 0) seen[word] = true; });
        });
        return words.every(function (word) { return seen[word]; });
      });
    }
    function all() {
      return pagefind.search(query, { filters: filters }).then(function (search) {
        var results = ranked(search);
        return begins(results).then(function (yes) { return yes ? results : []; });
      });
    }
    return pagefind.search(query, { filters: withFilter(filters, SAMPLE, NO_SAMPLE) }).then(function (counted) {
      if (!counted.unfilteredResultCount) return [];
      if (counted.unfilteredResultCount <= SAMPLE_ABOVE) return all();
      return pagefind.search(query, { filters: withFilter(filters, SAMPLE, SAMPLE_BUCKET) }).then(function (sample) {
        var results = ranked(sample);
        if (!results.length) return all();  // no match in the bucket: the sample tells nothing
        return begins(results).then(function (yes) { return yes ? all() : []; });
      });
    });
  }

  function prefixPositions(hit, content) {
    return hit.locations.filter(function (position) {
      var word = fold(content[position] || "");
      return hit.words.some(function (typed) { return word.indexOf(typed) === 0; });
    });
  }

  function wholePositions(hit, content) {
    var forms = {};
    hit.words.concat(hit.first.map(function (position) { return fold(content[position] || ""); }))
      .forEach(function (form) { forms[form] = true; });
    var positions = hit.locations.filter(function (position) { return forms[fold(content[position] || "")]; });
    hit.first.forEach(function (position) { if (positions.indexOf(position) === -1) positions.push(position); });
    return positions;
  }

  // The positions a hit shows and marks: see wholeWords and prefixWords; a phrase's are
  // Pagefind's, a page found by filters alone has none.
  function positions(hit, data) {
    var content = data.content.split(/[\r\n\s]+/g);
    var found = !hit.words ? hit.locations : hit.whole ? wholePositions(hit, content) : prefixPositions(hit, content);
    return found.slice().sort(function (a, b) { return a - b; });
  }

  function activeFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) filters[select.getAttribute("data-filter")] = select.value;
    });
    return filters;
  }

  function count(name, total, query) {
    return fill(string(name + (total === 1 ? "-one" : "-many")), { count: total, query: query });
  }

  // Today's answer of one instance to a query: whole words, else prefixes (unless
  // ``partial``: an older shard may have the words whole), a phrase, or filters alone.
  function answer(pagefind, query, words, filters, partial) {
    var phrase = /^\s*".+"\s*$/.test(query);
    if (!query) {
      return pagefind.search(null, { filters: filters }).then(function (found) {
        return { mode: "filtered", results: found.results.filter(function (r) { return !stale[r.id]; })
          .map(function (r) { return result(r, []); }) };
      });
    }
    if (phrase) {
      return pagefind.search(query, { filters: filters }).then(function (found) {
        return { mode: "whole", results: found.results.filter(function (r) { return !stale[r.id]; })
          .map(function (r) { return result(r, r.words); }) };
      });
    }
    return wholeWords(pagefind, query, words, filters).then(function (results) {
      if (results.length || partial) return { mode: results.length ? "whole" : "none", results: results };
      return prefixWords(pagefind, query, words, filters).then(function (prefixed) {
        return { mode: prefixed.length ? "prefix" : "none", results: prefixed };
      });
    });
  }

  // The newest shard's hits at once, counted as a floor ("12+ results, searching older
  // texts") while the list is busy; then every shard's, in the order of the whole index,
  // as many texts as were shown by then.
  function search() {
    var query = input.value.trim();
    var filters = activeFilters();
    var filtered = Object.keys(filters).length > 0;
    var ticket = ++latestQuery;
    if (!query && !filtered) {
      list.innerHTML = ""; more.hidden = true; current = null; list.removeAttribute("aria-busy"); open(false); return;
    }
    var words = query.split(/\s+/).map(fold).filter(Boolean);
    loadPagefind().then(function (loaded) {
      return answer(loaded.first, query, words, filters, loaded.older).then(function (found) {
        if (ticket !== latestQuery) return;  // a newer query is on its way
        if (!loaded.older) return show(found, query, false);
        show(found, query, true);
        return loadAll(loaded).then(function (all) { return answer(all, query, words, filters, false); })
          .then(function (found) { if (ticket === latestQuery) complete(found, query); });
      });
    });
  }

  function message(found, query, partial) {
    var total = found.results.length;
    return partial ? (!total ? string("searching") : fill(string(query ? "partial" : "partial-count"), { count: total, query: query }))
      : found.mode === "whole" ? count("results", total, query)
      : found.mode === "prefix" ? count("prefix", total, query)
      : found.mode === "filtered" ? count("count", total, "")
      : fill(string("no-results"), { query: query });
  }

  // A new list: the hits replace those shown, as many texts as were shown (at least
  // PAGES_SHOWN), with their count.
  function show(found, query, partial) {
    var before = current ? current.shown : 0;
    current = { results: found.results, shown: 0, busy: partial, drawn: Promise.resolve() };
    showMore(Math.max(PAGES_SHOWN, before), message(found, query, partial), true);
  }

  // Every shard's answer to the query whose newest shard's hits are shown: those stay,
  // first and as they are (the reader may be reading or on one of them), the others
  // follow in the order of the whole index, up to as many texts as a list shows; the
  // count is the total now. With nothing shown yet, a new list.
  function complete(found, query) {
    var state = current;
    if (!state || !state.shown) return show(found, query, false);
    var kept = state.results.slice(0, state.shown);
    var ids = {};
    kept.forEach(function (result) { ids[result.id] = true; });
    state.results = kept.concat(found.results.filter(function (result) { return !ids[result.id]; }));
    state.busy = false;
    showMore(Math.max(PAGES_SHOWN, state.shown) - state.shown, message({ mode: found.mode, results: state.results }, query, false));
  }

  // The next ``texts`` texts (PAGES_SHOWN) of the current results, appended in the order
  // asked for (a batch waits for the one before it); ``replace``: they replace the hits
  // shown. ``message``, the count, is shown with them (so the count and the hits it
  // counts are announced and shown at once).
  function showMore(texts, message, replace) {
    var shown = current;
    var batch = shown.results.slice(shown.shown, shown.shown + (texts === undefined ? PAGES_SHOWN : texts));
    shown.shown += batch.length;
    var busy = shown.busy;
    var fetched = Promise.all(batch.map(function (result) { return result.data(); }));
    shown.drawn = Promise.all([fetched, shown.drawn]).then(function (done) {
      if (shown !== current) return;
      var pages = done[0];
      var html = pages.map(function (data, i) {
        return unitHits(data, positions(batch[i], data)).map(function (hit) {
          return '<li><a class="unit-search__hit" href="' + escapeHtml(hit.url) + '">' +
            '<span class="unit-search__title">' + escapeHtml(hit.title) + "</span>" +
            (hit.facts ? '<span class="unit-search__facts">' + escapeHtml(hit.facts) + "</span>" : "") +
            (hit.excerpt ? '<span class="unit-search__excerpt">' + hit.excerpt + "</span>" : "") + "</a></li>";
        }).join("");
      }).join("");
      if (replace) list.innerHTML = "";
      if (message !== undefined) {
        status.textContent = message;
        if (busy) list.setAttribute("aria-busy", "true"); else list.removeAttribute("aria-busy");
      }
      if (html) list.insertAdjacentHTML("beforeend", html);
      var left = shown.results.length - shown.shown;
      more.hidden = left <= 0;
      more.textContent = fill(string("more"), { shown: shown.shown, count: shown.results.length + (shown.busy ? "+" : "") });
      open(true);
    });
  }

  function open(isOpen) {
    panel.hidden = !isOpen;
  }

  // The filters' values, from the index (Pagefind loads its filter chunks for this), the
  // first time the reader opens them; a filter no text has is left out.
  var filtersLoaded = false;
  filterBox.addEventListener("toggle", function () {
    if (!filterBox.open || filtersLoaded) return;
    filtersLoaded = true;
    loadPagefind().then(loadAll).then(function (pagefind) { return pagefind.filters(); }).then(function (available) {
      var collator = new Intl.Collator(document.documentElement.lang);
      selects.forEach(function (select) {
        var name = select.getAttribute("data-filter");
        var values = Object.keys(available[name] || {});
        values.sort(name === "year" ? function (a, b) { return b.localeCompare(a); } : collator.compare);
        values.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value;
          select.appendChild(option);
        });
        select.closest(".unit-search__filter").hidden = values.length === 0;
      });
    }).catch(function () { filtersLoaded = false; });
  });
  selects.forEach(function (select) { select.addEventListener("change", search); });
  more.addEventListener("click", function () { if (current) showMore(); });

  // Searching waits for a pause in typing; the words' index chunks are fetched at once,
  // so that the pause hides the network.
  var timer = null;
  input.addEventListener("focus", loadPagefind);
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var query = input.value.trim();
    if (query) {
      // The newest shard's only, even once every shard is loaded: the older shards' chunks,
      // fetched at once, keep the worker from the first hits (a frequent word's first hits
      // at 20,000 texts: 2.3 s with them, cold; a rarer word's, once loaded, twice as long:
      // bench/RESULTS.md). Every shard's chunks come with its search, after the first hits.
      loadPagefind().then(function (loaded) { return loaded.first.preload(query); }).catch(function () {});
    }
    timer = window.setTimeout(search, TYPING_PAUSE_MS);
  });

  function focusable() {
    var all = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!more.hidden) all.push(more);
    return all;
  }

  form.addEventListener("keydown", function (event) {
    var all = focusable();
    var index = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      open(false);
      input.focus();
    } else if (event.key === "ArrowDown" && all.length && (index >= 0 || document.activeElement === input)) {
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
  input.addEventListener("focus", function () { if (current) open(true); });
})();
