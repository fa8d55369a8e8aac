#include "gazetteer/line_reader.hpp"

#include <cerrno>
#include <cstring>

#include <simdjson.h>

#include "gazetteer/error.hpp"

namespace gazetteer {
namespace {
constexpr std::size_t kChunk = 1 << 20;
}

LineReader::LineReader(std::string path) : path_(std::move(path)) {
    file_ = std::fopen(path_.c_str(), "rb");
    if (!file_) throw InputError(path_, 0, std::string("cannot open: ") + std::strerror(errno));
    buffer_.resize(kChunk);
}

LineReader::~LineReader() {
    if (file_) std::fclose(file_);
}

bool LineReader::fill() {
    if (eof_) return false;
    // Move the unconsumed tail to the front; grow when one line fills the whole buffer.
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
    const std::size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
    if (n == 0) {
        if (std::ferror(file_)) throw InputError(path_, line_number_ + 1, "read error");
        eof_ = true;
        return false;
    }
    end_ += n;
    bytes_read_ += n;
    return true;
}

bool LineReader::next(std::string_view& line) {
    std::size_t scanned = begin_;
    for (;;) {
        const void* nl = std::memchr(buffer_.data() + scanned, '\n', end_ - scanned);
        std::size_t stop;
        std::size_t consumed;
        if (nl) {
            stop = static_cast<const char*>(nl) - buffer_.data();
            consumed = stop + 1;
        } else {
            const std::size_t offset = scanned - begin_;
            if (fill()) {
                scanned = begin_ + offset;
                continue;
            }
            if (begin_ == end_) return false;  // clean end of file
            stop = end_;                       // last line without a newline
            consumed = end_;
        }
        ++line_number_;
        std::size_t length = stop - begin_;
        const char* start = buffer_.data() + begin_;
        if (length > 0 && start[length - 1] == '\r') --length;
        begin_ = consumed;
        problem_ = {};
        if (std::memchr(start, '\0', length)) {
            problem_ = "NUL byte (binary data, not a text file?)";
        } else if (!simdjson::validate_utf8(start, length)) {
            problem_ = "invalid UTF-8 (the file must be UTF-8 encoded)";
        }
        line = std::string_view(start, length);
        return true;
    }
}

}  // namespace gazetteer
