#!/usr/bin/env python3
"""QGIS itself loads every layer `geoevents map` writes, in every format, and renders them.

Run by CTest (tests/CMakeLists.txt) with Debian's python3-qgis, headless
(QT_QPA_PLATFORM=offscreen):

    check_layers.py --geoevents BIN --fixtures tests/fixtures --tables gazetteer/data [--out DIR]

It builds the fixture gazetteer from tests/fixtures/geonames (as the CLI tests do), writes a few
invented articles, runs `geoevents map` in each format and checks, for every layer:
valid, EPSG:4326, the feature count the run reported (and GDAL/OGR reads), the field types
(event_date a Date where the format keeps dates, fatalities an integer), for the GeoPackage
that the default style stored in layer_styles is the one QGIS applies; then, when `map` offers
--qgis-project, that the project opens with valid, styled layers and a temporal events layer;
and it renders the events over polygons to a PNG that must not be blank. The PNGs are kept in
--out (default: a temporary folder). Exits 1 naming every failed check, 2 on a usage or set-up
error.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

try:
    from qgis.core import (
        QgsApplication,
        QgsCoordinateReferenceSystem,
        QgsDateTimeRange,
        QgsFeatureRequest,
        QgsMapRendererSequentialJob,
        QgsMapSettings,
        QgsProject,
        QgsProviderRegistry,
        QgsRectangle,
        QgsVectorLayer,
        QgsVectorLayerTemporalContext,
        QgsVectorLayerTemporalProperties,
    )
    from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime, QVariant
    from qgis.PyQt.QtGui import QColor
except ImportError as e:  # pragma: no cover - set-up error
    sys.stderr.write(f"check_layers: cannot import QGIS ({e}): install python3-qgis and qgis-providers "
                     f"(scripts/install-deps.sh) and run Debian's /usr/bin/python3\n")
    sys.exit(2)

LAYERS = ("events", "places", "areas")
FORMATS = ("geojson", "gpkg", "csv", "kml", "fgb", "shp")
# Formats whose date fields QGIS reads as dates (FlatGeobuf gives date-times: layer_writer.hpp).
DATE_TYPES = {"geojson": (QVariant.Date,), "gpkg": (QVariant.Date,), "shp": (QVariant.Date,),
              "fgb": (QVariant.Date, QVariant.DateTime)}
# Formats whose integer fields QGIS reads as integers (CSV has its HXL row: every column is text;
# KML through LIBKML keeps integers).
INTEGER_FORMATS = ("geojson", "gpkg", "kml", "fgb", "shp")
INTEGER_TYPES = (QVariant.Int, QVariant.LongLong)

# Invented news: places of tests/fixtures/geonames/mini_cities.txt, two days, several event types.
ARTICLES = [
    '{"id": "q1", "published": "2016-11-20", "url": "https://example.org/q1", "text": '
    '"Warplanes bombed eastern Aleppo on Saturday, killing at least 14 people, medics said."}',
    '{"id": "q2", "published": "2016-11-21", "url": "https://example.org/q2", "text": '
    '"Shelling hit Manbij on Sunday, killing 6 civilians. Fighters clashed with government troops near '
    'Al Bab on Monday, and 3 fighters were killed."}',
    '{"id": "q3", "published": "2016-11-22", "url": "https://example.org/q3", "text": '
    '"Hundreds of people protested in Idlib on Tuesday against the siege. A car bomb exploded in '
    'Damascus on Monday, killing 9 people."}',
]

# A region polygon around the fixture places (north-western Syria), for the rendering.
REGIONS_GEOJSON = """{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "North-west", "code": "NW"},
  "geometry": {"type": "Polygon", "coordinates": [[[35.8, 35.4], [38.6, 35.4], [38.6, 37.0], [35.8, 37.0], [35.8, 35.4]]]}},
 {"type": "Feature", "properties": {"name": "South", "code": "S"},
  "geometry": {"type": "Polygon", "coordinates": [[[35.6, 32.4], [37.4, 32.4], [37.4, 34.2], [35.6, 34.2], [35.6, 32.4]]]}}
]}
"""

GAZETTEER_FILES = ("mini_cities.txt", "mini_countries.txt", "mini-admin1CodesASCII.txt", "mini-admin2Codes.txt",
                   "mini-countryInfo.txt", "mini-alternateNamesV2.txt")


class Checks:
    """Collects failed checks, each with where it happened."""

    def __init__(self):
        self.failures = []
        self.passed = 0

    def check(self, ok, where, what):
        if ok:
            self.passed += 1
        else:
            self.failures.append(f"{where}: {what}")
            print(f"check_layers: FAIL {where}: {what}", file=sys.stderr)
        return ok


def run(cmd, what):
    """Runs a command; stops the test with its output when it fails."""
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"check_layers: {what} failed (exit {r.returncode}): {' '.join(cmd)}\n{r.stdout}{r.stderr}")
    return r


def build_gazetteer(geoevents, fixtures, tables, work):
    path = os.path.join(work, "gazetteer.sqlite")
    geonames = os.path.join(fixtures, "geonames")
    run([geoevents, "-q", "gazetteer", "build", "-o", path] + [os.path.join(geonames, f) for f in GAZETTEER_FILES]
        + ["--admin1-points", os.path.join(geonames, "admin1-points.tsv"), "--tables", tables], "gazetteer build")
    return path


def qgis_project_option(geoevents):
    """None when `map` has no --qgis-project; else True when it takes a file name, False for a flag."""
    help_text = run([geoevents, "map", "--help"], "map --help").stdout
    m = re.search(r"--qgis-project(?:\s+(TEXT|FILE|PATH)\b)?", help_text)
    if not m:
        return None
    return m.group(1) is not None


def layer_source(fmt, out, name, geometry):
    """The QGIS source and provider of a layer that `map --format FMT` wrote in `out`."""
    if fmt == "gpkg":
        return f"{out}/layers.gpkg|layername={name}", "ogr"
    if fmt == "csv":
        geom = "xField=X&yField=Y&geomType=point" if geometry == "point" else "wktField=WKT&geomType=polygon"
        return f"file://{out}/{name}.csv?type=csv&{geom}&crs=EPSG:4326", "delimitedtext"
    return f"{out}/{name}.{fmt}", "ogr"


def ogr_count(fmt, out, name):
    """The feature count GDAL/OGR reads, or None where it differs by design (CSV's HXL row)."""
    if fmt == "csv":
        return None
    try:
        from osgeo import ogr
    except ImportError:
        return None
    path = f"{out}/layers.gpkg" if fmt == "gpkg" else f"{out}/{name}.{fmt}"
    ds = ogr.Open(path)
    if ds is None:
        return -1
    layer = ds.GetLayerByName(name) if fmt == "gpkg" else ds.GetLayer(0)
    return layer.GetFeatureCount() if layer else -1


def field_type(layer, name):
    i = layer.fields().indexFromName(name)
    return None if i < 0 else layer.fields().at(i).type()


def style_of(layer):
    """What a style decides, comparable between layers: the renderer's dump."""
    return layer.renderer().dump() if layer.renderer() else ""


def check_layer(checks, fmt, out, name, expected_count, styles_dir):
    geometry = "polygon" if name == "areas" else "point"
    source, provider = layer_source(fmt, out, name, geometry)
    where = f"{fmt} {name}"
    layer = QgsVectorLayer(source, name, provider)
    if not checks.check(layer.isValid(), where, f"QGIS cannot load '{source}' ({provider})"):
        return None
    checks.check(layer.crs().authid() == "EPSG:4326", where, f"CRS is '{layer.crs().authid()}', not EPSG:4326")
    checks.check(layer.featureCount() == expected_count, where,
                 f"{layer.featureCount()} features, the run reported {expected_count}")
    ogr_n = ogr_count(fmt, out, name)
    if ogr_n is not None:
        checks.check(layer.featureCount() == ogr_n, where, f"QGIS reads {layer.featureCount()} features, OGR {ogr_n}")
    geometries = sum(1 for f in layer.getFeatures() if f.hasGeometry() and not f.geometry().isEmpty())
    checks.check(geometries == expected_count, where, f"{geometries} of {expected_count} features have a geometry")
    if name == "events":
        for field in ("event_date", "fatalities", "event_type"):
            checks.check(layer.fields().indexFromName(field) >= 0, where, f"no field '{field}'")
        if fmt in DATE_TYPES:
            t = field_type(layer, "event_date")
            checks.check(t in DATE_TYPES[fmt], where, f"event_date is {QVariant.typeToName(t) if t else None}, not a Date")
        if fmt in INTEGER_FORMATS:
            t = field_type(layer, "fatalities")
            checks.check(t in INTEGER_TYPES, where, f"fatalities is {QVariant.typeToName(t) if t else None}, not an Integer")
    if fmt == "gpkg":
        # QgsVectorLayer loads the default style on construction; loading it again must succeed
        # and give what the QML the style was stored from gives.
        count = layer.listStylesInDatabase()[0]
        checks.check(count >= 1, where, "no style stored in layer_styles")
        message, ok = layer.loadDefaultStyle()
        checks.check(ok, where, f"loadDefaultStyle failed: {message}")
        reference = QgsVectorLayer(source, name, provider, QgsVectorLayer.LayerOptions(loadDefaultStyle=False))
        reference.loadNamedStyle(os.path.join(styles_dir, f"{name}.qml"))
        checks.check(style_of(layer) == style_of(reference), where,
                     f"the default style is not {name}.qml: {style_of(layer)!r}")
        if name == "events":
            r = layer.renderer()
            checks.check(r.type() == "categorizedSymbol" and r.classAttribute() == "event_type", where,
                         f"renderer is {r.type()}, not categorized by event_type")
    return layer


def check_project(checks, fmt, qgz, counts):
    """The .qgz opens in QGIS: layers valid and styled, events temporal on event_date."""
    where = f"{fmt} project {os.path.basename(qgz)}"
    project = QgsProject.instance()
    project.clear()
    if not checks.check(project.read(qgz), where, f"QgsProject.read failed: {project.error()}"):
        return
    for name in LAYERS:
        found = project.mapLayersByName(name)
        if not checks.check(len(found) == 1, where, f"{len(found)} layers named '{name}'"):
            continue
        layer = found[0]
        if not checks.check(layer.isValid(), where, f"layer '{name}' is not valid ({layer.source()})"):
            continue
        checks.check(layer.crs().authid() == "EPSG:4326", where, f"layer '{name}' CRS is {layer.crs().authid()}")
        checks.check(layer.featureCount() == counts[name], where,
                     f"layer '{name}' has {layer.featureCount()} features, not {counts[name]}")
    events = project.mapLayersByName("events")
    if not events or not events[0].isValid():
        return
    layer = events[0]
    r = layer.renderer()
    checks.check(r is not None and r.type() == "categorizedSymbol" and r.classAttribute() == "event_type", where,
                 f"events renderer is {r.type() if r else None}, not the style's (categorized by event_type)")
    props = layer.temporalProperties()
    checks.check(props.isActive(), where, "events layer is not temporal")
    # An instant at event_date lasting a day: from the field, or (what write_qgis_project writes,
    # see output/qgis_project.cpp) from expressions on it.
    modes = {QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField: props.startField(),
             QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromExpressions: props.startExpression()}
    checks.check(props.mode() in modes and "event_date" in modes[props.mode()], where,
                 f"events temporal mode {props.mode()} does not take the time from event_date")
    checks.check(props.startField() == "event_date", where, f"events temporal field is '{props.startField()}'")
    project_range = project.timeSettings().temporalRange()
    checks.check(project_range.begin().isValid() and project_range.end().isValid(), where,
                 "the project has no time range")
    # What the Temporal Controller does frame by frame: a one-day frame shows that day's events.
    if not project_range.begin().isValid():
        return
    day, last = project_range.begin().date(), project_range.end().date()
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    while day <= last:
        frame = QgsDateTimeRange(QDateTime(day, QTime(0, 0)), QDateTime(day.addDays(1), QTime(0, 0)), True, False)
        request = QgsFeatureRequest().setFilterExpression(props.createFilterString(context, frame))
        shown = sorted(f["event_id"] for f in layer.getFeatures(request))
        expected = sorted(f["event_id"] for f in layer.getFeatures() if _as_date(f["event_date"]) == day)
        checks.check(shown == expected, where,
                     f"the frame of {day.toString('yyyy-MM-dd')} shows events {shown}, not {expected} of that day")
        day = day.addDays(1)


def _as_date(value):
    if isinstance(value, QDateTime):
        return value.date()
    if isinstance(value, QDate):
        return value
    return QDate.fromString(str(value), "yyyy-MM-dd")


def report_region_layers(checks, geoevents, gpkg, regions_path, work):
    """The polygon layer `geoevents report` writes beside its report (`regions`), loaded and
    checked like map's: valid, EPSG:4326, one feature a region, integer counts, and at least one
    event counted."""
    folder = os.path.join(work, "report")
    os.makedirs(folder, exist_ok=True)
    run([geoevents, "report", gpkg, "--regions", regions_path, "--region-name", "name", "--region-code", "code",
         "-o", os.path.join(folder, "report.html")], "report")
    path = os.path.join(folder, "regions.geojson")
    layer = QgsVectorLayer(path, "report regions", "ogr")
    where = "report regions"
    if not checks.check(layer.isValid(), where, f"QGIS cannot load {path}"):
        return []
    checks.check(layer.crs().authid() == "EPSG:4326", where, f"CRS {layer.crs().authid()}, not EPSG:4326")
    checks.check(layer.featureCount() == 2, where, f"{layer.featureCount()} features, not the 2 regions")
    fields = layer.fields()
    for name in ("events", "fatalities"):
        i = fields.indexOf(name)
        if checks.check(i >= 0, where, f"no field {name}"):
            checks.check(fields.at(i).type() in (QVariant.Int, QVariant.LongLong), where,
                         f"{name} is {fields.at(i).typeName()}, not an integer")
    total = sum(int(f["events"] or 0) for f in layer.getFeatures())
    checks.check(total > 0, where, "the regions count no event")
    layer.renderer().symbol().setColor(QColor(200, 215, 235))
    return [("regions", layer)]


def render(checks, png, layers, where):
    """Renders `layers` (first on top) to a PNG; it must hold more than one colour."""
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    extent = QgsRectangle()
    extent.setMinimal()
    for layer in layers:
        extent.combineExtentWith(layer.extent())
    extent.grow(0.3)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(480, 360))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    checks.check(image.save(png, "PNG"), where, f"cannot save {png}")
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    white = QColor(255, 255, 255).rgba()
    drawn = sum(1 for x in range(image.width()) for y in range(image.height()) if image.pixel(x, y) != white)
    checks.check(len(colours) > 1, where, f"the rendering {png} is blank (one colour)")
    checks.check(drawn >= 100, where, f"the rendering {png} has only {drawn} drawn pixels")
    return png


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geoevents", required=True, help="the geoevents program")
    parser.add_argument("--fixtures", required=True, help="tests/fixtures")
    parser.add_argument("--tables", required=True, help="gazetteer/data")
    parser.add_argument("--styles", help="output/styles (default: beside this script's tests/)")
    parser.add_argument("--out", help="folder for the PNG renderings (default: the temporary folder)")
    args = parser.parse_args()
    styles = args.styles or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "output", "styles")

    work = tempfile.mkdtemp(prefix="geoevents-qgis-")
    out_dir = args.out or work
    os.makedirs(out_dir, exist_ok=True)
    app = QgsApplication([], False, os.path.join(work, "qgis-profile"))
    app.initQgis()
    checks = Checks()
    try:
        providers = QgsProviderRegistry.instance().providerList()
        for p in ("ogr", "delimitedtext"):
            if p not in providers:
                raise SystemExit(f"check_layers: QGIS has no '{p}' provider: install qgis-providers")
        gazetteer = build_gazetteer(args.geoevents, args.fixtures, args.tables, work)
        articles = os.path.join(work, "news.jsonl")
        with open(articles, "w", encoding="utf-8") as f:
            f.write("\n".join(ARTICLES) + "\n")
        regions_path = os.path.join(work, "regions.geojson")
        with open(regions_path, "w", encoding="utf-8") as f:
            f.write(REGIONS_GEOJSON)

        project_option = qgis_project_option(args.geoevents)
        if project_option is None:
            print("check_layers: note: `geoevents map` has no --qgis-project yet: the project checks are skipped",
                  file=sys.stderr)

        for fmt in FORMATS:
            out = os.path.join(work, fmt)
            cmd = [args.geoevents, "--gazetteer", gazetteer, "map", articles, "-o", out, "--format", fmt]
            if project_option is not None:
                cmd += ["--qgis-project"] + ([os.path.join(out, "project.qgz")] if project_option else [])
            r = run(cmd, f"map --format {fmt}")
            m = re.search(r"(\d+) events, (\d+) places, (\d+) areas", r.stderr)
            if not m:
                raise SystemExit(f"check_layers: map --format {fmt} printed no summary:\n{r.stderr}")
            counts = dict(zip(LAYERS, map(int, m.groups())))
            checks.check(all(counts[n] > 0 for n in LAYERS), fmt, f"the run found too little to check: {counts}")
            layers = {name: check_layer(checks, fmt, out, name, counts[name], styles) for name in LAYERS}
            if project_option is not None:
                qgz = sorted(f for f in os.listdir(out) if f.endswith(".qgz"))
                if checks.check(len(qgz) == 1, fmt, f"map --qgis-project wrote {len(qgz)} .qgz files in {out}"):
                    check_project(checks, fmt, os.path.join(out, qgz[0]), counts)
                    QgsProject.instance().clear()
            if fmt == "gpkg" and all(layers.values()):
                # the events over the areas and regions, in the styles stored in the GeoPackage
                regions = QgsVectorLayer(regions_path, "regions", "ogr")
                checks.check(regions.isValid(), "regions", f"QGIS cannot load {regions_path}")
                if regions.isValid():
                    regions.renderer().symbol().setColor(QColor(225, 225, 215))
                polygons = [layers["areas"], regions] + [l for _, l in report_region_layers(
                    checks, args.geoevents, os.path.join(out, "layers.gpkg"), regions_path, work)]
                png = render(checks, os.path.join(out_dir, "events-over-regions.png"),
                             [layers["events"]] + polygons, "render")
                print(f"check_layers: rendered {png}", file=sys.stderr)
    finally:
        QgsProject.instance().clear()
        shutil.rmtree(work, ignore_errors=True)
    if checks.failures:
        print(f"check_layers: {checks.passed} passed, {len(checks.failures)} failed", file=sys.stderr)
        for f in checks.failures:
            print(f"  {f}", file=sys.stderr)
        return 1
    print(f"check_layers: {checks.passed} passed, 0 failed")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # QGIS' exit can crash in its destructors in a headless run: leave without them.
    os._exit(code)
