-- Run once after the bulk import: building indexes after loading is much faster than before.
--
-- Folded names are indexed by the lookup_index table (a hash table over every folded name, see
-- gazetteer/name_index.hpp), so the names table needs only its index by place; a B-tree over
-- names.folded as well would cost a sort of every name for no reader of this program.
-- The spatial indexes of places (SpatiaLite's idx_places_geom, idx_places_footprint) are made
-- with the empty table and filled in bulk by the builder (gazetteer/rtree_bulk_load.hpp).
CREATE INDEX names_place ON names(place);
