#!/usr/bin/env python3
"""QGIS opens the PostGIS tables `geoevents map -o PG:` writes, styled.

Usage: check_postgis_layers.py HOST PORT DBNAME USER

For each of events, places and areas: the layer is valid through QGIS's own PostgreSQL
provider, has features, and its default style comes from the database (the `layer_styles` rows
geoevents writes); the events are categorised by event_type. Exit status 0 when all hold, 1
otherwise (with a message on stderr). Run with a python3 that imports qgis.core, with
QT_QPA_PLATFORM=offscreen.
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer  # noqa: E402


def main(host, port, dbname, user):
    app = QgsApplication([], False)
    app.initQgis()
    problems = []
    try:
        for table in ("events", "places", "areas"):
            uri = QgsDataSourceUri()
            uri.setConnection(host, port, dbname, user, "")
            uri.setDataSource("public", table, "geom", "", "fid")
            layer = QgsVectorLayer(uri.uri(False), table, "postgres")
            if not layer.isValid():
                problems.append(f"{table}: QGIS cannot open the table")
                continue
            if layer.featureCount() <= 0:
                problems.append(f"{table}: no features")
            message, ok = layer.loadDefaultStyle()
            if not ok:
                problems.append(f"{table}: no default style from the database ({message})")
            if table == "events":
                renderer = layer.renderer()
                attribute = renderer.classAttribute() if hasattr(renderer, "classAttribute") else None
                if attribute != "event_type":
                    problems.append(f"events: renderer {type(renderer).__name__} on {attribute}, not categories of event_type")
            print(f"{table}: {layer.featureCount()} features, style: {message}")
    finally:
        app.exitQgis()
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
