#pragma once
// The kinds of failure the domain reports. The console tool maps them to exit codes (contract:
// 2 for bad input), the window to plain-language dialogs; neither needs to parse messages.
#include <stdexcept>
#include <string>

namespace madoguchi {

// Input that can never be right (a date that does not exist, an unknown procedure id...).
class ValidationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A request the rules refuse in the current state (an illegal status change...).
class RuleViolation : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class NotFound : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Someone else saved the same case first (optimistic locking).
class ConflictError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The environment failed: database locked, disk full, file unreadable, database server out of
// reach. Nothing was written.
class StorageError : public std::runtime_error {
public:
    // Unreachable: the connection to the database server is down; the next call reconnects.
    enum class Kind { Busy, Full, Corrupt, Io, Unreachable, Other };
    StorageError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

} // namespace madoguchi
