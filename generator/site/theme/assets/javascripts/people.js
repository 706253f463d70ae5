// The people index's filter box: typing narrows the lists to the people whose name,
// country, group or party holds every word typed (case and accents aside).
// Optional by design: without JavaScript there is no box and every list is shown. The
// generator leaves an empty, hidden <div class="people-filter"> with the page's strings.
(function () {
  "use strict";
  var holder = document.querySelector(".people-filter[data-label]");
  if (!holder) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var groups = Array.prototype.slice.call(document.querySelectorAll(".people-group"));
  var entries = [];
  groups.forEach(function (group) {
    var heading = group.querySelector("h3");
    var country = heading ? heading.textContent : "";
    group.querySelectorAll(".people-list > li").forEach(function (item) {
      entries.push({ item: item, group: group, text: fold(country + " " + item.textContent) });
    });
  });

  // Each section heading ("Members of the European Parliament", "Staff") with the groups
  // that follow it, hidden with them.
  var sections = [];
  groups.forEach(function (group) {
    var heading = group.previousElementSibling;
    while (heading && heading.tagName !== "H2") heading = heading.previousElementSibling;
    if (!heading) return;
    var last = sections[sections.length - 1];
    if (last && last.heading === heading) last.groups.push(group);
    else sections.push({ heading: heading, groups: [group] });
  });

  var label = document.createElement("label");
  label.htmlFor = "people-filter-input";
  label.textContent = holder.getAttribute("data-label");
  var input = document.createElement("input");
  input.type = "search";
  input.id = "people-filter-input";
  input.autocomplete = "off";
  input.placeholder = holder.getAttribute("data-hint") || "";
  var status = document.createElement("p");
  status.className = "people-filter__count";
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
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".people-list > li:not([hidden])");
    });
    sections.forEach(function (section) {
      section.heading.hidden = section.groups.every(function (group) { return group.hidden; });
    });
    status.textContent = words.length
      ? (holder.getAttribute("data-count") || "{shown} / {total}")
          .replace("{shown}", String(shown)).replace("{total}", String(entries.length))
      : "";
  }
  input.addEventListener("input", apply);
})();
