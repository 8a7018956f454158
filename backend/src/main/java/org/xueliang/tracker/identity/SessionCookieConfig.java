package org.xueliang.tracker.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The browser session's cookie, as application.yml describes it under {@code server.servlet.session.cookie}
 * (XL_SESSION, HttpOnly, SameSite=Lax; Secure whenever the request came over HTTPS). Spring Boot applies those
 * settings to Spring Session's cookie only with an embedded server; this bean makes every deployment and the
 * MockMvc tests use the same cookie.
 */
@Configuration
class SessionCookieConfig {

    @Bean
    CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name}") String name,
                                   @Value("${server.servlet.session.cookie.http-only:true}") boolean httpOnly,
                                   @Value("${server.servlet.session.cookie.same-site:lax}") String sameSite) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(name);
        cookie.setUseHttpOnlyCookie(httpOnly);
        cookie.setSameSite(sameSite.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + sameSite.substring(1));
        cookie.setCookiePath("/");
        return cookie;
    }
}
