#include "reports/output_file.hpp"

#include "reports/atomic_file.hpp"

namespace madoguchi::reports {

void writeOutputFile(const std::filesystem::path& target, std::string_view bytes)
{
    writeFileAtomically(target, bytes);
}

} // namespace madoguchi::reports
