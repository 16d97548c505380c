package com.toprise.user.auth;

import com.toprise.user.account.NewDealer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What a new account must bring (sign-up and dealer onboarding alike): the declared rules, without a request. */
class AccountInputRulesTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aPasswordHasTenTo128Characters() {
        assertThat(errors(registration("123456789"))).containsEntry("password", "must be 10 to 128 characters");
        assertThat(errors(registration("x".repeat(129)))).containsEntry("password", "must be 10 to 128 characters");
        assertThat(errors(registration("1234567890"))).isEmpty();
        assertThat(errors(registration("x".repeat(128)))).isEmpty();
    }

    @Test
    void anEmailMustBeOneAndAPhoneTenTo15Digits() {
        assertThat(errors(new Registration("not-an-email", "long-enough-1", "Asha", null))).containsKey("email");
        assertThat(errors(new Registration("a@example.com", "long-enough-1", "Asha", "12345"))).containsKey("phone");
        assertThat(errors(new Registration("a@example.com", "long-enough-1", "Asha", "+919876543210"))).isEmpty();
    }

    @Test
    void aDealerBringsAValidGstinAndASixDigitPincode() {
        assertThat(errors(dealer("27AAPFU0939F1ZV", "110001"))).isEmpty();
        assertThat(errors(dealer("27AAPFU0939F1Z", "110001"))).containsEntry("gstin", "is not a valid GSTIN");
        assertThat(errors(dealer("27AAPFU0939F1ZV", "011001"))).containsEntry("pincode", "must be a six-digit pincode");
        assertThat(errors(dealer("27AAPFU0939F1ZV", "11001"))).containsKey("pincode");
    }

    private static Registration registration(String password) {
        return new Registration("a@example.com", password, "Asha", null);
    }

    private static NewDealer dealer(String gstin, String pincode) {
        return new NewDealer("d@example.com", "long-enough-1", "Dev", null, "Dev Auto Parts", gstin, pincode,
                List.of("brakes"));
    }

    private static <T> Map<String, String> errors(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        return violations.stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
                ConstraintViolation::getMessage, (a, b) -> a));
    }
}
