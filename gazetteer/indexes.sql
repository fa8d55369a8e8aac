-- Run once after the bulk import (and after the geometry columns are registered): building
-- indexes after loading is much faster than before.
--
-- Folded names are indexed by the lookup_index table (a hash table over every folded name, see
-- gazetteer/name_index.hpp), so the names table needs only its index by place; a B-tree over
-- names.folded as well would cost a sort of every name for no reader of this program.
CREATE INDEX names_place ON names(place);
SELECT CreateSpatialIndex('places', 'geom');
SELECT CreateSpatialIndex('places', 'footprint');
