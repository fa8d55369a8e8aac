#pragma once
// An output file written under a temporary name beside its target and renamed into place by
// commit(): readers never see a half-written file, and a failed run leaves the old one alone.
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string_view>

namespace output {

class AtomicFile {
public:
    /// Creates the temporary file. `path` "-" writes to stdout instead (commit() flushes).
    /// Throws std::runtime_error naming the path when it cannot be created.
    explicit AtomicFile(std::filesystem::path path);
    ~AtomicFile();  ///< removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Appends `data`. Every kWritebackBytes the kernel is asked to start writing what it holds
    /// of the file to disk (sync_file_range), so that commit()'s sync has little left to wait
    /// for: a run that writes gigabytes does not end with seconds of waiting on the disk.
    void write(std::string_view data);
    /// Flushes, syncs and renames the file into place. Throws on failure.
    void commit();

    static constexpr std::size_t kWritebackBytes = std::size_t{16} << 20;

private:
    void start_writeback();

    std::filesystem::path path_;
    std::filesystem::path temp_;
    std::FILE* file_ = nullptr;
    bool stdout_ = false;
    bool committed_ = false;
    std::size_t written_ = 0;      // bytes handed to write()
    std::size_t written_back_ = 0;  // bytes whose write-back has been started
};

/// Writes the whole content of the file at `source` into `out` (for appending to a file in place
/// atomically: copy the old content, then write the new). Throws std::runtime_error naming
/// `source` when it cannot be read.
void copy_file_into(const std::filesystem::path& source, AtomicFile& out);

}  // namespace output
