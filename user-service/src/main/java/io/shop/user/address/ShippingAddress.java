package io.shop.user.address;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where and to whom to ship: what a user enters and may change of an address. */
record ShippingAddress(
        @NotBlank @Size(max = 64) String recipient,
        @NotBlank
                @Pattern(
                        regexp = "^\\+?[0-9]{6,15}$",
                        message = "must be a phone number: an optional + and 6 to 15 digits")
                String phone,
        @NotBlank @Size(max = 64) String province,
        @NotBlank @Size(max = 64) String city,
        @Size(max = 64) String district,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 16) String postcode) {

    ShippingAddress {
        recipient = strip(recipient);
        phone = strip(phone);
        province = strip(province);
        city = strip(city);
        district = blankToNull(district);
        line1 = strip(line1);
        postcode = blankToNull(postcode);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
