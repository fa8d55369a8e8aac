#pragma once
// The lookup index (name_index.hpp) beside its gazetteer, as `<gazetteer>.index`, so that opening
// a gazetteer memory-maps the index instead of copying it out of the database: processes on one
// machine share one copy in the page cache, and a process's resident memory holds only the pages
// its lookups touch (a world gazetteer's index is hundreds of MB).
//
// The file is a copy of the database's lookup_index BLOB after a 64-byte header: "GEOEVIDX", a
// format version, the build's index id (also in the database's meta table), the BLOB's length in
// 8-byte words. `gazetteer build` writes it; a gazetteer without it (copied alone, or built by an
// older version) is read into memory as before. A file whose header does not match its database
// is ignored, never trusted.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace gazetteer {

/// `<gazetteer>.index`
std::filesystem::path index_file_path(const std::filesystem::path& gazetteer);

/// A new index id: 16 hex digits, different for every build.
std::string new_index_id();

/// Writes the index file (a temporary file renamed into place). Throws GazetteerError.
void write_index_file(const std::filesystem::path& path, std::string_view index_id, std::span<const std::uint64_t> blob);

/// A read-only memory map of an index file.
class MappedIndex {
public:
    MappedIndex() = default;
    /// Maps `path` when it is an index file of `index_id` with `words` words; an empty
    /// MappedIndex (false) when it is missing, of another build or damaged.
    static MappedIndex open(const std::filesystem::path& path, std::string_view index_id, std::size_t words);

    ~MappedIndex();
    MappedIndex(MappedIndex&& other) noexcept;
    MappedIndex& operator=(MappedIndex&& other) noexcept;
    MappedIndex(const MappedIndex&) = delete;
    MappedIndex& operator=(const MappedIndex&) = delete;

    explicit operator bool() const noexcept { return map_ != nullptr; }
    std::span<const std::uint64_t> words() const noexcept;

private:
    void* map_ = nullptr;
    std::size_t bytes_ = 0;
};

}  // namespace gazetteer
