package org.xueliang.tracker.monitoring.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xueliang.tracker.shared.Problems;

/**
 * The agent protocol ({@code /api/v1/agent/**}) is for agents only: a bearer token per agent, no
 * session, no CSRF (no browser involved), no user account. It has its own filter chain ahead of the
 * users' one, which also caps request bodies ({@link AgentRequestLimit}). An agent's token can only pull its
 * zone's assignment, send heartbeats, and report results for its zone's devices (docs/SECURITY.md).
 */
@Configuration
class AgentSecurityConfig {

    static final String AGENT_AUTHORITY = "AGENT";

    /** The authenticated agent, available to controllers as the principal. */
    record AgentPrincipal(long id, String name, String zone) {
    }

    @Bean
    AgentLimits agentLimits(@Value("${xl.agent.max-request-bytes:4MB}") DataSize maxRequestBytes,
                            @Value("${xl.agent.max-batch-results:5000}") int maxBatchResults,
                            @Value("${xl.agent.max-clock-skew:5m}") Duration maxClockSkew,
                            @Value("${xl.monitoring.raw-retention-days:90}") int rawRetentionDays,
                            @Value("${xl.agent.max-latency:5m}") Duration maxLatency) {
        return new AgentLimits(maxRequestBytes.toBytes(), maxBatchResults, maxClockSkew, Duration.ofDays(rawRetentionDays), maxLatency);
    }

    @Bean
    @Order(1)
    SecurityFilterChain agentProtocol(HttpSecurity http, AgentService agents, AgentLimits limits) throws Exception {
        http.securityMatcher("/api/v1/agent/**")
            .authorizeHttpRequests(r -> r.anyRequest().hasAuthority(AGENT_AUTHORITY))
            .csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .addFilterBefore(new BearerTokenFilter(agents), BasicAuthenticationFilter.class)
            // after the authorization check: a caller without a valid token gets its 401 without its body being read
            .addFilterAfter(new AgentRequestLimit(limits.maxRequestBytes()), AuthorizationFilter.class)
            .exceptionHandling(ex -> ex
                .authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Bearer realm=\"Xueliang Tracker agents\"");
                    Problems.write(res, HttpStatus.UNAUTHORIZED, "Unauthorized", "Send the agent's token as Authorization: Bearer …");
                })
                .accessDeniedHandler((req, res, e) -> Problems.write(res, HttpStatus.FORBIDDEN, "Forbidden",
                        "Only agents may use the agent protocol")));
        return http.build();
    }

    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final AgentService agents;

        BearerTokenFilter(AgentService agents) {
            this.agents = agents;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                agents.authenticate(header.substring(7).trim()).ifPresent(agent -> {
                    var principal = new AgentPrincipal(agent.id(), agent.name(), agent.zone());
                    var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                            List.of(new SimpleGrantedAuthority(AGENT_AUTHORITY)));
                    SecurityContextHolder.getContext().setAuthentication(auth);
                });
            }
            chain.doFilter(request, response);
        }
    }
}
