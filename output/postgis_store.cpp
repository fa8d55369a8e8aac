#include "output/postgis_store.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <stdexcept>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include "output/event_reader.hpp"
#include "output/gdal_errors.hpp"
#include "output/ogr_layer.hpp"

namespace output {
namespace {

// The key of the writers' advisory lock: one lock a database, whatever the schema.
constexpr const char* kLockKey = "geoevents.layers";
constexpr const char* kStyleName = "geoevents default";

/// A SQL string literal: quotes doubled (standard_conforming_strings is on since PostgreSQL 9.1).
std::string literal(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

/// ARRAY['a','b']::text[]
std::string text_array(const std::vector<std::string>& values) {
    std::string out = "ARRAY[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        out += literal(values[i]);
    }
    return out + "]::text[]";
}

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

int field_index(const LayerSpec& spec, std::string_view name) {
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        if (spec.fields[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

/// The string values of a field over the layer's rows.
std::vector<std::string> column(const LayerData& layer, std::string_view name) {
    std::vector<std::string> out;
    const int i = field_index(layer.first, name);
    if (i < 0) return out;
    for (const auto& f : layer.second) {
        if (const auto* s = std::get_if<std::string>(&f.values[static_cast<std::size_t>(i)])) out.push_back(*s);
    }
    return out;
}

}  // namespace

bool is_postgis_target(std::string_view output) {
    return output.rfind("PG:", 0) == 0 || output.rfind("postgresql://", 0) == 0;
}

std::string masked_target(std::string_view target) {
    std::string s(target);
    s = std::regex_replace(s, std::regex(R"((password\s*=\s*)('([^'\\]|\\.)*'|\S+))", std::regex::icase), "$1***");
    s = std::regex_replace(s, std::regex(R"(^(postgresql://[^:/@]*:)[^@]*@)"), "$1***@");
    return s;
}

PostgisStore::PostgisStore(const std::string& target) : name_(masked_target(target)) {
    GDALAllRegister();
    const QuietGdalErrors quiet;
    const char* drivers[] = {"PostgreSQL", nullptr};
    const std::string open_name = target.rfind("PG:", 0) == 0 ? target : "PG:" + target;
    ds_ = GDALDataset::Open(open_name.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr);
    if (!ds_) throw std::runtime_error(fmt::format("cannot open the database '{}': {}", name_, gdal_message()));
    if (ds_->StartTransaction() != OGRERR_NONE) {
        throw std::runtime_error(fmt::format("cannot begin a transaction in '{}': {}", name_, gdal_message()));
    }
    execute(fmt::format("SELECT pg_advisory_xact_lock(hashtext({}))", literal(kLockKey)));
    OGRLayer* postgis = ds_->ExecuteSQL("SELECT postgis_lib_version()", nullptr, nullptr);
    if (!postgis) {
        throw std::runtime_error(fmt::format("the database '{}' has no PostGIS (CREATE EXTENSION postgis): {}", name_,
                                             gdal_message()));
    }
    ds_->ReleaseResultSet(postgis);
}

PostgisStore::~PostgisStore() {
    const QuietGdalErrors quiet;
    if (!committed_) ds_->RollbackTransaction();
    GDALClose(ds_);
}

void PostgisStore::execute(const std::string& sql) {
    CPLErrorReset();
    OGRLayer* result = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result) ds_->ReleaseResultSet(result);
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
        std::string shown = sql.substr(0, 80);
        if (sql.size() > 80) shown += "...";
        throw std::runtime_error(fmt::format("'{}': {} failed: {}", name_, shown, gdal_message()));
    }
}

bool PostgisStore::has_layers() {
    const QuietGdalErrors quiet;
    // in the current schema only: with active_schema, the search path still ends with public
    OGRLayer* result = ds_->ExecuteSQL(
        "SELECT count(*) AS present FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'events'",
        nullptr, nullptr);
    if (!result) throw std::runtime_error(fmt::format("'{}': cannot look for the events table: {}", name_, gdal_message()));
    OGRFeatureUniquePtr row(result->GetNextFeature());
    const bool present = row && row->GetFieldAsInteger64(0) != 0;
    ds_->ReleaseResultSet(result);
    return present;
}

PreviousOutput PostgisStore::read_affected(const std::vector<std::string>& event_ids, const std::vector<std::string>& place_ids) {
    PreviousOutput previous;
    if (!has_layers()) return previous;
    previous.found = true;
    const QuietGdalErrors quiet;
    const auto layer = [&](const char* name) {
        OGRLayer* l = ds_->GetLayerByName(name);
        if (!l) throw std::runtime_error(fmt::format("'{}': no table '{}': {}", name_, name, gdal_message()));
        return l;
    };
    const auto filter = [&](OGRLayer* l, const std::string& where) {
        if (l->SetAttributeFilter(where.c_str()) != OGRERR_NONE) {
            throw std::runtime_error(fmt::format("'{}': cannot select from '{}': {}", name_, l->GetName(), gdal_message()));
        }
    };
    const auto places_array = text_array(sorted_unique(place_ids));
    OGRLayer* places = layer("places");
    filter(places, fmt::format("place_id = ANY({})", places_array));
    auto places_read = std::make_shared<PlacesRead>(read_places(*places, name_ + " places"));
    places->SetAttributeFilter(nullptr);
    OGRLayer* events = layer("events");
    filter(events, fmt::format("event_id = ANY({}) OR place_id = ANY({})", text_array(sorted_unique(event_ids)), places_array));
    previous.events = read_events(*events, name_ + " events", places_read.get());
    events->SetAttributeFilter(nullptr);
    previous.mentions = mention_records(*places_read);
    previous.places = places_read;
    return previous;
}

void PostgisStore::create(const std::vector<LayerData>& layers, bool replace) {
    const QuietGdalErrors quiet;
    for (const auto& [spec, features] : layers) {
        for (int i = 0; i < ds_->GetLayerCount(); ++i) {
            if (spec.name != ds_->GetLayer(i)->GetName()) continue;
            if (!replace) throw std::runtime_error(fmt::format("'{}' has a table '{}' already", name_, spec.name));
            if (ds_->DeleteLayer(i) != OGRERR_NONE) {
                throw std::runtime_error(fmt::format("'{}': cannot drop table '{}': {}", name_, spec.name, gdal_message()));
            }
            break;
        }
    }
    for (const auto& layer : layers) {
        create_layer(*ds_, layer.first, layer.second, Format::postgis, name_);
        write_rows(layer, true);
    }
    for (const auto& [spec, features] : layers) {
        if (!spec.id_field.empty()) {
            execute(fmt::format("CREATE UNIQUE INDEX {0}_{1}_key ON {0} ({1})", spec.name, spec.id_field));
        }
        if (spec.id_field != "place_id" && field_index(spec, "place_id") >= 0) {
            execute(fmt::format("CREATE INDEX {0}_place_id_idx ON {0} (place_id)", spec.name));
        }
    }
    write_styles(layers);
}

void PostgisStore::upsert(const std::vector<LayerData>& layers) {
    const QuietGdalErrors quiet;
    std::vector<std::string> places;
    for (const auto& layer : layers) {
        const auto p = column(layer, "place_id");
        places.insert(places.end(), p.begin(), p.end());
    }
    const auto place_array = text_array(sorted_unique(places));
    for (const auto& layer : layers) {
        const auto& spec = layer.first;
        if (spec.name == "events") {
            execute(fmt::format("DELETE FROM events WHERE event_id = ANY({})", text_array(sorted_unique(column(layer, "event_id")))));
        } else if (field_index(spec, "place_id") >= 0) {
            execute(fmt::format("DELETE FROM {} WHERE place_id = ANY({})", spec.name, place_array));
        } else {
            throw std::runtime_error(fmt::format("'{}': layer '{}' has no place_id to upsert by", name_, spec.name));
        }
        write_rows(layer, false);
    }
}

void PostgisStore::write_rows(const LayerData& layer, bool created) {
    const auto& [spec, features] = layer;
    OGRLayer* table = ds_->GetLayerByName(spec.name.c_str());
    if (!table) throw std::runtime_error(fmt::format("'{}': no table '{}': {}", name_, spec.name, gdal_message()));
    if (!created) {
        // FeatureWriter sets fields by position: the stored columns must be the layer's fields, in order
        OGRFeatureDefn* defn = table->GetLayerDefn();
        for (std::size_t i = 0; i < spec.fields.size(); ++i) {
            const int n = static_cast<int>(i);
            if (n >= defn->GetFieldCount() || spec.fields[i].name != defn->GetFieldDefn(n)->GetNameRef()) {
                throw std::runtime_error(fmt::format(
                    "'{}': table '{}' column {} is '{}', not '{}': it was not written by this version of geoevents "
                    "(write to another schema or database, or replace it with --overwrite)",
                    name_, spec.name, i + 1, n < defn->GetFieldCount() ? defn->GetFieldDefn(n)->GetNameRef() : "(none)",
                    spec.fields[i].name));
            }
        }
    }
    FeatureWriter writer(table, spec, Format::postgis, name_);
    for (std::size_t i = 0; i < features.size(); ++i) writer.write(features[i], i);
    // ends a COPY and creates a deferred table, so that SQL on the table can follow
    if (table->SyncToDisk() != OGRERR_NONE) {
        throw std::runtime_error(fmt::format("'{}': cannot write table '{}': {}", name_, spec.name, gdal_message()));
    }
}

/// The layer_styles table as QGIS's PostgreSQL provider creates it, in public where QGIS looks
/// for it whatever the tables' schema, and a default style row a layer (useasdefault),
/// replacing the earlier rows of geoevents' own style.
void PostgisStore::write_styles(const std::vector<LayerData>& layers) {
    execute(
        "CREATE TABLE IF NOT EXISTS public.layer_styles (id SERIAL PRIMARY KEY, f_table_catalog varchar, f_table_schema varchar, "
        "f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml, stylesld xml, useasdefault boolean, "
        "description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, update_time timestamp DEFAULT CURRENT_TIMESTAMP, "
        "type varchar)");
    for (const auto& [spec, features] : layers) {
        if (spec.qml_style.empty()) continue;
        execute(fmt::format(
            "DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() AND f_table_schema = current_schema() "
            "AND f_table_name = {} AND stylename = {}",
            literal(spec.name), literal(kStyleName)));
        execute(fmt::format(
            "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, "
            "styleqml, stylesld, useasdefault, description) VALUES (current_database(), current_schema(), {}, 'geom', {}, "
            "XMLPARSE(DOCUMENT {}), NULL, true, {})",
            literal(spec.name), literal(kStyleName), literal(spec.qml_style),
            literal(fmt::format("geoevents default style for {}", spec.name))));
    }
}

void PostgisStore::commit() {
    const QuietGdalErrors quiet;
    if (ds_->CommitTransaction() != OGRERR_NONE) {
        throw std::runtime_error(fmt::format("'{}': cannot commit: {}", name_, gdal_message()));
    }
    committed_ = true;
}

}  // namespace output
