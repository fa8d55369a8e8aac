-- Run once after the bulk import (and after the geometry columns are registered): building
-- indexes after loading is much faster than before.
CREATE INDEX names_folded ON names(folded);
CREATE INDEX names_place ON names(place);
CREATE INDEX places_country ON places(country_code, feature_code);
SELECT CreateSpatialIndex('places', 'geom');
SELECT CreateSpatialIndex('places', 'footprint');
