#include "core/card/secure_pin.hpp"

#include "core/common/errors.hpp"

#include <algorithm>
#include <openssl/crypto.h>

namespace madoguchi::card {

SecurePin::SecurePin(std::string_view typed)
{
    if (typed.size() > kMaxLength)
        throw ValidationError("暗証番号が長すぎます (the PIN is too long)");
    std::copy(typed.begin(), typed.end(), buffer_.begin());
    length_ = typed.size();
}

SecurePin::SecurePin(SecurePin&& other) noexcept : buffer_(other.buffer_), length_(other.length_)
{
    other.clear();
}

SecurePin& SecurePin::operator=(SecurePin&& other) noexcept
{
    if (this != &other) {
        clear();
        buffer_ = other.buffer_;
        length_ = other.length_;
        other.clear();
    }
    return *this;
}

SecurePin::~SecurePin()
{
    clear();
}

void SecurePin::clear()
{
    OPENSSL_cleanse(buffer_.data(), buffer_.size());
    length_ = 0;
}

bool SecurePin::isFourDigits() const
{
    return length_ == 4 &&
           std::all_of(buffer_.begin(), buffer_.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace madoguchi::card
