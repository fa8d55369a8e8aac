#pragma once
// A small events layer and two (three) square regions, written by the report tests themselves.
//
// Regions (REGIONS_GEOJSON, fields NAME and PCODE): North XN (lon 36-37, lat 35-36), South XS
// (lon 36-37, lat 34-35), Empty XE (lon 38-39, lat 34-35, no events).
// Events (EVENTS_GEOJSON, as `map` writes them, with region/region_code fields):
//   e1 2016-11-01 Battles/Armed clash            North  (36.5, 35.5) Alpha   3 dead  a1
//   e2 2016-11-02 Battles/Armed clash            North  (36.2, 35.2) Beta    2 dead  a1;a2
//   e3 2016-11-03 Explosions/Air/drone strike    North  (36.5, 35.5) Alpha   null    a2
//   e4 2016-11-05 Explosions/Shelling            South  (36.5, 34.5) Gamma <b>&  10  a3
//   e5 2016-12-10 Protests/Peaceful protest      South  (36.6, 34.6) Delta   0       a4
//   e6 2016-11-04 Riots/Mob violence             outside (40, 30)    Faraway 1       a5
//   e7 undated    Battles/Armed clash            North  (36.5, 35.5) Alpha   null    a6
//   e8 2016-10-28..2016-11-02 Battles/Armed clash South (36.4, 34.4) Epsilon 4       a1
// region/region_code: e1-e3, e7 "Northern Gov"/"NG"; e4, e5, e8 null with admin1 "Southland";
// e6 neither.
namespace testing {

extern const char* const kReportRegionsGeojson;
extern const char* const kReportEventsGeojson;

}  // namespace testing
