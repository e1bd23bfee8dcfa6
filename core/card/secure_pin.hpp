#pragma once
// A PIN on its way to the card: kept in one fixed buffer (no reallocation leaves copies behind),
// wiped when the object goes, movable but not copyable, never printable.
#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace madoguchi::card {

class SecurePin {
public:
    static constexpr std::size_t kMaxLength = 16; // the signature PIN's maximum; the others are 4

    SecurePin() = default;
    // Copies `typed` (the caller wipes its own buffer). Throws ValidationError when longer than
    // kMaxLength.
    explicit SecurePin(std::string_view typed);
    SecurePin(SecurePin&& other) noexcept;
    SecurePin& operator=(SecurePin&& other) noexcept;
    SecurePin(const SecurePin&) = delete;
    SecurePin& operator=(const SecurePin&) = delete;
    ~SecurePin();

    std::span<const char> chars() const { return {buffer_.data(), length_}; }
    std::size_t size() const { return length_; }
    bool isFourDigits() const;
    void clear();

private:
    std::array<char, kMaxLength> buffer_{};
    std::size_t length_ = 0;
};

} // namespace madoguchi::card
