// callpress search, in the browser: calls by company, ticker, quarter, date or speaker
// (from calls.json), and every paragraph of every call by the words said in it (from the
// shards of search/terms/, one per term of the query, and the call.json of each call shown).
// Everything that comes from the site goes onto the page as text (textContent and
// attribute values), never as markup: a company name written as an HTML tag stays text.
(function () {
  "use strict";

  // ---- Cutting text into terms: the rules of src/site/search/terms.rs, to the character
  // (tests/search.rs runs this under Node on the same sentences as the index).
  var ALNUM = /[\p{Alphabetic}\p{N}]/u;
  var ASCII_ALNUM = /[a-z0-9]/;
  var DIGIT = /[0-9]/;

  function isCjk(c) {
    var cp = c.codePointAt(0);
    return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x3040 && cp <= 0x30ff)
      || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff);
  }

  // Harman's plural rules, and `y` cut so `company` meets `companies`.
  function singular(w) {
    if (w.length <= 3 || !/^[a-z]+$/.test(w)) { return w; }
    if (/ies$/.test(w) && !/[ea]ies$/.test(w)) { return w.slice(0, -3); }
    if (/es$/.test(w) && !/[aeo]es$/.test(w)) { return w.slice(0, -1); }
    if (/s$/.test(w) && !/(us|ss)$/.test(w)) { return w.slice(0, -1); }
    if (/y$/.test(w) && w.length > 4) { return w.slice(0, -1); }
    return w;
  }

  // rules: { stop: Set of words left out, fold: { "é": "e", … } } from search/meta.json.
  function cutTerms(text, rules) {
    var out = [];
    var word = "";
    var cjk = [];
    var previous = " ";
    function endWord() {
      if (!word) { return; }
      var single = Array.from(word).length === 1 && !DIGIT.test(word[0]);
      if (!single && !rules.stop.has(word)) { out.push(singular(word)); }
      word = "";
    }
    function endCjk() {
      if (cjk.length === 1) { out.push(cjk[0]); }
      for (var i = 0; i + 1 < cjk.length; i++) { out.push(cjk[i] + cjk[i + 1]); }
      cjk = [];
    }
    function take(c, next) {
      if (ASCII_ALNUM.test(c)) {
        endCjk();
        word += c;
      } else if (isCjk(c)) {
        endWord();
        cjk.push(c);
      } else if (ALNUM.test(c)) {
        endCjk();
        word += Object.prototype.hasOwnProperty.call(rules.fold, c) ? rules.fold[c] : c;
      } else if ((c === "." || c === ",") && DIGIT.test(previous) && DIGIT.test(next)) {
        // Inside a number: `143.3` keeps its point, `1,250` drops its comma.
        if (c === ".") { word += "."; }
      } else {
        endWord();
        endCjk();
      }
      previous = c;
    }
    var chars = Array.from(String(text || ""));
    for (var i = 0; i < chars.length; i++) {
      var raw = chars[i];
      var next = chars[i + 1] || " ";
      var lower = isCjk(raw) ? raw : raw.toLowerCase();
      Array.from(lower).forEach(function (c) { take(c, next); });
    }
    endWord();
    endCjk();
    return out;
  }

  // FNV-1a (32 bits) of the term's UTF-8 bytes, masked: the shard the index put it in.
  function shardOf(term, shards) {
    var bytes = new TextEncoder().encode(term);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    }
    return hash & (shards - 1);
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { cutTerms: cutTerms, shardOf: shardOf };
    return;
  }

  // ---- The page.
  var script = document.currentScript;
  var base = script.getAttribute("data-base");
  var metaUrl = script.getAttribute("data-terms");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var textStatus = document.getElementById("text-status");
  var textList = document.getElementById("text-results");
  var more = document.getElementById("text-more");
  var LIMIT = 100;
  var TEXT_PAGE = 10;
  var PARAGRAPHS_SHOWN = 3;
  var entries = null;
  var rules = null;
  var shards = {};
  var callData = {};
  var generation = 0;

  function loadJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  // Case and accents do not matter: "nestle" finds "Nestlé".
  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function searchable(call) {
    var names = (call.speakers || []).map(function (s) { return s.name; });
    return fold([call.title, call.company, call.ticker, call.period, call.date]
      .concat(call.company_aliases || [], names).join(" \u0001 "));
  }

  function callName(call) {
    return [call.company || call.title, call.period].filter(Boolean).join(" \u00b7 ");
  }

  // A list item opening with a link to `call`.
  function callItem(call) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = base + call.path;
    link.textContent = callName(call);
    li.append(link);
    return li;
  }

  function item(call) {
    var li = callItem(call);
    var meta = document.createElement("span");
    meta.className = "muted";
    meta.textContent = [call.ticker, call.date].filter(Boolean).join(" \u00b7 ");
    li.append(" ", meta);
    return li;
  }

  function show() {
    var query = input.value.trim();
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url);
    list.replaceChildren();
    if (!entries) { return; }
    fullText(query);
    if (!query) { status.textContent = entries.length + " calls. Type to search."; return; }
    var terms = fold(query).split(/\s+/);
    var found = entries.filter(function (e) {
      return terms.every(function (t) { return e.text.indexOf(t) !== -1; });
    });
    found.slice(0, LIMIT).forEach(function (e) { list.append(item(e.call)); });
    status.textContent = found.length === 0 ? "No call matches \u201c" + query + "\u201d by company, ticker, quarter, date or speaker."
      : found.length > LIMIT ? found.length + " calls match; the first " + LIMIT + " are shown."
      : found.length + (found.length === 1 ? " call matches." : " calls match.");
  }

  // ---- Full text.

  // A term's list, [step, count, step, count, …], as a Map of call position to count.
  function decode(listed) {
    var calls = new Map();
    var position = 0;
    for (var i = 0; listed && i + 1 < listed.length; i += 2) {
      position += listed[i];
      calls.set(position, listed[i + 1]);
    }
    return calls;
  }

  function shard(n) {
    if (!shards[n]) { shards[n] = loadJson(base + "search/terms/" + n + ".json"); }
    return shards[n];
  }

  // The calls with every term, best first: each term counts by the paragraphs that have
  // it, and more where few calls have it.
  function rank(lists) {
    var total = entries.length;
    var found = [];
    lists[0].forEach(function (count, position) {
      var score = 0;
      for (var i = 0; i < lists.length; i++) {
        var c = i === 0 ? count : lists[i].get(position);
        if (c === undefined) { return; }
        score += (1 + Math.log(c)) * Math.log(1 + total / lists[i].size);
      }
      found.push({ position: position, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return found;
  }

  function fullText(query) {
    var mine = ++generation;
    if (!metaUrl || !rules || !textList) { return; }
    textList.replaceChildren();
    more.hidden = true;
    if (!query) { textStatus.textContent = ""; return; }
    var terms = Array.from(new Set(cutTerms(query, rules)));
    if (terms.length === 0) {
      textStatus.textContent = "Words as common as \u201c" + query + "\u201d are not indexed; add a rarer one.";
      return;
    }
    textStatus.textContent = "Searching the transcripts\u2026";
    Promise.all(terms.map(function (t) {
      return shard(shardOf(t, rules.shards)).then(function (s) {
        return decode(Object.prototype.hasOwnProperty.call(s, t) ? s[t] : null);
      });
    })).then(function (lists) {
      if (mine !== generation) { return; }
      var found = rank(lists);
      textStatus.textContent = found.length === 0 ? "No transcript mentions \u201c" + query + "\u201d."
        : found.length + (found.length === 1 ? " call mentions" : " calls mention") + " \u201c" + query + "\u201d.";
      showCalls(found, 0, terms, query, mine);
    }).catch(function () {
      if (mine === generation) { textStatus.textContent = "The transcript index could not be loaded."; }
    });
  }

  // A call's paragraphs are read from its call.json when its result comes into view (or
  // near it), so a query downloads the text of the calls a reader sees, not of all ten.
  var watcher = "IntersectionObserver" in window ? new IntersectionObserver(function (seen) {
    seen.forEach(function (e) {
      if (e.isIntersecting) { watcher.unobserve(e.target); e.target.load(); }
    });
  }, { rootMargin: "200px" }) : null;

  function showCalls(found, from, terms, query, mine) {
    found.slice(from, from + TEXT_PAGE).forEach(function (hit) {
      var call = entries[hit.position] && entries[hit.position].call;
      if (!call) { return; }
      var li = callItem(call);
      var paragraphs = document.createElement("ol");
      paragraphs.className = "paragraph-hits";
      li.append(paragraphs);
      textList.append(li);
      li.load = function () {
        if (!callData[call.path]) { callData[call.path] = loadJson(base + call.path + "call.json"); }
        callData[call.path].then(function (data) {
          if (mine === generation) { showParagraphs(paragraphs, call, data, terms, query); }
        }).catch(function () { paragraphs.textContent = "(this call\u2019s text could not be loaded)"; });
      };
      if (watcher) { watcher.observe(li); } else { li.load(); }
    });
    var left = found.length - from - TEXT_PAGE;
    more.hidden = left <= 0;
    more.onclick = function () { more.hidden = true; showCalls(found, from + TEXT_PAGE, terms, query, mine); };
  }

  // Runs of two or more CJK characters in the query: a paragraph must have each as written.
  function cjkRuns(query) {
    return (fold(query).match(/[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af\u1100-\u11ff]{2,}/g) || []);
  }

  function showParagraphs(target, call, data, terms, query) {
    var names = {};
    (data.speakers || []).forEach(function (s) { names[s.id] = s.name; });
    var runs = cjkRuns(query);
    var hits = [];
    (data.turns || []).forEach(function (turn) {
      (turn.paragraphs || []).forEach(function (p, j) {
        var parts = [p.text, p.translation].filter(Boolean);
        var have = new Set(cutTerms(parts.join("\n"), rules));
        var matched = terms.filter(function (t) { return have.has(t); }).length;
        var whole = parts.join("\n");
        if (matched === 0 || !runs.every(function (r) { return whole.indexOf(r) !== -1; })) { return; }
        hits.push({ turn: turn, n: j + 1, parts: parts, matched: matched });
      });
    });
    var best = Math.max.apply(null, hits.map(function (h) { return h.matched; }).concat([0]));
    hits = hits.filter(function (h) { return h.matched === best; });
    hits.slice(0, PARAGRAPHS_SHOWN).forEach(function (h) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = base + call.path + "#" + h.turn.id + "-p" + h.n;
      link.textContent = names[h.turn.speaker] || h.turn.label || h.turn.id;
      var quote = document.createElement("span");
      quote.className = "snippet";
      snippet(quote, partWithMost(h.parts, terms), terms);
      li.append(link, ": ", quote);
      target.append(li);
    });
    if (hits.length > PARAGRAPHS_SHOWN) {
      var rest = document.createElement("li");
      rest.className = "muted";
      var n = hits.length - PARAGRAPHS_SHOWN;
      rest.textContent = "and " + n + (n === 1 ? " more paragraph" : " more paragraphs") + " in this call";
      target.append(rest);
    }
  }

  function partWithMost(parts, terms) {
    var scored = parts.map(function (text) {
      var lower = text.toLowerCase();
      return { text: text, n: terms.filter(function (t) { return lower.indexOf(t) !== -1; }).length };
    });
    scored.sort(function (a, b) { return b.n - a.n; });
    return scored[0].text;
  }

  // Up to 240 characters of `text` around its first term, each term marked.
  function snippet(target, text, terms) {
    var lower = text.toLowerCase();
    var first = terms.map(function (t) { return lower.indexOf(t); })
      .filter(function (i) { return i !== -1; });
    var at = first.length ? Math.min.apply(null, first) : 0;
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, start + 240);
    if (start > 0) { target.append("\u2026"); }
    var i = start;
    while (i < end) {
      var next = -1;
      var length = 0;
      terms.forEach(function (t) {
        var j = lower.indexOf(t, i);
        if (j !== -1 && j < end && (next === -1 || j < next)) { next = j; length = t.length; }
      });
      if (next === -1) { target.append(text.slice(i, end)); break; }
      target.append(text.slice(i, next));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      target.append(mark);
      i = next + length;
    }
    if (end < text.length) { target.append("\u2026"); }
  }

  input.value = new URL(window.location.href).searchParams.get("q") || "";
  input.addEventListener("input", show);
  status.textContent = "Loading the index\u2026";
  var loads = [loadJson(script.getAttribute("data-index"))];
  if (metaUrl) { loads.push(loadJson(metaUrl)); }
  Promise.all(loads)
    .then(function (loaded) {
      entries = loaded[0].map(function (call) { return { call: call, text: searchable(call) }; });
      if (loaded[1]) {
        rules = { shards: loaded[1].shards, stop: new Set(loaded[1].stop), fold: loaded[1].fold };
      }
      show();
    })
    .catch(function () { status.textContent = "The search index could not be loaded."; });
})();
