#include "gazetteer/index_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <utility>

#include <fmt/format.h>

#include "gazetteer/error.hpp"

namespace gazetteer {
namespace {

constexpr std::size_t kHeaderBytes = 64;
constexpr char kMagic[8] = {'G', 'E', 'O', 'E', 'V', 'I', 'D', 'X'};
constexpr std::uint64_t kFormatVersion = 1;
constexpr std::size_t kIdBytes = 16;

// magic, version, id (16 bytes, not terminated), words, zeros to 64 bytes
struct Header {
    char magic[8];
    std::uint64_t version;
    char id[kIdBytes];
    std::uint64_t words;
    char padding[kHeaderBytes - 8 - 8 - kIdBytes - 8];
};
static_assert(sizeof(Header) == kHeaderBytes);

}  // namespace

std::filesystem::path index_file_path(const std::filesystem::path& gazetteer) {
    auto p = gazetteer;
    p += ".index";
    return p;
}

std::string new_index_id() {
    std::random_device device;
    const auto now = static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    std::uint64_t x = (static_cast<std::uint64_t>(device()) << 32 ^ device()) ^ now;
    // splitmix64 finaliser: spreads the clock's low entropy
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return fmt::format("{:016x}", x ^ (x >> 31));
}

void write_index_file(const std::filesystem::path& path, std::string_view index_id, std::span<const std::uint64_t> blob) {
    if (index_id.size() != kIdBytes) throw GazetteerError(fmt::format("index id '{}' is not 16 characters", index_id));
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kFormatVersion;
    std::memcpy(h.id, index_id.data(), kIdBytes);
    h.words = blob.size();
    auto temp = path;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(&h), sizeof h);
        out.write(reinterpret_cast<const char*>(blob.data()), static_cast<std::streamsize>(blob.size_bytes()));
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temp, ignored);
            throw GazetteerError(fmt::format("cannot write '{}'", temp.string()));
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        throw GazetteerError(fmt::format("cannot write '{}': {}", path.string(), ec.message()));
    }
}

MappedIndex MappedIndex::open(const std::filesystem::path& path, std::string_view index_id, std::size_t words) {
    MappedIndex m;
    if (index_id.size() != kIdBytes) return m;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return m;
    struct stat st {};
    const std::size_t bytes = kHeaderBytes + words * sizeof(std::uint64_t);
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) != bytes) {
        ::close(fd);
        return m;
    }
    void* map = ::mmap(nullptr, bytes, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return m;
    Header h{};
    std::memcpy(&h, map, sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kFormatVersion ||
        std::string_view(h.id, kIdBytes) != index_id || h.words != words) {
        ::munmap(map, bytes);
        return m;
    }
    // lookups probe a hash table: read ahead nothing, so only the pages touched become resident
    ::madvise(map, bytes, MADV_RANDOM);
    m.map_ = map;
    m.bytes_ = bytes;
    return m;
}

MappedIndex::~MappedIndex() {
    if (map_) ::munmap(map_, bytes_);
}

MappedIndex::MappedIndex(MappedIndex&& other) noexcept
    : map_(std::exchange(other.map_, nullptr)), bytes_(std::exchange(other.bytes_, 0)) {}

MappedIndex& MappedIndex::operator=(MappedIndex&& other) noexcept {
    if (this != &other) {
        if (map_) ::munmap(map_, bytes_);
        map_ = std::exchange(other.map_, nullptr);
        bytes_ = std::exchange(other.bytes_, 0);
    }
    return *this;
}

std::span<const std::uint64_t> MappedIndex::words() const noexcept {
    if (!map_) return {};
    return {static_cast<const std::uint64_t*>(map_) + kHeaderBytes / sizeof(std::uint64_t),
            (bytes_ - kHeaderBytes) / sizeof(std::uint64_t)};
}

}  // namespace gazetteer
