#include "output/layer_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <limits>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <unistd.h>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "output/gdal_errors.hpp"
#include "output/ogr_layer.hpp"

namespace output {
namespace {

namespace fs = std::filesystem;

constexpr const char* kGpkgFile = "layers.gpkg";
constexpr const char* kStylesTable = "layer_styles";

std::string extension(Format format) {
    switch (format) {
        case Format::geojson: return ".geojson";
        case Format::gpkg: return ".gpkg";
        case Format::csv: return ".csv";
        case Format::kml: return ".kml";
        case Format::flatgeobuf: return ".fgb";
        case Format::shapefile: return ".shp";
        case Format::postgis: return {};
    }
    return {};
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// Files of one layer (or of the whole GeoPackage), relative to the output folder.
std::vector<std::string> layer_files(const LayerSpec& spec, Format format) {
    if (format == Format::shapefile) {
        std::vector<std::string> out;
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) out.push_back(spec.name + ext);
        return out;
    }
    return {spec.name + extension(format)};
}

std::vector<std::string> relative_outputs(const std::vector<LayerData>& layers, Format format) {
    if (format == Format::gpkg) return {kGpkgFile};
    std::vector<std::string> out;
    for (const auto& [spec, features] : layers) {
        for (auto& f : layer_files(spec, format)) out.push_back(std::move(f));
    }
    return out;
}

/// Old files that would go stale beside a replaced output (a shapefile's spatial indexes).
std::vector<std::string> stale_companions(const std::vector<LayerData>& layers, Format format) {
    std::vector<std::string> out;
    if (format != Format::shapefile) return out;
    for (const auto& [spec, features] : layers) {
        for (const char* ext : {".qix", ".sbn", ".sbx"}) out.push_back(spec.name + ext);
    }
    return out;
}

void validate_spec(const std::vector<LayerData>& layers, Format format) {
    std::set<std::string> layer_names;
    for (const auto& [spec, features] : layers) {
        if (spec.name.empty() || spec.name.front() == '.' || spec.name.find_first_of("/\\") != std::string::npos) {
            throw std::runtime_error(fmt::format("invalid layer name '{}' (empty, starts with '.' or contains a slash)", spec.name));
        }
        // Case-insensitive: GeoPackage table names and some file systems ignore case.
        if (!layer_names.insert(lower(spec.name)).second) {
            throw std::runtime_error(fmt::format("two layers are named '{}'", spec.name));
        }
        if (format == Format::gpkg && lower(spec.name) == kStylesTable) {
            throw std::runtime_error(fmt::format("layer name '{}' is reserved in GeoPackage for QGIS styles", spec.name));
        }
        std::set<std::string> field_names;
        bool has_id = false;
        for (const auto& field : spec.fields) {
            if (field.name.empty()) throw std::runtime_error(fmt::format("layer '{}': a field has no name", spec.name));
            if (!field_names.insert(lower(field.name)).second) {
                throw std::runtime_error(fmt::format("layer '{}': two fields are named '{}'", spec.name, field.name));
            }
            has_id = has_id || field.name == spec.id_field;
        }
        if (!spec.id_field.empty() && !has_id) {
            throw std::runtime_error(fmt::format("layer '{}': id_field '{}' is not one of its fields", spec.name, spec.id_field));
        }
        if (format == Format::geojson && !spec.id_field.empty() && spec.id_field != kGeoJsonIdField &&
            field_names.count(kGeoJsonIdField) > 0) {
            throw std::runtime_error(fmt::format(
                "layer '{}': a field named 'id' would clash with the GeoJSON feature id taken from '{}'", spec.name,
                spec.id_field));
        }
        for (std::size_t i = 0; i < features.size(); ++i) {
            if (features[i].values.size() != spec.fields.size()) {
                throw std::runtime_error(fmt::format("layer '{}' feature {}: {} values for {} fields", spec.name, i,
                                                     features[i].values.size(), spec.fields.size()));
            }
        }
    }
}

// --- RAII and GDAL helpers ---------------------------------------------------------------


/// A folder made with mkdtemp, removed with its contents when destroyed.
class StagingDir {
public:
    explicit StagingDir(const fs::path& parent) {
        std::string pattern = (parent / ".geoevents-layers-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) {
            throw std::runtime_error(fmt::format("cannot create a temporary folder in '{}': {}", parent.string(),
                                                 std::strerror(errno)));
        }
        path_ = pattern;
    }
    ~StagingDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    StagingDir(const StagingDir&) = delete;
    StagingDir& operator=(const StagingDir&) = delete;
    const fs::path& path() const noexcept { return path_; }

private:
    fs::path path_;
};

void sync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0) throw std::runtime_error(fmt::format("cannot open '{}': {}", path.string(), std::strerror(errno)));
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    if (rc != 0) throw std::runtime_error(fmt::format("cannot sync '{}': {}", path.string(), std::strerror(saved)));
}


