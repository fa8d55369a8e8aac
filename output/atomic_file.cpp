#include "output/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace output {

AtomicFile::AtomicFile(std::filesystem::path path) : path_(std::move(path)) {
    if (path_ == "-") {
        stdout_ = true;
        file_ = stdout;
        return;
    }
    auto dir = path_.parent_path();
    if (dir.empty()) dir = ".";
    temp_ = dir / fmt::format(".{}.tmp-{}", path_.filename().string(), ::getpid());
    file_ = std::fopen(temp_.c_str(), "wb");
    if (!file_) {
        throw std::runtime_error(fmt::format("cannot write '{}': {}", path_.string(), std::strerror(errno)));
    }
}

AtomicFile::~AtomicFile() {
    if (stdout_ || committed_) return;
    if (file_) std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
}

void AtomicFile::write(std::string_view data) {
    if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
        throw std::runtime_error(fmt::format("cannot write '{}': {}", path_.string(), std::strerror(errno)));
    }
    written_ += data.size();
    if (!stdout_ && written_ - written_back_ >= kWritebackBytes) start_writeback();
}

void AtomicFile::start_writeback() {
    if (std::fflush(file_) != 0) {
        throw std::runtime_error(fmt::format("cannot write '{}': {}", path_.string(), std::strerror(errno)));
    }
#ifdef __linux__
    // Only a request: where the file system cannot take it, commit()'s fsync does all the work,
    // and reports any error.
    ::sync_file_range(::fileno(file_), static_cast<off_t>(written_back_), static_cast<off_t>(written_ - written_back_),
                      SYNC_FILE_RANGE_WRITE);
#endif
    written_back_ = written_;
}

void AtomicFile::commit() {
    if (stdout_) {
        std::fflush(file_);
        committed_ = true;
        return;
    }
    const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
    const int closed = std::fclose(file_);
    file_ = nullptr;
    if (!ok || closed != 0) throw std::runtime_error(fmt::format("cannot write '{}': {}", path_.string(), std::strerror(errno)));
    std::filesystem::rename(temp_, path_);
    committed_ = true;
}

void copy_file_into(const std::filesystem::path& source, AtomicFile& out) {
    std::FILE* in = std::fopen(source.c_str(), "rb");
    if (!in) throw std::runtime_error(fmt::format("cannot read '{}': {}", source.string(), std::strerror(errno)));
    std::string buffer(1 << 20, '\0');
    for (;;) {
        const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in);
        if (n > 0) out.write(std::string_view(buffer.data(), n));
        if (n < buffer.size()) break;
    }
    const bool failed = std::ferror(in) != 0;
    std::fclose(in);
    if (failed) throw std::runtime_error(fmt::format("cannot read '{}'", source.string()));
}

}  // namespace output
