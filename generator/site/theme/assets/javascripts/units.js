// Copy-link and cite buttons on units, and a language switch that keeps the #fragment.
// Optional by design: without JavaScript every unit label is a plain permalink, there is
// no copy or cite button (they could not work) and the switch is a link.
(function () {
  "use strict";
  document.documentElement.classList.add("units-js");

  var strings = document.querySelector(".unit-copy-status");

  function string(name, fallback) {
    return (strings && strings.getAttribute("data-" + name)) || fallback;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key] || ""; });
  }

  function button(className, label, name, anchor) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    if (anchor) element.setAttribute("data-anchor", anchor);
    element.setAttribute("aria-label", name);
    element.textContent = label;
    return element;
  }

  // Two buttons per unit, after its text: "Copy link" (the unit's URL) and "Cite" (a
  // citation of the unit: the text's, from the page header's data-cite, then the unit
  // and its URL: ``citation``), named after the unit ("Copy link to paragraph 7"). The generator
  // leaves them out of the HTML (they weighed on every text page); the strings are the
  // page's own, on the status region, and the unit's name is read from its permalink's
  // ("Link to {unit}").
  function addUnitButtons() {
    if (!strings) return;
    var linkName = string("link-to-unit", "{unit}").split("{unit}");
    var citable = document.querySelector(".doc-header[data-cite]");
    var units = document.querySelectorAll(".unit[id]");
    for (var i = 0; i < units.length; i++) {
      var unit = units[i];
      var text = unit.querySelector(":scope > .unit-text");
      if (!text || unit.querySelector(":scope > .unit-actions")) continue;
      var permalink = unit.querySelector(":scope > .unit-label");
      var name = (permalink && permalink.getAttribute("aria-label")) || unit.id;
      if (linkName.length === 2 && name.indexOf(linkName[0]) === 0 &&
          name.length >= linkName[0].length + linkName[1].length &&
          name.slice(name.length - linkName[1].length) === linkName[1]) {
        name = name.slice(linkName[0].length, name.length - linkName[1].length);
      }
      var actions = document.createElement("span");
      actions.className = "unit-actions";
      actions.appendChild(button("unit-copy", string("copy", "Copy link"),
        fill(string("copy-link-to-unit", "{unit}"), { unit: name }), unit.id));
      if (citable) {
        actions.appendChild(button("unit-cite", string("cite", "Cite"), fill(string("cite-unit", "{unit}"), { unit: name }), unit.id));
      }
      text.insertAdjacentElement("afterend", actions);
    }
    // The whole text's citation, in the page header.
    var links = citable && citable.querySelector(".doc-facts");
    if (links) {
      var whole = button("unit-cite doc-cite", string("cite-text", "Cite"), string("cite-text", "Cite"), "");
      links.insertAdjacentElement("afterend", whole);
    }
  }
  addUnitButtons();

  // The page's address without query or fragment: the site's own (canonical) where the
  // build knew it, else the one in the address bar (?highlight= from a search left out).
  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(canonical ? canonical.href : location.href);
    url.search = "";
    url.hash = "";
    return url.href;
  }

  // The address a printed page shows (main.html), where the build did not know it.
  var address = document.querySelector(".page-address");
  if (address && !address.textContent) address.textContent = pageUrl();

  function unitUrl(anchor) {
    return pageUrl() + (anchor ? "#" + anchor : "");
  }

  // "para_2__point_a" -> the point template with {paragraph} 2, {num} a (a point of a
  // point, "a__point_i", is "a)(i"); the other kinds by their prefix (DESIGN.md's ids).
  function citedUnit(eid) {
    var match = eid.match(/^para_([^_]+)__point_(.+)$/);
    if (match) return { kind: "point", paragraph: match[1], num: match[2].split("__point_").join(")(") };
    match = eid.match(/^(cit|rec|para|amdt)_(.+)$/);
    var kinds = { cit: "citation", rec: "recital", para: "paragraph", amdt: "amendment" };
    return match ? { kind: kinds[match[1]], num: match[2] } : { kind: "text" };
  }

  function citation(button) {
    var header = document.querySelector(".doc-header[data-cite]");
    var anchor = button.getAttribute("data-anchor") || "";
    var values = anchor ? citedUnit(anchor) : { kind: "text" };
    values.text = header ? header.getAttribute("data-cite") : document.title;
    values.url = unitUrl(anchor);
    return fill(string("citation-" + values.kind, "{text}, {url}"), values);
  }

  function announce(message) {
    var status = document.querySelector(".unit-copy-status");
    if (!status) return;
    status.textContent = "";
    // A fresh text node makes screen readers announce the same message twice in a row.
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  // Puts ``value`` on the clipboard and says so on the button and to screen readers;
  // without a clipboard (a page served over plain http) ``fallback`` is called.
  function copy(button, value, message, fallback) {
    function done() {
      button.classList.add("unit-copy--done");
      button.setAttribute("data-label", button.textContent);
      button.textContent = message;
      announce(message);
      window.setTimeout(function () {
        button.classList.remove("unit-copy--done");
        button.textContent = button.getAttribute("data-label");
      }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(done, fallback);
    } else {
      fallback();
    }
  }

  function copyLink(button) {
    var anchor = button.getAttribute("data-anchor");
    // No clipboard: the permalink in the address bar instead.
    copy(button, unitUrl(anchor), string("copied", "Copied"), function () { location.hash = anchor; });
  }

  function copyCitation(button) {
    var value = citation(button);
    // No clipboard: the citation in a box, selected, for the reader to copy.
    copy(button, value, string("cited", "Copied"), function () { window.prompt(button.getAttribute("aria-label"), value); });
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var button = target.closest(".unit-copy, .unit-cite");
    if (button) {
      event.preventDefault();
      (button.classList.contains("unit-cite") ? copyCitation : copyLink)(button);
      return;
    }
    var switcher = target.closest("a[data-keep-fragment]");
    if (switcher && location.hash) {
      switcher.href = switcher.href.split("#")[0] + location.hash;
    }
  }, true);
})();
