package org.compromiso.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an in-process SMTP server for the embedded default; it accepts every mail and keeps it in memory
 * for the mail page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "compromiso.embedded.mail.enabled", havingValue = "true")
class MailCatcherConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail mailCatcher(EmbeddedProperties properties) {
        var smtp = new ServerSetup(properties.mail().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        return new GreenMail(smtp);
    }
}
