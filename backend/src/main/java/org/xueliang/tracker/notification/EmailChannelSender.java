package org.xueliang.tracker.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends notices by e-mail through the SMTP server configured with XL_SMTP_* (spring.mail.*). */
@Component
class EmailChannelSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String host;

    EmailChannelSender(ObjectProvider<JavaMailSender> mail, @Value("${xl.notify.mail-from:xueliang-tracker@localhost}") String from,
                       @Value("${spring.mail.host:}") String host) {
        this.mail = mail;
        this.from = from;
        this.host = host;
    }

    @Override
    public boolean handles(ChannelKind kind) {
        return kind == ChannelKind.EMAIL;
    }

    @Override
    public void send(Channel channel, String secret, Notice notice) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || host == null || host.isBlank()) {
            throw new IllegalStateException("No SMTP server configured: set XL_SMTP_HOST (and XL_SMTP_PORT, XL_SMTP_USER, XL_SMTP_PASSWORD)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(channel.target().split("\\s*[,;]\\s*"));
        message.setSubject(notice.title());
        message.setText(notice.text());
        sender.send(message);
    }
}
