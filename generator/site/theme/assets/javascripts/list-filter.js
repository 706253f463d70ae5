// The filter box of a page of lists (the people index, the texts by year, a listing):
// typing narrows the lists to the entries that hold every word typed (case and accents
// aside), with the heading of their group (a person's country) counted as theirs.
// Optional by design: without JavaScript there is no box and every list is shown. The
// generator leaves an empty, hidden <div class="list-filter"> with the page's strings,
// and marks the lists it narrows with data-filterable.
(function () {
  "use strict";
  var holder = document.querySelector(".list-filter[data-label]");
  if (!holder) return;
  var content = holder.parentElement;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var lists = Array.prototype.slice.call(content.querySelectorAll("[data-filterable]"));
  var entries = [];
  lists.forEach(function (list) {
    var group = list.closest("section");
    var heading = group ? group.querySelector("h2, h3") : null;
    var context = heading ? heading.textContent + " " : "";
    Array.prototype.forEach.call(list.children, function (item) {
      entries.push({ item: item, text: fold(context + item.textContent) });
    });
  });

  // What hides with its lists: a section whose lists are all hidden, and a heading
  // whose part of the page (up to the next heading of its level or above) holds lists
  // and none shown.
  var parts = [];
  var headings = Array.prototype.slice.call(content.querySelectorAll("h2, h3"));
  headings.forEach(function (heading) {
    var level = Number(heading.tagName.charAt(1));
    var held = [];
    var node = heading.nextElementSibling;
    while (node && !(/^H[1-6]$/.test(node.tagName) && Number(node.tagName.charAt(1)) <= level)) {
      lists.forEach(function (list) { if (node === list || node.contains(list)) held.push(list); });
      node = node.nextElementSibling;
    }
    if (held.length && !heading.closest("section")) parts.push({ element: heading, lists: held });
  });
  content.querySelectorAll("section").forEach(function (section) {
    var held = lists.filter(function (list) { return section.contains(list); });
    if (held.length) parts.push({ element: section, lists: held });
  });

  var label = document.createElement("label");
  label.htmlFor = "list-filter-input";
  label.textContent = holder.getAttribute("data-label");
  var input = document.createElement("input");
  input.type = "search";
  input.id = "list-filter-input";
  input.autocomplete = "off";
  input.placeholder = holder.getAttribute("data-hint") || "";
  var status = document.createElement("p");
  status.className = "list-filter__count";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  holder.append(label, input, status);
  holder.hidden = false;

  function apply() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    entries.forEach(function (entry) {
      var match = words.every(function (word) { return entry.text.indexOf(word) !== -1; });
      entry.item.hidden = !match;
      if (match) shown++;
    });
    lists.forEach(function (list) {
      list.hidden = !Array.prototype.some.call(list.children, function (item) { return !item.hidden; });
    });
    parts.forEach(function (part) {
      part.element.hidden = part.lists.every(function (list) { return list.hidden; });
    });
    status.textContent = words.length
      ? (holder.getAttribute("data-count") || "{shown} / {total}")
          .replace("{shown}", String(shown)).replace("{total}", String(entries.length))
      : "";
  }
  input.addEventListener("input", apply);
})();
