#pragma once
// A region report as Markdown (GitHub-flavoured tables): the same sections and tables as the
// HTML page (output/report_html.hpp); the maps and charts are SVG files in a folder beside it,
// linked as images.
#include <string>
#include <utility>
#include <vector>

#include "output/report_data.hpp"

namespace output {

struct MarkdownReport {
    std::string text;
    /// The drawings the text links to: file name within `figures_dir`, SVG text.
    std::vector<std::pair<std::string, std::string>> figures;
};

/// The report; images are linked as `figures_dir/<name>.svg` (a relative folder name, e.g.
/// "report_files"). Table cells escape Markdown's and HTML's special characters (|, \, *, _, `,
/// [, ], <, >, &, #) and fold line breaks to spaces.
MarkdownReport report_markdown(const ReportData& data, const std::string& figures_dir);

/// `text` safe in a Markdown table cell or paragraph (see above).
std::string markdown_escape(std::string_view text);

}  // namespace output
