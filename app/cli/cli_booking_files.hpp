#pragma once
// The booking actions that read and write files (cli_booking_files.cpp): registered in the
// booking command's table with the others (cli_booking.cpp).
#include "app/cli/cli_context.hpp"

#include <string>
#include <vector>

namespace madoguchi::cli {

int bookingSlip(CliContext& ctx, const std::vector<std::string>& args);
int bookingImport(CliContext& ctx, const std::vector<std::string>& args);
int bookingExport(CliContext& ctx, const std::vector<std::string>& args);

} // namespace madoguchi::cli
