// Placeholder until the geoparser lands (issue 3).
