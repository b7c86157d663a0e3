"""Published files and the view the template receives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from chartcheck import FRENCH, make_indicator, series
from results.charts import (
    ChartBuilder,
    ChartCache,
    ChartPublisher,
    RenderSettings,
    TrendPanel,
    chart_view,
    render_charts,
    write_chart_files,
)
from results.charts.publish import inline_data


def _merged_like_charts_js(template: dict, data: dict) -> dict:
    """What theme/static/js/charts.js mergeSpec does with the two published parts."""
    spec = json.loads(json.dumps(template))
    for entry in spec.get("data", []):
        if entry["name"] in data["datasets"]:
            entry["values"] = data["datasets"][entry["name"]]
    params = {param["name"]: param["value"] for param in data.get("params", [])}
    for signal in spec.get("signals", []):
        if signal["name"] in params:
            signal["value"] = params[signal["name"]]
    return {**spec, "description": data["description"], "usermeta": data["usermeta"]}


def test_a_chart_without_csv_offers_the_pages_files(tmp_path):
    """A structure's chart: no CSV of its own, its links point to the page's results and network values."""
    chart = ChartBuilder(FRENCH).trend("evolution", "Évolution", [TrendPanel(make_indicator(), series([70, 74]))],
                                 "Cette structure", png=False, own_csv=False)
    output = tmp_path / "output"
    (output / "services/caf").mkdir(parents=True)
    (output / "services/caf/resultats-caf.csv").write_text("structure_id\nCAF\n", encoding="utf-8")
    publisher = ChartPublisher(RenderSettings(cache_dir=tmp_path / "cache", workers=0))
    with pytest.raises(ValueError, match="sans CSV"):
        publisher.add(chart, "services/caf/evolution")
    publisher.add(chart, "services/caf/evolution", (("données CSV", "services/caf/resultats-caf.csv"),
                                                    ("valeurs du réseau CSV", "reseaux/caf/valeurs.csv")))
    publisher.render()
    view = publisher.publish("services/caf/evolution", output)
    assert [(d.label, d.url, d.size) for d in view.downloads[1:]] == [
        ("données CSV", "services/caf/resultats-caf.csv", "17\u00a0octets"),
        ("valeurs du réseau CSV", "reseaux/caf/valeurs.csv", ""),  # not written (yet): no size announced
    ]
    assert view.csv_url == "services/caf/resultats-caf.csv"
    assert sorted(p.name for p in (output / "services/caf").iterdir()) == [
        "evolution.svg", "evolution.vl.json", "resultats-caf.csv"]


def _rows_like_charts_js(dataset: dict | list) -> list[dict]:
    """What theme/static/js/charts.js rowsOf does with an inlined dataset (by columns, nulls left out)."""
    if isinstance(dataset, list):
        return dataset
    columns = [column if isinstance(column, list) else [column["d"][i] for i in column["i"]]
               for column in dataset["c"]]
    return [{key: value for key, value in zip(dataset["k"], values, strict=True) if value is not None}
            for values in zip(*columns, strict=True)]


def test_an_inlined_chart_has_no_spec_file_and_its_page_gets_the_same_data(tmp_path):
    """A structure's chart: its data part travels in the page (one file less per structure), by columns,
    safe inside a <script> element, and turns back into the rows the published spec had."""
    indicator = make_indicator(label="Usagers « satisfaits » </script><b>")
    chart = ChartBuilder(FRENCH).trend("evolution", "Évolution", [TrendPanel(indicator, series([70, None, 74], ci=4),
                                                                            series([71, 72, 73]))],
                                       "Cette structure", "Valeur du réseau", png=False, own_csv=False)
    output = tmp_path / "output"
    publisher = ChartPublisher(RenderSettings(cache_dir=tmp_path / "cache", workers=0), output)
    publisher.add(chart, "services/caf/evolution", (("données CSV", "services/caf/resultats-caf.csv"),), inline=True)
    publisher.render()
    view = publisher.publish("services/caf/evolution", output)
    assert sorted(p.name for p in (output / "services/caf").iterdir()) == ["evolution.svg"]
    assert view.spec_url == "#evolution-donnees"
    assert "<" not in view.inline_data and ">" not in view.inline_data and "&" not in view.inline_data
    inlined, published = json.loads(view.inline_data), json.loads(chart.data_json)
    assert "description" not in inlined  # the figure's caption says it on the page
    assert inlined["params"] == published["params"] and inlined["usermeta"] == published["usermeta"]
    expected = {name: [{k: v for k, v in row.items() if v is not None} for row in rows]
                for name, rows in published["datasets"].items()}
    assert {name: _rows_like_charts_js(rows) for name, rows in inlined["datasets"].items()} == expected
    assert any(row.get("value") is None for row in published["datasets"]["lines_0"])  # a gap stays a gap
    assert any(isinstance(column, dict) for column in inlined["datasets"]["lines_0"]["c"])  # labels, names
    assert len(view.inline_data) < 0.8 * len(chart.data_json)


def test_rows_every_structure_of_a_network_repeats_are_one_shared_file(tmp_path):
    """A structure's chart draws its network's value: those rows, the same for every structure of the
    network, leave the pages for one file named by its content, which both pages name; joined again
    (shared rows first, as charts.js does) they give the published spec's rows."""
    indicator = make_indicator()
    network = series([71, 72, 73])
    output = tmp_path / "output"
    publisher = ChartPublisher(RenderSettings(cache_dir=tmp_path / "cache", workers=0), output)
    charts = {}
    for name, values in (("caf-a", [70, None, 74]), ("caf-b", [60, 61, 62])):
        charts[name] = ChartBuilder(FRENCH).trend("evolution", "Évolution", [TrendPanel(indicator, series(values, ci=4),
                                                                                      network)],
                                                  "Cette structure", "Valeur du réseau", png=False, own_csv=False)
        publisher.add(charts[name], f"services/{name}/evolution", (("données CSV", f"services/{name}/r.csv"),),
                      inline=True, shared_series=("Valeur du réseau",))
    publisher.render()
    shared_files = sorted((output / "graphiques" / "series").iterdir())
    assert len(shared_files) == 1
    shared = json.loads(shared_files[0].read_text(encoding="utf-8"))
    for name, chart in charts.items():
        view = publisher.publish(f"services/{name}/evolution", output)
        assert view.shared_folder == "graphiques/series/"
        inlined, published = json.loads(view.inline_data), json.loads(chart.data_json)
        assert inlined["datasets"]["lines_0"]["s"] == shared_files[0].stem
        assert "Valeur du réseau" not in json.dumps(inlined["datasets"]["lines_0"], ensure_ascii=False)
        rows = _rows_like_charts_js(shared) + _rows_like_charts_js(inlined["datasets"]["lines_0"])
        assert rows == [{k: v for k, v in row.items() if v is not None} for row in published["datasets"]["lines_0"]]
        files, _ = publisher.files(f"services/{name}/evolution")
        assert f"graphiques/series/{shared_files[0].name}" in files  # carried over with the page
        unshared = inline_data(chart.data_json)  # what the page carried before: the network's rows too
        assert len(view.inline_data) < len(unshared)  # (the demo: see README, « Fichiers publiés »)