GDALDriver* driver_for(Format format) {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    auto* manager = GetGDALDriverManager();
    GDALDriver* driver = nullptr;
    switch (format) {
        case Format::geojson: driver = manager->GetDriverByName("GeoJSON"); break;
        case Format::gpkg: driver = manager->GetDriverByName("GPKG"); break;
        case Format::csv: driver = manager->GetDriverByName("CSV"); break;
        case Format::kml:
            driver = manager->GetDriverByName("LIBKML");
            if (!driver) driver = manager->GetDriverByName("KML");
            break;
        case Format::flatgeobuf: driver = manager->GetDriverByName("FlatGeobuf"); break;
        case Format::shapefile: driver = manager->GetDriverByName("ESRI Shapefile"); break;
        case Format::postgis: driver = manager->GetDriverByName("PostgreSQL"); break;
    }
    if (!driver) {
        throw std::runtime_error(fmt::format("this GDAL build has no driver for {}", format_name(format)));
    }
    return driver;
}

GDALDatasetUniquePtr create_dataset(GDALDriver* driver, const fs::path& path) {
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw std::runtime_error(fmt::format("cannot create '{}': {}", path.string(), gdal_message()));
    return ds;
}

/// Closes a dataset, turning a failure while flushing (GeoJSON and FlatGeobuf finish their
/// files on close) into an exception.
void close_dataset(GDALDatasetUniquePtr& ds, const fs::path& path) {
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
        throw std::runtime_error(fmt::format("cannot write '{}': {}", path.string(), gdal_message()));
    }
}

