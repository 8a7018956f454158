package org.xueliang.tracker.identity;

import static org.xueliang.tracker.identity.Permission.AGENT_ADMIN;
import static org.xueliang.tracker.identity.Permission.AUDIT_READ;
import static org.xueliang.tracker.identity.Permission.DEVICE_CREATE_DELETE_IMPORT;
import static org.xueliang.tracker.identity.Permission.DEVICE_LIFECYCLE;
import static org.xueliang.tracker.identity.Permission.DEVICE_UPDATE;
import static org.xueliang.tracker.identity.Permission.EVALUATION_READ;
import static org.xueliang.tracker.identity.Permission.EVALUATION_SIGN;
import static org.xueliang.tracker.identity.Permission.EVALUATION_WRITE;
import static org.xueliang.tracker.identity.Permission.LEDGER_READ;
import static org.xueliang.tracker.identity.Permission.MAINTENANCE_WRITE;
import static org.xueliang.tracker.identity.Permission.PROGRESS_READ;
import static org.xueliang.tracker.identity.Permission.SITE_ADMIN;
import static org.xueliang.tracker.identity.Permission.STATUS_READ;
import static org.xueliang.tracker.identity.Permission.USER_ADMIN;
import static org.xueliang.tracker.identity.Permission.STOCKTAKE_MANAGE;
import static org.xueliang.tracker.identity.Permission.STOCKTAKE_SCAN;
import static org.xueliang.tracker.identity.Permission.WORK_ORDER_MANAGE;
import static org.xueliang.tracker.identity.Permission.WORK_ORDER_WORK;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.xueliang.tracker.shared.Problems;

/**
 * Who may call what. The browser logs in with a session cookie (XL_SESSION; the session lives in the database,
 * Spring Session JDBC) and must echo the session's CSRF token, offered in the XSRF-TOKEN cookie, in X-XSRF-TOKEN.
 * Scripts send HTTP Basic on every call: such a request is authenticated by its credentials alone, never by a
 * session next to them, and needs no CSRF token (a browser never sends Basic credentials on its own here, because
 * we never make it show its Basic dialog).
 * The table in {@link #authorize} is the permission matrix of docs/SECURITY.md.
 */
@Configuration
class SecurityConfig {

