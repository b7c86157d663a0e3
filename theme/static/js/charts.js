/*
 * Progressive enhancement of chart figures, on request: the page shows a static SVG, its sentence and
 * its table (all readable without JavaScript); a "Version interactive" button added here loads the
 * chart library and swaps the image for the interactive Vega chart (tooltips, PNG export). Nothing is
 * downloaded until the reader asks, except when the address names a structure to highlight
 * (?structure=…), which the static image cannot show.
 *
 * Markup (partials/chart.html):
 *   <figure data-chart-spec="…/chart.vl.json" data-chart-template="…/modeles/<id>.vg.json">
 *     … <div class="chart-canvas"><img src="….svg" alt=""></div> …</figure>
 *   The template is the chart shape's Vega spec, compiled from Vega-Lite at build time (so no Vega-Lite
 *   compiler is sent); the spec file holds the chart's own data (datasets, params, description).
 *   Either may also be "#id" of a <script type="application/json"> in the page (a structure's chart: its
 *   datasets by columns, see rowsOf). Such a dataset may name ("s") a file of rows that many pages share
 *   (its network's value), under the figure's data-chart-shared folder: its rows come first.
 *
 * Numbers and dates Vega formats itself follow the page's language: each template carries its
 * language's locale (`config.locale`, plugins/results/charts/locale.py), so no locale is set here.
 *
 * CSP-friendly: no inline script or style, no eval / new Function (vega-embed's `ast: true` uses the
 * expression interpreter bundled in vega-embed.min.js), libraries served by the site itself. On any
 * failure the static SVG simply stays.
 */
