/*
 * Progressive enhancement of chart figures: the page shows a static SVG (readable without JavaScript);
 * this script swaps it for the interactive Vega chart drawn from the very same spec, with tooltips.
 *
 * Markup (partials/chart.html):
 *   <figure data-chart-spec="…/chart.vl.json" data-chart-template="…/modeles/<id>.vl.json">
 *     … <div class="chart-canvas"><img src="….svg" alt=""></div> …</figure>
 *   Either may also be "#id" of a <script type="application/json">; without a template the spec is whole.
 *
 * CSP-friendly: no inline script or style, no eval / new Function (vega-embed's `ast: true` uses the
 * expression interpreter bundled in vega-embed.min.js), libraries served by the site itself and only
 * loaded when a chart comes near the viewport. On any failure the static SVG simply stays.
 */
(function () {
  "use strict";

  // Same objects as plugins/results/charts/locale.py (a test checks they match).
  var FORMAT_LOCALE = {"currency": ["", "\u00a0\u20ac"], "decimal": ",", "grouping": [3], "minus": "\u2212", "percent": "\u202f%", "thousands": "\u202f"};
  var TIME_FORMAT_LOCALE = {"date": "%d/%m/%Y", "dateTime": "%A %e %B %Y \u00e0 %X", "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"], "months": ["janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt", "septembre", "octobre", "novembre", "d\u00e9cembre"], "periods": ["AM", "PM"], "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."], "shortMonths": ["janv.", "f\u00e9vr.", "mars", "avr.", "mai", "juin", "juil.", "ao\u00fbt", "sept.", "oct.", "nov.", "d\u00e9c."], "time": "%H:%M:%S"};

  var LIBRARIES = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"];
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

  // The spec is published in two parts: the chart's data (datasets, params, description) and the
  // template shared by every chart of its shape. Merged exactly as charts/specs.py merge_spec does.
  function readSpec(figure) {
    var templateSource = figure.getAttribute("data-chart-template");
    var data = readJson(figure.getAttribute("data-chart-spec"));
    if (!templateSource) return data;
    if (!templates[templateSource]) templates[templateSource] = readJson(templateSource);
    return Promise.all([templates[templateSource], data]).then(function (parts) {
      var spec = Object.assign({}, JSON.parse(JSON.stringify(parts[0])), parts[1]);
      spec.datasets = Object.assign({}, parts[0].datasets || {}, parts[1].datasets || {});
      return spec;
    });
  }

  // Fit the chart to its column: the static SVG has a fixed natural width, the interactive one follows
  // the page. Every text is positioned in pixels or on a scale, so only the views' widths change.
  function fitWidth(spec, available) {
    var padding = spec.padding || {};
    var width = Math.max(200, Math.floor(available - (padding.left || 0) - (padding.right || 0)));
    if (spec.vconcat) {
      spec.vconcat.forEach(function (view) { view.width = width; });
    } else if (typeof spec.width === "number") {
      spec.width = width;
    }
    if (spec.vconcat) {
      // Vega reports no height for a concatenation laid out with autosize "none": let it pad to the
      // content instead (legend and labels sit in the margins, so the margins themselves can shrink).
      spec.autosize = {type: "pad"};
      spec.padding = {left: 0, top: 4, right: padding.right || 0, bottom: 4};
    }
    return spec;
  }

  function highlightFromUrl(spec) {
    var wanted = new URLSearchParams(window.location.search).get("structure");
    (spec.params || []).forEach(function (param) {
      if (param.name === "highlight" && wanted) param.value = wanted;
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

  function enhance(figure) {
    if (figure.getAttribute("data-chart-state")) return;
    figure.setAttribute("data-chart-state", "loading");
    var canvas = figure.querySelector(".chart-canvas");
    var image = canvas && canvas.querySelector("img");
    if (!canvas || !image) return;
    var target = document.createElement("div");
    target.className = "chart-interactive";
    target.hidden = true;
    target.setAttribute("aria-hidden", "true");  // the caption, sentence and table already say it all
    canvas.appendChild(target);
    Promise.all([readSpec(figure), loadLibraries()])
      .then(function (results) {
        var spec = fitWidth(highlightFromUrl(results[0]), canvas.clientWidth || image.clientWidth);
        return window.vegaEmbed(target, spec, {
          renderer: "svg",
          ast: true,
          actions: false,
          defaultStyle: false,
          formatLocale: FORMAT_LOCALE,
          timeFormatLocale: TIME_FORMAT_LOCALE,
          tooltip: {disableDefaultStyle: true},
        });
      })
      .then(function (result) {
        target.hidden = false;
        image.remove();  // not just hidden: a stylesheet giving images display:block would override `hidden`
        figure.setAttribute("data-chart-state", "interactive");
        addPngDownload(figure, result.view, (result.spec.usermeta || {}).title);
      })
      .catch(function () {
        target.remove();
        figure.setAttribute("data-chart-state", "static");
      });
  }

  function start() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure[data-chart-spec]"));
    if (!figures.length || !vendorBase || !window.fetch || !window.Promise) return;
    if (!("IntersectionObserver" in window)) {
      figures.forEach(enhance);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          enhance(entry.target);
        }
      });
    }, {rootMargin: "200px 0px"});
    figures.forEach(function (figure) { observer.observe(figure); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
