// The words the scripts write, in the page's language. The build renders them through the site's
// translation catalog into <script type="application/json" class="site-strings"> blocks (data, not
// code: the Content-Security-Policy is untouched; theme/templates/partials/script_strings.html), so no
// script writes French itself and an English page's buttons and messages read in English.
(function () {
  "use strict";

  var language = document.documentElement.lang || "fr";
  var table = null;

  function load() {
    table = {};
    Array.prototype.forEach.call(document.querySelectorAll("script.site-strings"), function (block) {
      try {
        var values = JSON.parse(block.textContent);
        Object.keys(values).forEach(function (key) { table[key] = values[key]; });
      } catch (error) { /* a broken block leaves its words out: the key shows, the page still works */ }
    });
  }

  // siteText("sort", {column: "Rang"}) → "Trier par Rang". An entry with plural forms ({one, other})
  // takes the form of `count` by the page language's CLDR rules ("0 structure" in French, "0 structures").
  window.siteText = function (key, values, count) {
    if (table === null) { load(); }
    var entry = table[key];
    if (entry === undefined) { return key; }
    if (typeof entry === "object") {
      var form = window.Intl && Intl.PluralRules ? new Intl.PluralRules(language).select(count) : "other";
      entry = entry[form] || entry.other;
    }
    return entry.replace(/\{(\w+)\}/g, function (match, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  };

  // 1 234 in French, 1,234 in English: the page's language, as the build writes its numbers.
  window.siteNumber = function (number) { return number.toLocaleString(language); };
  window.siteLanguage = language;
})();
