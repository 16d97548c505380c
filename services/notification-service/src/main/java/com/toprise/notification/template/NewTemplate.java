package com.toprise.notification.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record NewTemplate(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{2,59}", message = "must be 3-60 upper-case letters, digits or underscores")
        String code,
        @NotNull Channel channel,
        @Size(max = 200) String subject,
        @NotBlank @Size(max = 4000) String body) {
}
