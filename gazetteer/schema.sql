-- geoevents gazetteer, schema version 2.
-- Loaded by GazetteerBuilder into a new database before any import; indexes.sql runs after.
PRAGMA application_id = 1195725381;  -- 'GEVE'
PRAGMA user_version = 2;
SELECT InitSpatialMetadata(1, 'WGS84');

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per imported file or layer, in import order.
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,
  kind        TEXT NOT NULL,   -- geonames, alternate_names, admin1_codes, admin2_codes, country_info,
                               -- admin1_points, vector, table
  rows        INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL
);

CREATE TABLE countries (
  code       TEXT PRIMARY KEY,  -- ISO 3166-1 alpha-2
  iso3       TEXT,
  name       TEXT NOT NULL,
  continent  TEXT,
  geonameid  INTEGER,
  population INTEGER
);

-- GeoNames admin1 (level 1, 'SY.09') and admin2 (level 2, 'SY.09.SY0900') codes.
CREATE TABLE admin_codes (
  code      TEXT PRIMARY KEY,
  level     INTEGER NOT NULL,
  name      TEXT NOT NULL,
  asciiname TEXT,
  geonameid INTEGER
);

CREATE TABLE places (
  pid           INTEGER PRIMARY KEY,   -- dense, 0-based: the index in lookup_index
  place_id      TEXT NOT NULL UNIQUE,  -- 'geonames:170063', 'SY020000', 'region:middle-east'
  name          TEXT NOT NULL,
  asciiname     TEXT,
  feature_class TEXT,
  feature_code  TEXT,
  country_code  TEXT,
  admin1_code   TEXT,
  admin1_name   TEXT,
  admin2_code   TEXT,
  admin2_name   TEXT,
  population    INTEGER NOT NULL DEFAULT 0,
  latitude      REAL NOT NULL,
  longitude     REAL NOT NULL,
  source        INTEGER REFERENCES sources(id),
  -- Geometries (EPSG:4326): registered with SpatiaLite (RecoverGeometryColumn, CreateSpatialIndex)
  -- while the table is empty; the builder suspends SpatiaLite's triggers during the import, so that
  -- none runs per inserted row, and fills the spatial indexes in bulk at the end.
  geom          BLOB NOT NULL,  -- POINT
  footprint     BLOB            -- MULTIPOLYGON, optional
);

-- Every name of every place, with its folded lookup key (see gazetteer/fold.hpp).
CREATE TABLE names (
  place  INTEGER NOT NULL REFERENCES places(pid),
  name   TEXT NOT NULL,
  folded TEXT NOT NULL,
  lang   TEXT,
  kind   TEXT NOT NULL  -- name, ascii, alternate, abbreviation, short_form, demonym, code
);

-- The in-memory lookup structure, serialised at the end of a build (gazetteer/name_index.hpp),
-- in parts of 16 MiB (SQLite caps one BLOB below 1 GB; a world gazetteer's index is larger; readers
-- take parts of any size, in part order).
CREATE TABLE lookup_index (
  name TEXT NOT NULL,
  part INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (name, part)
);