    /** bcrypt with cost {@code xl.security.bcrypt-strength} (default 10); existing hashes keep the cost they were made with. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${xl.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthController auth, SessionLimit sessionLimit, AppUserRepository users,
                            PasswordPolicy policy, Clock clock) throws Exception {
        AuthenticationEntryPoint unauthenticated = SecurityConfig::unauthenticated;
        SessionCsrfTokens csrfTokens = new SessionCsrfTokens();
        http
            .authorizeHttpRequests(SecurityConfig::authorize)
            // An API answers 401; it does not remember the request to replay after a login page.
            .requestCache(cache -> cache.disable())
            .securityContext(context -> context.securityContextRepository(new BasicRequestsStandAlone()))
            .csrf(csrf -> csrf
                .csrfTokenRepository(csrfTokens.repository())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                // Basic requests authenticate on their own credentials and never use the session (BasicRequestsStandAlone).
                .ignoringRequestMatchers(SecurityConfig::carriesBasicCredentials))
            .addFilterAfter(csrfTokens.filter(), BasicAuthenticationFilter.class)
            .addFilterBefore(new PasswordExpiryFilter(users, policy, clock), AuthorizationFilter.class)
            .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
            .formLogin(form -> form
                .loginProcessingUrl("/api/v1/auth/login")
                .successHandler((req, res, a) -> {
                    sessionLimit.makeRoomFor(a.getName(), req);
                    // The token was replaced at login (session fixation): hand out the new one with the answer.
                    csrfTokens.offer(req, res);
                    auth.writeMe(res, a);
                })
                .failureHandler((req, res, e) -> Problems.write(res,
                        e instanceof LockedException ? HttpStatus.LOCKED : HttpStatus.UNAUTHORIZED,
                        e instanceof LockedException ? "Account locked" : "Login failed",
                        e instanceof LockedException
                                ? "Too many failed logins: this account is locked for a while; an admin can unlock it"
                                : "Wrong user name or password"))
                .permitAll())
            .logout(logout -> logout
                .logoutUrl("/api/v1/auth/logout")
                .deleteCookies("XL_SESSION")
                .logoutSuccessHandler((req, res, a) -> res.setStatus(HttpStatus.NO_CONTENT.value())))
            .exceptionHandling(ex -> ex
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(SecurityConfig::denied));
        return http.build();
    }

    static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers("/api/v1/auth/login").permitAll()
         // The demo flag and version: the login page shows the demo banner before anyone signs in.
         .requestMatchers(HttpMethod.GET, "/api/v1/system/info").permitAll()
         .requestMatchers("/api/v1/auth/**").authenticated()
         .requestMatchers("/api/v1/users/**").hasAuthority(USER_ADMIN.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasAuthority(AUDIT_READ.name())
         .requestMatchers("/api/v1/agents/**", "/api/v1/notification-channels/**").hasAuthority(AGENT_ADMIN.name())
         .requestMatchers(HttpMethod.POST, "/api/v1/discovery").hasAuthority(AGENT_ADMIN.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/status/**", "/api/v1/devices/*/status", "/api/v1/devices/*/outages",
                 "/api/v1/devices/*/states", "/api/v1/devices/*/probes", "/api/v1/maintenance-windows/**",
                 "/api/v1/gb28181/registrations")
             .hasAuthority(STATUS_READ.name())
         // What the GB/T 28181 server knows of a device (registration, channels' states, recordings) is live status.
         .requestMatchers(HttpMethod.GET, "/api/v1/gb28181/devices/*", "/api/v1/devices/*/gb").hasAuthority(STATUS_READ.name())
         // 录像完整率: a camera's recordings are live status; a project's figures are period material, like /metrics.
         .requestMatchers(HttpMethod.GET, "/api/v1/devices/*/recordings").hasAuthority(STATUS_READ.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/projects/*/recording-completeness").hasAuthority(PROGRESS_READ.name())
         // A technician checks a picture's quality (VQD); nothing is stored, so the live-status right is enough.
         .requestMatchers(HttpMethod.POST, "/api/v1/vqd/analyze").hasAuthority(STATUS_READ.name())
         // 图像完好率 over a period is evaluation material (as 时钟准确率); a device's checks are live status.
         .requestMatchers(HttpMethod.GET, "/api/v1/projects/*/image-intactness").hasAuthority(PROGRESS_READ.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/devices/*/vqd").hasAuthority(STATUS_READ.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/devices/*/vqd-snapshot").hasAuthority(STATUS_READ.name())
         // What the checks judge by: anyone following live status reads it; the thresholds per category are the
         // installation's probing configuration (the administrator's, like agents); a camera's reference picture
         // is kept by whoever keeps the device (technicians, managers).
         .requestMatchers(HttpMethod.GET, "/api/v1/vqd/thresholds", "/api/v1/devices/*/vqd-reference").hasAuthority(STATUS_READ.name())
         .requestMatchers(HttpMethod.PUT, "/api/v1/vqd/thresholds/*").hasAuthority(AGENT_ADMIN.name())
         .requestMatchers(HttpMethod.PUT, "/api/v1/devices/*/vqd-reference").hasAuthority(DEVICE_UPDATE.name())
         .requestMatchers(HttpMethod.DELETE, "/api/v1/devices/*/vqd-reference").hasAuthority(DEVICE_UPDATE.name())
         .requestMatchers("/api/v1/maintenance-windows/**").hasAuthority(MAINTENANCE_WRITE.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/work-orders/figures").hasAnyAuthority(WORK_ORDER_MANAGE.name(), EVALUATION_READ.name())
         .requestMatchers(HttpMethod.PUT, "/api/v1/projects/*/work-order-sla-rules").hasAuthority(WORK_ORDER_MANAGE.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/projects/*/work-order-sla-rules").hasAuthority(WORK_ORDER_WORK.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/projects/*/work-order-assignees").hasAuthority(WORK_ORDER_MANAGE.name())
         .requestMatchers("/api/v1/work-orders", "/api/v1/work-orders/**").hasAuthority(WORK_ORDER_WORK.name())
         // Stocktake (盘点): managers open and close sessions and set the audit intervals; technicians scan and read.
         .requestMatchers(HttpMethod.POST, "/api/v1/stocktakes", "/api/v1/stocktakes/*/close").hasAuthority(STOCKTAKE_MANAGE.name())
         .requestMatchers(HttpMethod.PUT, "/api/v1/projects/*/stocktake-intervals").hasAuthority(STOCKTAKE_MANAGE.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/projects/*/stocktake-intervals", "/api/v1/projects/*/stocktake-due")
             .hasAuthority(STOCKTAKE_SCAN.name())
         .requestMatchers("/api/v1/stocktakes", "/api/v1/stocktakes/**").hasAuthority(STOCKTAKE_SCAN.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/evaluations", "/api/v1/evaluations/**").hasAuthority(EVALUATION_READ.name())
         .requestMatchers(HttpMethod.POST, "/api/v1/evaluations/*/sign").hasAuthority(EVALUATION_SIGN.name())
         .requestMatchers("/api/v1/evaluations", "/api/v1/evaluations/**").hasAuthority(EVALUATION_WRITE.name())
         // The monthly 运维考核 is evaluation work: the same permissions as the 自评表 (docs/SECURITY.md).
         .requestMatchers(HttpMethod.GET, "/api/v1/assessments", "/api/v1/assessments/**", "/api/v1/projects/*/assessment-rules",
                 "/api/v1/projects/*/assessment-trend").hasAuthority(EVALUATION_READ.name())
         .requestMatchers(HttpMethod.POST, "/api/v1/assessments/*/sign").hasAuthority(EVALUATION_SIGN.name())
         .requestMatchers("/api/v1/assessments", "/api/v1/assessments/**", "/api/v1/projects/*/assessment-rules")
             .hasAuthority(EVALUATION_WRITE.name())
         .requestMatchers(HttpMethod.PUT, "/api/v1/sites/boundary").hasAuthority(SITE_ADMIN.name())
         .requestMatchers(HttpMethod.DELETE, "/api/v1/sites/boundary").hasAuthority(SITE_ADMIN.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/projects/*/progress").hasAuthority(PROGRESS_READ.name())
         // 时钟准确率 over a period is evaluation material; the cameras whose clocks are off, and a device's samples, are live status.
         .requestMatchers(HttpMethod.GET, "/api/v1/projects/*/clock-accuracy").hasAuthority(PROGRESS_READ.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/projects/*/clock-offenders", "/api/v1/devices/*/clock").hasAuthority(STATUS_READ.name())
         // Period figures (availability, 在线率, 完好率 …) are evaluation material: managers and evaluators,
         // not technicians, who follow live states through STATUS_READ (docs/SECURITY.md).
         .requestMatchers(HttpMethod.GET, "/api/v1/metrics/**").hasAuthority(PROGRESS_READ.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/gb28181/discovered").hasAuthority(STATUS_READ.name())
         .requestMatchers(HttpMethod.POST, "/api/v1/gb28181/registrations/*/adopt").hasAuthority(DEVICE_CREATE_DELETE_IMPORT.name())
         .requestMatchers(HttpMethod.POST, "/api/v1/devices/import").hasAuthority(DEVICE_CREATE_DELETE_IMPORT.name())
         .requestMatchers(HttpMethod.POST, "/api/v1/projects/*/archives/import").hasAuthority(DEVICE_CREATE_DELETE_IMPORT.name())
         .requestMatchers(HttpMethod.PUT, "/api/v1/devices/*/archive").hasAuthority(DEVICE_UPDATE.name())
         .requestMatchers(HttpMethod.POST, "/api/v1/devices/*/lifecycle").hasAuthority(DEVICE_LIFECYCLE.name())
         .requestMatchers(HttpMethod.POST, "/api/v1/devices").hasAuthority(DEVICE_CREATE_DELETE_IMPORT.name())
         .requestMatchers(HttpMethod.DELETE, "/api/v1/devices/*").hasAuthority(DEVICE_CREATE_DELETE_IMPORT.name())
         .requestMatchers(HttpMethod.PUT, "/api/v1/devices/*").hasAuthority(DEVICE_UPDATE.name())
         .requestMatchers(HttpMethod.PATCH, "/api/v1/devices/*").hasAuthority(DEVICE_UPDATE.name())
         .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAuthority(LEDGER_READ.name())
         .requestMatchers("/api/**").denyAll()
         .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
         .requestMatchers("/actuator/**").authenticated()
         // The single-page app, its assets and the OpenAPI document are public; the data is not.
         .anyRequest().permitAll();
    }

    /**
     * 403 for a signed-in user. The CSRF filter runs before anyone is known to be anonymous and
     * reports a missing token as "access denied": a caller with neither a session nor credentials
     * gets 401 instead, as for every other request it may not make without logging in.
     */
    static void denied(HttpServletRequest req, HttpServletResponse res, AccessDeniedException e) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            unauthenticated(req, res, null);
        } else if (e instanceof CsrfException) {
            Problems.write(res, HttpStatus.FORBIDDEN, "Forbidden",
                    "Missing or stale CSRF token: send your session's token (the XSRF-TOKEN cookie's value) in the X-XSRF-TOKEN header");
        } else {
            Problems.write(res, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this");
        }
    }

    static boolean carriesBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /**
     * 401 as a problem detail. The Basic challenge goes only to clients that are not a browser page
     * (no X-Requested-With, no text/html), so a browser never pops up its own login dialog and
     * never caches Basic credentials that would bypass CSRF protection.
     */
    static void unauthenticated(HttpServletRequest req, HttpServletResponse res,
                                org.springframework.security.core.AuthenticationException e) throws IOException {
        String accept = req.getHeader("Accept");
        boolean browser = req.getHeader("X-Requested-With") != null || (accept != null && accept.contains("text/html"));
        if (!browser) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Xueliang Tracker\", charset=\"UTF-8\"");
        }
        Problems.write(res, HttpStatus.UNAUTHORIZED, "Unauthorized", "Log in, or send HTTP Basic credentials");
    }
}
