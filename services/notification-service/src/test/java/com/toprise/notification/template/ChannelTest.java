package com.toprise.notification.template;

import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The subject rule each channel owns, without a database or a request. */
class ChannelTest {

    @Test
    void anEmailTemplateNeedsASubjectThatIsNotBlank() {
        for (String missing : new String[] {null, "", "   "}) {
            InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                    () -> Channel.EMAIL.checkSubject(missing));
            assertThat(refused).as("subject <%s>", missing).isNotNull();
            assertThat(refused.errors()).containsExactly(new FieldError("subject", "is required for EMAIL templates"));
        }
    }

    @Test
    void anEmailTemplateWithASubjectPasses() {
        assertThatCode(() -> Channel.EMAIL.checkSubject("Your order is confirmed")).doesNotThrowAnyException();
    }

    @Test
    void smsAndPushNeedNoSubject() {
        for (Channel channel : new Channel[] {Channel.SMS, Channel.PUSH}) {
            assertThatCode(() -> channel.checkSubject(null)).as(channel.name()).doesNotThrowAnyException();
            assertThatCode(() -> channel.checkSubject(" ")).as(channel.name()).doesNotThrowAnyException();
        }
    }
}
