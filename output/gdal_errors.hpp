#pragma once
// GDAL's error messages, kept off stderr: while a QuietGdalErrors lives, GDAL reports into its
// last-error slot, and callers turn failures into exceptions carrying gdal_message().
#include <string>

#include <cpl_error.h>

namespace output {

/// Pushes GDAL's quiet error handler (and clears the last error) for its lifetime.
class QuietGdalErrors {
public:
    QuietGdalErrors() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdalErrors() { CPLPopErrorHandler(); }
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

/// GDAL's last error message, or "no message from GDAL".
inline std::string gdal_message() {
    const char* msg = CPLGetLastErrorMsg();
    return msg && *msg ? msg : "no message from GDAL";
}

}  // namespace output
