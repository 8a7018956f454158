package org.xueliang.tracker.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI document ({@code /v3/api-docs}, docs/API.md) without annotations on the controllers:
 * each operation is tagged with its application module (the first package below
 * {@code org.xueliang.tracker}) and gets its summary from {@code openapi/summaries.properties}
 * ({@code ControllerSimpleName.methodName=summary}); the title, description and the modules' tag
 * descriptions come from {@code openapi/api.properties}. {@code ApiDocsTest} fails when an operation
 * has no summary or a summary names an operation that no longer exists.
 */
@Configuration
class ApiDocs {

    static final String BASE_PACKAGE = "org.xueliang.tracker";
    static final String SUMMARIES = "openapi/summaries.properties";
    static final String API = "openapi/api.properties";
    static final String BASIC = "basicAuth";
    static final String SESSION = "sessionCookie";
    static final String CSRF = "csrfHeader";
    static final String AGENT_TOKEN = "agentToken";
    /** The agent protocol (AgentSecurityConfig): a bearer token per agent, nothing else. */
    static final String AGENT_PATHS = "/api/v1/agent/";

    private final Properties summaries = load(SUMMARIES);
    private final Properties api = load(API);

    /** The module of a controller: {@code org.xueliang.tracker.ledger.transfer.X} → {@code ledger}. */
    static String moduleOf(Class<?> controller) {
        String rest = ClassUtils.getUserClass(controller).getPackageName().substring(BASE_PACKAGE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The key of an operation in summaries.properties. */
    static String keyOf(HandlerMethod handler) {
        return ClassUtils.getUserClass(handler.getBeanType()).getSimpleName() + "." + handler.getMethod().getName();
    }

    @Bean
    OperationCustomizer moduleTagAndSummary() {
        return (operation, handler) -> {
            operation.setTags(List.of(moduleOf(handler.getBeanType())));
            String summary = summaries.getProperty(keyOf(handler));
            if (summary != null) {
                operation.setSummary(summary);
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer infoTagsAndSecurity(@Value("${xl.version:dev}") String version) {
        return openApi -> {
            openApi.info(new Info().title(api.getProperty("title")).version(version).description(api.getProperty("description"))
                    .license(new License().name("Apache-2.0")));
            TreeSet<String> modules = new TreeSet<>();
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> modules.addAll(op.getTags())));
            openApi.setTags(modules.stream().map(m -> new Tag().name(m).description(api.getProperty("tag." + m))).toList());
            openApi.components((openApi.getComponents() == null ? new Components() : openApi.getComponents())
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description(api.getProperty("security.basic")))
                    .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                            .name("XL_SESSION").description(api.getProperty("security.session")))
                    .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                            .name("X-XSRF-TOKEN").description(api.getProperty("security.csrf")))
                    .addSecuritySchemes(AGENT_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description(api.getProperty("security.agent"))));
            // scripts: Basic on every call; browsers: the session cookie plus the CSRF header on writes
            openApi.security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION).addList(CSRF)));
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith(AGENT_PATHS)) {
                    item.readOperations().forEach(op -> op.setSecurity(List.of(new SecurityRequirement().addList(AGENT_TOKEN))));
                }
            });
        };
    }

    static Properties load(String resource) {
        Properties p = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return p;
    }
}