void write_features(GDALDataset& ds, OGRLayer* layer, const LayerSpec& spec, const std::vector<Feature>& features,
                    Format format, const fs::path& file) {
    const bool transaction = format == Format::gpkg && ds.StartTransaction() == OGRERR_NONE;
    FeatureWriter writer(layer, spec, format, file);
    for (std::size_t i = 0; i < features.size(); ++i) writer.write(features[i], i);
    if (transaction && ds.CommitTransaction() != OGRERR_NONE) {
        throw std::runtime_error(fmt::format("cannot write layer '{}' to '{}': {}", spec.name, file.string(), gdal_message()));
    }
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

/// The `layer_styles` table as QGIS creates it (QgsOgrProviderUtils): an attribute table with
/// FID column `id`, one row a style, useAsDefault a boolean.
void write_gpkg_styles(GDALDataset& ds, const std::vector<LayerData>& layers, const fs::path& file) {
    const auto error = [&](const std::string& what) {
        return std::runtime_error(fmt::format("cannot write the QGIS styles to '{}': {}: {}", file.string(), what, gdal_message()));
    };
    bool any = false;
    for (const auto& [spec, features] : layers) any = any || !spec.qml_style.empty();
    if (!any) return;
    CPLStringList options;
    options.SetNameValue("FID", "id");
    OGRLayer* table = ds.CreateLayer(kStylesTable, nullptr, wkbNone, options.List());
    if (!table) throw error("cannot create table layer_styles");
    auto add = [&](const char* name, OGRFieldType type, int width, OGRFieldSubType subtype = OFSTNone) {
        OGRFieldDefn defn(name, type);
        defn.SetWidth(width);
        defn.SetSubType(subtype);
        if (table->CreateField(&defn) != OGRERR_NONE) throw error(fmt::format("cannot create column {}", name));
    };
    add("f_table_catalog", OFTString, 256);
    add("f_table_schema", OFTString, 256);
    add("f_table_name", OFTString, 256);
    add("f_geometry_column", OFTString, 256);
    add("styleName", OFTString, 30);
    add("styleQML", OFTString, 0);
    add("styleSLD", OFTString, 0);
    add("useAsDefault", OFTInteger, 0, OFSTBoolean);
    add("description", OFTString, 0);
    add("owner", OFTString, 30);
    add("ui", OFTString, 30);
    add("update_time", OFTDateTime, 0);
    const std::string now = utc_now();
    for (const auto& [spec, features] : layers) {
        if (spec.qml_style.empty()) continue;
        OGRLayer* layer = ds.GetLayerByName(spec.name.c_str());
        if (!layer) throw error(fmt::format("no layer '{}'", spec.name));
        OGRFeatureUniquePtr row(OGRFeature::CreateFeature(table->GetLayerDefn()));
        row->SetField("f_table_catalog", "");
        row->SetField("f_table_schema", "");
        row->SetField("f_table_name", spec.name.c_str());
        row->SetField("f_geometry_column", layer->GetGeometryColumn());
        row->SetField("styleName", spec.name.c_str());
        row->SetField("styleQML", spec.qml_style.c_str());
        row->SetField("styleSLD", "");
        row->SetField("useAsDefault", 1);
        row->SetField("description", fmt::format("geoevents default style for {}", spec.name).c_str());
        row->SetField("owner", "");
        row->SetField("ui", "");
        row->SetField("update_time", now.c_str());
        if (table->CreateFeature(row.get()) != OGRERR_NONE) throw error(fmt::format("row for layer '{}'", spec.name));
    }
}

/// Inserts the HXL hashtag row as line 2 of a CSV file GDAL wrote.
void insert_hxl_row(const fs::path& path, const LayerSpec& spec) {
    std::string content;
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error(fmt::format("cannot read '{}'", path.string()));
        content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto end_of_header = content.find('\n');
    if (end_of_header == std::string::npos) {
        throw std::runtime_error(fmt::format("'{}' has no header line", path.string()));
    }
    std::vector<std::string> tags;
    if (spec.geometry == GeometryKind::point) {
        tags = {"#geo+lon", "#geo+lat"};  // GEOMETRY=AS_XY: X, Y
    } else {
        tags = {"#geo+bounds"};  // GEOMETRY=AS_WKT: WKT
    }
    for (const auto& field : spec.fields) tags.push_back(field.hxl);
    // The header must have exactly these columns; count them outside quotes.
    std::size_t columns = 1;
    bool quoted = false;
    for (std::size_t i = 0; i < end_of_header; ++i) {
        if (content[i] == '"') quoted = !quoted;
        if (content[i] == ',' && !quoted) ++columns;
    }
    if (columns != tags.size()) {
        throw std::runtime_error(fmt::format("'{}': {} header columns, expected {}", path.string(), columns, tags.size()));
    }
    std::string row;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        if (tags[i].find_first_of(",\"\n") != std::string::npos) {
            throw std::runtime_error(fmt::format("layer '{}': HXL tag '{}' has a comma, quote or newline", spec.name, tags[i]));
        }
        row += (i ? "," : "") + tags[i];
    }
    content.insert(end_of_header + 1, row + "\n");
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) throw std::runtime_error(fmt::format("cannot write '{}'", path.string()));
}

void write_staged(const fs::path& staging, const std::vector<LayerData>& layers, Format format) {
    GDALDriver* driver = driver_for(format);
    if (format == Format::gpkg) {
        const fs::path file = staging / kGpkgFile;
        auto ds = create_dataset(driver, file);
        for (const auto& [spec, features] : layers) {
            OGRLayer* layer = create_layer(*ds, spec, features, format, file);
            write_features(*ds, layer, spec, features, format, file);
        }
        write_gpkg_styles(*ds, layers, file);
        close_dataset(ds, file);
        return;
    }
    for (const auto& [spec, features] : layers) {
        const fs::path file = staging / (spec.name + extension(format));
        auto ds = create_dataset(driver, file);
        OGRLayer* layer = create_layer(*ds, spec, features, format, file);
        write_features(*ds, layer, spec, features, format, file);
        close_dataset(ds, file);
        if (format == Format::csv) insert_hxl_row(file, spec);
    }
}

