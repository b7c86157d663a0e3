// The search page (theme/templates/search.html): runs the query of the address (?q=…&reseau=…&region=…)
// in the Pagefind index the build wrote into pagefind/ (plugins/results/search.py), lists structures
// first, then the other pages, and says how many results there are in a live region.
// Without JavaScript, or if the index cannot load, the page still offers the browse pages below.
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  // Pagefind ranks by words; among its first results, a name equal to the query (then one containing
  // it as a phrase) comes first: "CAF de la Loire" before "CAF de la Loire-Atlantique".
  var RERANKED = 30;
  var TYPING_DELAY_MS = 250;
  var GROUPS = ["service", "autre"];

  function summary(counts, query) {
    var services = counts.service;
    var others = counts.autre;
    if (!services && !others) {
      return window.siteText("searchNone", {query: query});
    }
    var parts = [];
    if (services) { parts.push(window.siteText("searchServices", {count: window.siteNumber(services)}, services)); }
    if (others) { parts.push(window.siteText("searchOthers", {count: window.siteNumber(others)}, others)); }
    var results = parts.length > 1 ? window.siteText("searchAnd", {first: parts[0], second: parts[1]}) : parts[0];
    return window.siteText("searchFound", {results: results, query: query});
  }

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  function closeness(title, query) {
    var name = normalise(title || "");
    if (name === query) { return 0; }
    return (" " + name + " ").indexOf(" " + query + " ") >= 0 ? 1 : 2;
  }

  function ranked(results, query) {
    var wanted = normalise(query);
    var head = results.slice(0, RERANKED);
    return Promise.all(head.map(function (result) { return result.data(); })).then(function (pages) {
      var items = head.map(function (result, index) {
        return { data: pages[index], order: index, closeness: closeness(pages[index].meta.title, wanted) };
      });
      items.sort(function (a, b) { return a.closeness - b.closeness || a.order - b.order; });
      return items.concat(results.slice(RERANKED).map(function (result) { return { result: result }; }));
    });
  }

  function resultItem(data) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    item.appendChild(link);
    var details = [data.meta.genre, data.meta.reseau, data.meta.commune, data.meta.label].filter(Boolean);
    if (details.length) {
      var line = document.createElement("p");
      line.className = "meta";
      line.textContent = details.join(" · ");
      item.appendChild(line);
    }
    return item;
  }

  function setUp(root) {
    var form = root.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = root.querySelector("[data-search-status]");
    var groups = {};
    GROUPS.forEach(function (name) {
      var section = root.querySelector("[data-search-group='" + name + "']");
      groups[name] = {
        section: section,
        list: section.querySelector("[data-search-list]"),
        more: section.querySelector("[data-search-more]"),
        items: [],
        shown: 0
      };
    });
    var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI).href;
    var siteRoot = new URL(root.getAttribute("data-site-root"), document.baseURI).pathname;
    var pagefind = null;
    var latest = 0;
    var timer = null;

    function showMore(group) {
      var slice = group.items.slice(group.shown, group.shown + PAGE_SIZE);
      group.shown += slice.length;
      return Promise.all(slice.map(function (item) { return item.data || item.result.data(); })).then(function (pages) {
        pages.forEach(function (data) { group.list.appendChild(resultItem(data)); });
        group.more.hidden = group.shown >= group.items.length;
      });
    }

    // Only the other pages carry the `type` filter (plugins/results/search.py): its file stays small.
    function filtersFor(type) {
      var filters = type === "autre" ? { type: type } : { not: { type: "autre" } };
      selects.forEach(function (select) {
        if (select.value) { filters[select.name] = select.value; }
      });
      return filters;
    }

    function remember(query) {
      var params = new URLSearchParams();
      if (query) { params.set("q", query); }
      selects.forEach(function (select) { if (select.value) { params.set(select.name, select.value); } });
      var search = params.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
    }

    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      remember(query);
      if (!query) {
        GROUPS.forEach(function (name) {
          groups[name].section.hidden = true;
          groups[name].list.textContent = "";
        });
        status.textContent = "";
        return Promise.resolve();
      }
      return Promise.all(GROUPS.map(function (name) {
        return pagefind.search(query, { filters: filtersFor(name) }).then(function (answer) {
          return ranked(answer ? answer.results : [], query);
        });
      })).then(function (answers) {
        if (ticket !== latest) { return null; }  // a newer query was typed meanwhile
        var counts = {};
        GROUPS.forEach(function (name, index) {
          var group = groups[name];
          group.items = answers[index];
          group.shown = 0;
          group.list.textContent = "";
          group.section.hidden = group.items.length === 0;
          counts[name] = group.items.length;
        });
        return Promise.all(GROUPS.map(function (name) { return showMore(groups[name]); })).then(function () {
          if (ticket === latest) { status.textContent = summary(counts, query); }
        });
      });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(run, TYPING_DELAY_MS);
    }

    function unavailable() {
      status.textContent = window.siteText("searchUnavailable");
    }

    GROUPS.forEach(function (name) {
      var group = groups[name];
      group.more.addEventListener("click", function () {
        var first = group.shown;
        showMore(group).then(function () {
          var next = group.list.children[first];
          if (next) { next.querySelector("a").focus(); }  // keyboard users go on where the new results start
        });
      });
    });

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector("option[value='" + CSS.escape(wanted) + "']")) { select.value = wanted; }
    });
    root.querySelector("[data-search-filters]").hidden = false;

    import(bundle + "pagefind.js").then(function (module) {
      pagefind = module;
      // noWorker: searching this small index in the page itself spares visitors Pagefind's 40 KB worker.
      return pagefind.options({ baseUrl: siteRoot, excerptLength: 0, noWorker: true });
    }).then(function () {
      return pagefind.init();
    }).then(function () {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clearTimeout(timer);
        run();
      });
      input.addEventListener("input", later);
      selects.forEach(function (select) { select.addEventListener("change", run); });
      return run();
    }).catch(unavailable);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector("[data-search]");
    if (root) { setUp(root); }
  });
})();
