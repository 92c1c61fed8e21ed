// callpress search: filters calls.json in the browser as the reader types.
// Everything that comes from the index goes onto the page as text (textContent and
// attribute values), never as markup: a company name written as an HTML tag stays text.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.getAttribute("data-base");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var LIMIT = 100;
  var entries = null;

  // Case and accents do not matter: "nestle" finds "Nestlé".
  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function searchable(call) {
    var names = (call.speakers || []).map(function (s) { return s.name; });
    return fold([call.title, call.company, call.ticker, call.period, call.date]
      .concat(call.company_aliases || [], names).join(" \u0001 "));
  }

  function item(call) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = base + call.path;
    link.textContent = [call.company || call.title, call.period].filter(Boolean).join(" \u00b7 ");
    var meta = document.createElement("span");
    meta.className = "muted";
    meta.textContent = [call.ticker, call.date].filter(Boolean).join(" \u00b7 ");
    li.append(link, " ", meta);
    return li;
  }

  function show() {
    var query = input.value.trim();
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url);
    list.replaceChildren();
    if (!entries) { return; }
    if (!query) { status.textContent = entries.length + " calls. Type to search."; return; }
    var terms = fold(query).split(/\s+/);
    var found = entries.filter(function (e) {
      return terms.every(function (t) { return e.text.indexOf(t) !== -1; });
    });
    found.slice(0, LIMIT).forEach(function (e) { list.append(item(e.call)); });
    status.textContent = found.length === 0 ? "No call matches \u201c" + query + "\u201d."
      : found.length > LIMIT ? found.length + " calls match; the first " + LIMIT + " are shown."
      : found.length + (found.length === 1 ? " call matches." : " calls match.");
  }

  input.value = new URL(window.location.href).searchParams.get("q") || "";
  input.addEventListener("input", show);
  status.textContent = "Loading the index\u2026";
  fetch(script.getAttribute("data-index"))
    .then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    })
    .then(function (calls) {
      entries = calls.map(function (call) { return { call: call, text: searchable(call) }; });
      show();
    })
    .catch(function () { status.textContent = "The search index could not be loaded."; });
})();