(function () {
  "use strict";

  var LIBRARIES = ["vega.min.js", "vega-embed.min.js"];
  var script = document.currentScript;
  var vendorBase = script ? script.src.replace(/js\/charts\.js(\?.*)?$/, "vendor/vega/") : null;
  var librariesLoaded = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = src;
      element.async = false;
      element.onload = resolve;
      element.onerror = function () { reject(new Error("chargement impossible : " + src)); };
      document.head.appendChild(element);
    });
  }

  function loadLibraries() {
    if (window.vegaEmbed) return Promise.resolve();
    if (!librariesLoaded) {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = vendorBase + "vega-tooltip.css";
      document.head.appendChild(style);
      librariesLoaded = LIBRARIES.reduce(function (chain, name) {
        return chain.then(function () { return loadScript(vendorBase + name); });
      }, Promise.resolve());
    }
    return librariesLoaded;
  }

  var templates = {};  // template URL → promise of its JSON: fetched once per page
  var sharedRows = {};  // shared series URL → promise of its dataset: fetched once per page

  function fetchJson(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) throw new Error("fichier introuvable : " + url);
      return response.json();
    });
  }

  function readJson(source) {
    if (source.charAt(0) === "#") {
      return Promise.resolve(JSON.parse(document.getElementById(source.slice(1)).textContent));
    }
    return fetchJson(source);
  }

  // The chart's data part goes into a copy of its shape's Vega spec exactly as charts/render.py
  // _swap_data does at build time: datasets by name, params as signals, description and title.
  // A dataset inlined in the page comes by columns ({"k": keys, "c": columns}, a column of few texts as
  // {"d": distinct texts, "i": indexes}; charts/publish.py inline_data): back to one object per row,
  // leaving out nulls as the row left out the key.
  function rowsOf(dataset) {
    if (Array.isArray(dataset)) return dataset;
    var columns = dataset.c.map(function (column) {
      return Array.isArray(column) ? column : column.i.map(function (index) { return column.d[index]; });
    });
    var rows = [];
    for (var row = 0; row < (columns[0] || []).length; row++) {
      var object = {};
      for (var key = 0; key < dataset.k.length; key++) {
        if (columns[key][row] !== null) object[dataset.k[key]] = columns[key][row];
      }
      rows.push(object);
    }
    return rows;
  }

  function mergeSpec(template, data) {
    var spec = JSON.parse(JSON.stringify(template));
    var datasets = data.datasets || {};
    (spec.data || []).forEach(function (entry) {
      if (Object.prototype.hasOwnProperty.call(datasets, entry.name)) entry.values = rowsOf(datasets[entry.name]);
    });
    var params = {};
    (data.params || []).forEach(function (param) { params[param.name] = param.value; });
    (spec.signals || []).forEach(function (signal) {
      if (Object.prototype.hasOwnProperty.call(params, signal.name)) signal.value = params[signal.name];
    });
    if (data.description) spec.description = data.description;
    if (data.usermeta) spec.usermeta = data.usermeta;
    return spec;
  }

  // A dataset naming a shared file ({"s": name, "k": …, "c": …}): that file's rows, then its own.
  function withSharedRows(data, folder) {
    var datasets = data.datasets || {};
    var names = Object.keys(datasets).filter(function (name) {
      return datasets[name] && !Array.isArray(datasets[name]) && datasets[name].s;
    });
    return Promise.all(names.map(function (name) {
      var url = folder + datasets[name].s + ".json";
      if (!sharedRows[url]) sharedRows[url] = fetchJson(url);
      return sharedRows[url].then(function (shared) {
        datasets[name] = rowsOf(shared).concat(rowsOf(datasets[name]));
      });
    })).then(function () { return data; });
  }

  function readSpec(figure) {
    var templateSource = figure.getAttribute("data-chart-template");
    var folder = figure.getAttribute("data-chart-shared") || "";
    var data = readJson(figure.getAttribute("data-chart-spec")).then(function (part) {
      return withSharedRows(part, folder);
    });
    if (!templates[templateSource]) templates[templateSource] = readJson(templateSource);
    return Promise.all([templates[templateSource], data]).then(function (parts) {
      return mergeSpec(parts[0], parts[1]);
    });
  }

  // Fit the chart to its column: the static SVG has a fixed natural width, the interactive one follows
  // the page. Every text is positioned in pixels or on a scale, so only the views' width changes.
  function fitWidth(spec, available) {
    var padding = spec.padding || {};
    var width = Math.max(200, Math.floor(available - (padding.left || 0) - (padding.right || 0)));
    if (typeof spec.width === "number") spec.width = width;
    if (spec.layout) {
      // Vega reports no height for a concatenation laid out with autosize "none": let it pad to the
      // content instead (legend and labels sit in the margins, so the margins themselves can shrink).
      spec.autosize = {type: "pad"};
      spec.padding = {left: 0, top: 4, right: padding.right || 0, bottom: 4};
    }
    return spec;
  }

  function wantedStructure() {
    return new URLSearchParams(window.location.search).get("structure");
  }

  function highlightFromUrl(spec) {
    var wanted = wantedStructure();
    (spec.signals || []).forEach(function (signal) {
      if (signal.name === "highlight" && wanted) signal.value = wanted;
    });
    return spec;
  }

  function addPngDownload(figure, view, title) {
    var list = figure.querySelector(".chart-downloads");
    if (!list || list.querySelector("[data-format='png']")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "chart-png-button";
    button.textContent = "PNG";
    button.addEventListener("click", function () {
      view.toImageURL("png", 2).then(function (url) {
        var link = document.createElement("a");
        link.href = url;
        link.download = (title || "graphique").replace(/[^\w\u00C0-\u017F-]+/g, "-") + ".png";
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
    });
    list.appendChild(document.createTextNode(" · "));
    list.appendChild(button);
  }

  function enhance(figure, onDone) {
    var state = figure.getAttribute("data-chart-state");
    if (state === "loading" || state === "interactive") return;
    var canvas = figure.querySelector(".chart-canvas");
    var image = canvas && canvas.querySelector("img");
    if (!canvas || !image) return;
    figure.setAttribute("data-chart-state", "loading");
    var target = document.createElement("div");
    target.className = "chart-interactive";
    target.hidden = true;
    target.setAttribute("aria-hidden", "true");  // the caption, sentence and table already say it all
    canvas.appendChild(target);
    Promise.all([readSpec(figure), loadLibraries()])
      .then(function (results) {
        var spec = fitWidth(highlightFromUrl(results[0]), canvas.clientWidth || image.clientWidth);
        return window.vegaEmbed(target, spec, {
          mode: "vega",
          renderer: "svg",
          ast: true,
          actions: false,
          defaultStyle: false,
          tooltip: {disableDefaultStyle: true},
        });
      })
      .then(function (result) {
        target.hidden = false;
        // Not just hidden: a stylesheet giving images display:block would override `hidden`. A chart
        // with a wide-screen variant has its image in a <picture>: both go.
        (image.parentNode.tagName === "PICTURE" ? image.parentNode : image).remove();
        figure.setAttribute("data-chart-state", "interactive");
        addPngDownload(figure, result.view, (result.spec.usermeta || {}).title);
        if (onDone) onDone(true);
      })
      .catch(function () {
        target.remove();
        figure.setAttribute("data-chart-state", "static");
        if (onDone) onDone(false);
      });
  }

  // The reader's way in: a real button (keyboard, screen readers), added only where the script runs.
  function addButton(figure) {
    var canvas = figure.querySelector(".chart-canvas");
    if (!canvas || figure.querySelector(".chart-explore")) return;
    var title = figure.querySelector(".chart-title");
    var paragraph = document.createElement("p");
    paragraph.className = "chart-explore";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = window.siteText("chartInteractive");
    if (title && title.id) button.setAttribute("aria-describedby", title.id);
    var status = document.createElement("span");
    status.className = "chart-explore-status";
    status.setAttribute("role", "status");
    status.textContent = window.siteText("chartInteractiveCost");
    paragraph.appendChild(button);
    paragraph.appendChild(document.createTextNode(" "));
    paragraph.appendChild(status);
    canvas.parentNode.insertBefore(paragraph, canvas.nextSibling);
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-disabled") === "true") return;
      button.setAttribute("aria-disabled", "true");
      status.textContent = window.siteText("chartLoading");
      enhance(figure, function (ok) {
        if (ok) {
          var hadFocus = document.activeElement === button;
          paragraph.remove();
          if (hadFocus && title) {  // the button is gone: keep the reader's place, on the chart's name
            title.setAttribute("tabindex", "-1");
            title.focus();
          }
        } else {
          button.removeAttribute("aria-disabled");
          status.textContent = window.siteText("chartUnavailable");
        }
      });
    });
  }

  function start() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure[data-chart-spec]"));
    if (!figures.length || !vendorBase || !window.fetch || !window.Promise) return;
    var automatic = Boolean(wantedStructure());  // a highlight the static image cannot show
    figures.forEach(function (figure) {
      figure.setAttribute("data-chart-state", "static");
      addButton(figure);
      if (automatic) enhance(figure, function (ok) {
        var explore = figure.querySelector(".chart-explore");
        if (ok && explore) explore.remove();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
