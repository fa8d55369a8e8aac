#pragma once
// A QGIS project file (.qgz) that opens the layers of a run styled, in QGIS 3.22 or later: a
// zip holding one .qgs XML document (QGIS 3.x project format) with a map layer a layer (source
// path relative to the project file, provider, EPSG:4326, the layer's QML style embedded), the
// layer tree in drawing order and, for a temporal layer, temporal properties the Temporal
// Controller animates (each feature shown for the day of its date field: from
// to_datetime("field") to a day later, with startField naming the field; see qgis_project.cpp for
// why not QGIS' "single field with a fixed duration" mode).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "output/layer_writer.hpp"

namespace output {

struct QgisProjectLayer {
    std::string name;              ///< layer name in QGIS: not empty, unique in the project
    std::string provider = "ogr";  ///< QGIS data provider: "ogr" or "delimitedtext"
    /// The source in the provider's syntax, its file path relative to the project file's folder
    /// and starting with "./" or "../" as QGIS writes relative paths (or absolute):
    /// "./events.geojson", "./layers.gpkg|layername=events",
    /// "./events.csv?type=csv&xField=X&yField=Y&crs=EPSG:4326&geomType=point".
    std::string datasource;
    GeometryKind geometry = GeometryKind::point;
    std::string qml_style;       ///< a QML document (output/styles/*.qml); empty: QGIS' default style
    std::string temporal_field;  ///< not empty: the layer is temporal, a feature lasting the day of this date field
};

/// A rectangle in longitude/latitude degrees.
struct QgisExtent {
    double west = 0, south = 0, east = 0, north = 0;
};

struct QgisProjectSpec {
    std::string title;
    std::vector<QgisProjectLayer> layers;  ///< top of the layer tree first (drawn last, on top)
    std::optional<QgisExtent> extent;      ///< the view the project opens on; none: QGIS' default
    /// The project's time range for the Temporal Controller, "YYYY-MM-DD", both days included;
    /// both empty for none.
    std::string time_start, time_end;
};

/// The layer a qgis_project_spec makes temporal, and on which date field.
struct TemporalLayer {
    std::string layer;  ///< "events"
    std::string field;  ///< "event_date"
};

/// The project for `layers` as write_layers(out_dir, layers, {format}) writes them, for a project
/// file whose folder reaches out_dir through the relative path `layers_dir` ("" or "." when the
/// project file is in out_dir). Layers keep their order (the first on top) and their QML style;
/// `temporal` names the temporal layer, whose date values give the project's time range. The
/// extent covers every point and polygon, with a margin. CSV layers are read through QGIS'
/// delimited-text provider (X,Y or WKT columns; the HXL row has no geometry and is skipped).
QgisProjectSpec qgis_project_spec(const std::vector<LayerData>& layers, Format format,
                                  const std::filesystem::path& layers_dir, const TemporalLayer& temporal);

/// The project's .qgs XML document.
/// Throws std::runtime_error for an invalid spec (an empty or duplicate layer name, an empty
/// datasource, an unknown provider, a QML style that is not XML with a <qgis> root).
std::string qgis_project_xml(const QgisProjectSpec& spec);

/// Writes the project as a .qgz (a zip holding `<stem>.qgs`), through a temporary file beside
/// `qgz_path` renamed into place: a failure leaves no new file and an old one as it was.
/// Throws std::runtime_error naming the file (with GDAL's message) or, as qgis_project_xml does,
/// the fault in the spec.
void write_qgis_project(const std::filesystem::path& qgz_path, const QgisProjectSpec& spec);

}  // namespace output
