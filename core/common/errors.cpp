#include "core/common/errors.hpp"
// Header-only types; this unit keeps the vtables in one place.