def test_view_and_files(tmp_path):
    chart = ChartBuilder(FRENCH).trend("evolution", "Évolution", [TrendPanel(make_indicator(), series([70, 74]))],
                                 "Ensemble des structures")
    cache_dir = tmp_path / "cache"
    render_charts([chart], RenderSettings(cache_dir=cache_dir, workers=0, png_scale=1))
    cache = ChartCache(cache_dir)
    view = chart_view(chart, "indicateurs/satisfaction/evolution", cache)
    assert view.svg_url == "indicateurs/satisfaction/evolution.svg"
    assert view.spec_url == "indicateurs/satisfaction/evolution.vl.json"
    assert [d.label for d in view.downloads] == ["SVG", "PNG", "données CSV"]
    assert all(d.size.endswith(("\u00a0ko", "\u00a0octets")) for d in view.downloads)
    assert view.width == 354 and view.height > 200
    written = write_chart_files(chart, "indicateurs/satisfaction/evolution", tmp_path / "output", cache)
    names = sorted(path.name for path in written)
    assert names == ["evolution.csv", "evolution.png", "evolution.svg", "evolution.vl.json"]
    output = tmp_path / "output"
    data = json.loads((output / view.spec_url).read_text(encoding="utf-8"))
    template = json.loads((output / view.template_url).read_text(encoding="utf-8"))
    assert view.template_url.startswith("graphiques/modeles/") and view.template_url.endswith(".vg.json")
    assert template["$schema"].startswith("https://vega.github.io/schema/vega/")  # compiled: no VL in the browser
    import vl_convert
    from results.charts.render import VEGA_LITE_VERSION

    expected = vl_convert.vegalite_to_vega(chart.spec, vl_version=VEGA_LITE_VERSION)
    assert _merged_like_charts_js(template, data) == {**expected, "usermeta": data["usermeta"]}
    csv_text = (tmp_path / "output/indicateurs/satisfaction/evolution.csv").read_text(encoding="utf-8")
    assert csv_text == chart.csv