/// Moves the staged files into `out_dir`, old ones first into `backup`. On failure puts
/// everything back as it was and rethrows.
void move_into_place(const fs::path& staging, const fs::path& out_dir, const std::vector<std::string>& files,
                     const std::vector<std::string>& stale) {
    const fs::path backup = staging / ".previous";
    fs::create_directory(backup);
    std::vector<std::string> backed_up;
    std::vector<std::string> placed;
    try {
        std::vector<std::string> replaced = files;
        replaced.insert(replaced.end(), stale.begin(), stale.end());
        for (const auto& name : replaced) {
            if (fs::exists(fs::symlink_status(out_dir / name))) {
                fs::rename(out_dir / name, backup / name);
                backed_up.push_back(name);
            }
        }
        for (const auto& name : files) {
            fs::rename(staging / name, out_dir / name);
            placed.push_back(name);
        }
    } catch (...) {
        std::error_code ignored;
        for (const auto& name : placed) fs::remove(out_dir / name, ignored);
        for (const auto& name : backed_up) fs::rename(backup / name, out_dir / name, ignored);
        throw;
    }
}

}  // namespace

std::optional<Format> format_from_string(std::string_view name) {
    const std::string n = lower(name);
    if (n == "geojson") return Format::geojson;
    if (n == "gpkg") return Format::gpkg;
    if (n == "csv") return Format::csv;
    if (n == "kml") return Format::kml;
    if (n == "fgb" || n == "flatgeobuf") return Format::flatgeobuf;
    if (n == "shp" || n == "shapefile") return Format::shapefile;
    return std::nullopt;
}

std::string_view format_name(Format format) {
    switch (format) {
        case Format::geojson: return "geojson";
        case Format::gpkg: return "gpkg";
        case Format::csv: return "csv";
        case Format::kml: return "kml";
        case Format::flatgeobuf: return "flatgeobuf";
        case Format::shapefile: return "shapefile";
        case Format::postgis: return "postgis";
    }
    return "?";
}

std::vector<fs::path> output_files(const fs::path& out_dir, const std::vector<LayerData>& layers, Format format) {
    std::vector<fs::path> out;
    for (const auto& name : relative_outputs(layers, format)) out.push_back(out_dir / name);
    return out;
}

void write_layers(const fs::path& out_dir, const std::vector<LayerData>& layers, const WriteOptions& options) {
    if (layers.empty()) throw std::runtime_error("no layers to write");
    if (options.format == Format::postgis) throw std::runtime_error("PostGIS layers are written by output::PostgisStore, not to a folder");
    validate_spec(layers, options.format);
    const auto files = relative_outputs(layers, options.format);
    for (const auto& name : files) {
        const fs::path target = out_dir / name;
        const auto status = fs::symlink_status(target);
        if (fs::is_directory(status)) throw std::runtime_error(fmt::format("'{}' is a directory", target.string()));
        if (fs::exists(status) && !options.overwrite) {
            throw std::runtime_error(fmt::format("'{}' already exists (overwrite to replace it)", target.string()));
        }
    }
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw std::runtime_error(fmt::format("cannot create folder '{}': {}", out_dir.string(), ec.message()));

    const StagingDir staging(out_dir);
    {
        const QuietGdalErrors quiet;
        write_staged(staging.path(), layers, options.format);
    }
    for (const auto& name : files) {
        if (!fs::is_regular_file(staging.path() / name)) {
            throw std::runtime_error(fmt::format("GDAL did not write '{}'", (out_dir / name).string()));
        }
        sync_path(staging.path() / name, false);
    }
    move_into_place(staging.path(), out_dir, files, stale_companions(layers, options.format));
    sync_path(out_dir, true);
}

}  // namespace output
