package org.xueliang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Demo mode turns the GB/T 28181 server on, on a free port, unless the user set otherwise. */
class DemoGbSettingsTest {

    private static StandardEnvironment env(Map<String, Object> applicationYml, Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addLast(new SystemEnvironmentPropertySource("test-env", variables));
        env.getPropertySources().addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'", applicationYml));
        ConfigurationPropertySources.attach(env); // as Boot does: a view over every source, application.yml included
        return env;
    }

    @Test
    void demoModeEnablesTheServerOnAFreePortWithTheDemoPassword() {
        StandardEnvironment env = env(Map.of("xl.demo", "true", "xl.gb.enabled", "false", "xl.gb.sip-port", "5060",
                "xl.gb.password", ""), Map.of());

        new DemoGbSettings().postProcessEnvironment(env, null);

        assertThat(env.getProperty("xl.gb.enabled")).isEqualTo("true");
        // below the ephemeral range: no outgoing connection takes it before the server binds it
        assertThat(env.getProperty("xl.gb.sip-port", Integer.class)).isBetween(DemoGbSettings.FIRST_PORT, DemoGbSettings.LAST_PORT);
        assertThat(env.getProperty("xl.gb.password")).isEqualTo(DemoGbSettings.DEMO_PASSWORD);
    }

    @Test
    void whatTheUserSetStays() {
        StandardEnvironment env = env(Map.of("xl.demo", "true", "xl.gb.sip-port", "5060"),
                Map.of("XL_GB_SIP_PORT", "15060", "XL_GB_ENABLED", "false", "XL_GB_PASSWORD", "Own-Passw0rd"));

        new DemoGbSettings().postProcessEnvironment(env, null);

        assertThat(env.getPropertySources().contains(DemoGbSettings.SOURCE)).isFalse();
        assertThat(env.getProperty("xl.gb.sip-port")).isEqualTo("15060");
        assertThat(env.getProperty("xl.gb.enabled")).isEqualTo("false");
    }

    @Test
    void withoutDemoModeNothingChanges() {
        StandardEnvironment env = env(Map.of("xl.demo", "false", "xl.gb.sip-port", "5060"), Map.of());

        new DemoGbSettings().postProcessEnvironment(env, null);

        assertThat(env.getPropertySources().contains(DemoGbSettings.SOURCE)).isFalse();
        assertThat(env.getProperty("xl.gb.sip-port")).isEqualTo("5060");
    }
}