def test_publisher_renders_once_and_refuses_two_charts_on_one_path(tmp_path):
    builder = ChartBuilder(FRENCH)
    first = builder.trend("a", "Premier", [TrendPanel(make_indicator(), series([70, 74]))], "Ensemble")
    second = builder.trend("b", "Second", [TrendPanel(make_indicator(), series([60, 64]))], "Ensemble")
    publisher = ChartPublisher(RenderSettings(cache_dir=tmp_path / "cache", workers=0))
    publisher.add(first, "a/evolution")
    publisher.add(second, "b/evolution")
    with pytest.raises(ValueError, match="« Premier » et « Second »"):
        publisher.add(second, "a/evolution")
    with pytest.raises(RuntimeError):
        publisher.view("a/evolution")
    assert publisher.render().rendered == 2
    assert publisher.view("b/evolution").title == "Second"
    assert publisher.write(tmp_path / "output") == 2
    assert (tmp_path / "output/a/evolution.svg").exists()
    again = ChartPublisher(RenderSettings(cache_dir=tmp_path / "cache", workers=0))
    again.add(first, "a/evolution")
    assert again.render().rendered == 0
    assert again.prune() == 2  # the second chart's SVG and PNG
    assert again.render().cache_hits == 1


def test_a_publisher_with_an_output_writes_each_chart_as_soon_as_it_is_drawn(tmp_path):
    """Cached charts are written when added, new ones when their render ends: pages get views only."""
    builder = ChartBuilder(FRENCH)
    cached = builder.trend("a", "Déjà dessiné", [TrendPanel(make_indicator(), series([70, 74]))], "Ensemble")
    new = builder.trend("b", "Nouveau", [TrendPanel(make_indicator(), series([60, 64]))], "Ensemble")
    settings = RenderSettings(cache_dir=tmp_path / "cache", workers=0)
    render_charts([cached], settings)
    output = tmp_path / "output"
    publisher = ChartPublisher(settings, output)

    publisher.add(cached, "a/evolution")
    publisher.add(new, "b/evolution")
    assert (output / "a/evolution.svg").exists() and (output / "a/evolution.csv").read_text("utf-8") == cached.csv
    assert not (output / "b/evolution.svg").exists()  # not drawn yet
    report = publisher.render()
    assert (report.rendered, report.cache_hits) == (1, 1)
    assert (output / "b/evolution.csv").read_text("utf-8") == new.csv  # written by the render pass
    svg = output / "b/evolution.svg"
    written_at = svg.stat().st_mtime_ns
    view = publisher.publish("b/evolution", output)
    assert view.title == "Nouveau" and view.svg_url == "b/evolution.svg"
    assert svg.stat().st_mtime_ns == written_at  # the page only takes the view
    with pytest.raises(ValueError, match="« Déjà dessiné » et « Nouveau »"):
        publisher.add(new, "a/evolution")


def test_settings_from_pelican():
    settings = RenderSettings.from_settings({"RESULTS_CHART_CACHE": "/tmp/x", "RESULTS_CHART_WORKERS": 0})
    assert settings.cache_dir == Path("/tmp/x") and settings.workers >= 1
    assert RenderSettings.from_settings({}).cache_dir == Path(".cache/charts")
