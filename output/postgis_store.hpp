#pragma once
// PostgreSQL/PostGIS as the shared store of the layers `map` writes (`-o PG:"dbname=... host=..."`),
// through GDAL's PostgreSQL driver: tables `events`, `places` and `areas` (geometry column `geom`,
// EPSG:4326, GiST index; primary key `fid`; a unique index on event_id, place_id and area_id), and
// the layers' default QGIS styles as rows of `public.layer_styles`, the table QGIS itself reads
// styles from, so the tables open styled. The tables live in the connection's current schema
// (GDAL's `active_schema=` option of the connection string chooses another, which must exist).
//
// A store is one transaction: nothing a writer does is seen before commit(), and a writer that
// fails or is destroyed uncommitted leaves the tables as they were. Writers take one advisory
// lock of the database (pg_advisory_xact_lock) before they read or write, so two processes
// appending at once run one after the other and neither loses what the other wrote; readers
// (QGIS) are never blocked.
#include <string>
#include <string_view>
#include <vector>

#include "output/event_append.hpp"
#include "output/layer_writer.hpp"

class GDALDataset;

namespace output {

/// True when `output` names a PostgreSQL database as GDAL does: it starts with "PG:" or
/// "postgresql://".
bool is_postgis_target(std::string_view output);

/// `target` with the value of a `password=` keyword (or the password of a postgresql:// URL)
/// replaced by "***", for messages.
std::string masked_target(std::string_view target);

class PostgisStore {
public:
    /// Connects, begins the transaction and waits for the writers' lock. Throws
    /// std::runtime_error (naming the masked target and GDAL's message) when the database cannot
    /// be opened for writing or has no PostGIS.
    explicit PostgisStore(const std::string& target);
    ~PostgisStore();  ///< rolls back what was not committed
    PostgisStore(const PostgisStore&) = delete;
    PostgisStore& operator=(const PostgisStore&) = delete;

    /// True when the events table exists.
    bool has_layers();

    /// What an append needs of the stored layers: the events whose event_id is one of
    /// `event_ids` or whose place_id is one of `place_ids` (so that the places' event counts
    /// come out whole), and the mentions (mention_records) of the stored places of `place_ids`.
    /// `found` is has_layers(). Throws as read_events does when a stored value cannot be read.
    PreviousOutput read_affected(const std::vector<std::string>& event_ids, const std::vector<std::string>& place_ids);

    /// Creates the tables and writes the layers into them; `replace` drops the tables of the
    /// same names first (without it, existing tables are an error).
    void create(const std::vector<LayerData>& layers, bool replace);

    /// Upsert: deletes the stored events whose event_id, and the stored places and areas whose
    /// place_id, is among the layers' rows, then inserts the rows. The layers must hold whole
    /// places (read_affected's events merged with the new ones), as a run's layers do. Throws
    /// when a stored table's columns are not the layer's fields, in order (another program's
    /// table, or one of another version of geoevents).
    void upsert(const std::vector<LayerData>& layers);

    /// Commits the transaction (and releases the lock). Throws when the server refuses.
    void commit();

private:
    void write_rows(const LayerData& layer, bool created);
    void write_styles(const std::vector<LayerData>& layers);
    void execute(const std::string& sql);

    std::string name_;  ///< the masked target
    GDALDataset* ds_ = nullptr;  ///< closed (GDALClose) by the destructor
    bool committed_ = false;
};

}  // namespace output
