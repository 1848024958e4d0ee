package org.wushe.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.wushe.notify.MessageSender;
import org.wushe.notify.Notifications;

/**
 * The "phones" of {@link IntakeCrashTests}: in the application it starts (and only there, by its property), every text
 * message is appended to a file, one {@code phone<TAB>text} line each (the text rendered from the message's kind and
 * variables, as the provider's template would), where the test reads its verification codes as a resident reads an SMS.
 */
@Component
@ConditionalOnProperty("wushe.crash-test.sms-file")
class CrashTestSms implements MessageSender {

    private final Path file;
    private final Notifications notifications;

    CrashTestSms(@Value("${wushe.crash-test.sms-file}") Path file, Notifications notifications) {
        this.file = file;
        this.notifications = notifications;
    }

    @Override
    public synchronized Accepted send(OutgoingMessage message) {
        try {
            Files.writeString(
                    file,
                    message.recipient().value() + "\t"
                            + notifications
                                    .text(message.kind(), message.variables())
                                    .replace('\n', ' ') + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Accepted("crash-test", null);
    }
}
