#pragma once
// The importers of `gazetteer build`, each reading one kind of source into the ImportContext.
// Private to the gazetteer library; build_gazetteer() (gazetteer/build.hpp) runs them in order.
#include <string>

#include "gazetteer/import_context.hpp"
#include "gazetteer/vector_source.hpp"

namespace gazetteer {

/// A GeoNames "geoname" dump (allCountries.txt, cities500.txt, XX.txt), streamed row by row.
void import_geonames_dump(ImportContext& ctx, const std::string& path);
/// GeoNames alternateNamesV2.txt (or the older 8-column alternateNames.txt).
void import_alternate_names(ImportContext& ctx, const std::string& path);
/// GeoNames admin1CodesASCII.txt (level 1) or admin2Codes.txt (level 2).
void import_admin_codes(ImportContext& ctx, const std::string& path, int level);
/// GeoNames countryInfo.txt.
void import_country_info(ImportContext& ctx, const std::string& path);
/// A TSV of first-level divisions with coordinates: country_code, name, latitude, longitude.
/// Each row is matched to a GeoNames admin1 code by name, else by the nearest populated places.
void import_admin1_points(ImportContext& ctx, const std::string& path);
/// Adds a place for every country and admin1 code that no dump row provided.
void synthesize_divisions(ImportContext& ctx);
/// The project's tables: regions.tsv (continents, regions), demonyms.tsv, short_forms.tsv.
void import_regions(ImportContext& ctx, const std::string& path);
void import_demonyms(ImportContext& ctx, const std::string& path);
void import_short_forms(ImportContext& ctx, const std::string& path);
/// Any vector layer GDAL opens.
void import_vector_layer(ImportContext& ctx, const VectorSource& source);

}  // namespace gazetteer
