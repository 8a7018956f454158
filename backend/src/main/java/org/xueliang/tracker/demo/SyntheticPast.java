package org.xueliang.tracker.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Marks a demo start-up step that writes a synthetic past (history, clock samples, recordings, VQD checks): present in
 * demo mode unless {@code xl.demo.history=false} ({@code XL_DEMO_HISTORY=false}, docs/DEMO.md). Writing that past is
 * most of a demo's first start; a start that only needs the live fleet (the e2e files that never read the past) leaves
 * it out. The quick-start demo keeps it: the property is true when absent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(SyntheticPast.Written.class)
@interface SyntheticPast {

    /**
     * Both settings in one condition: two repeated {@code @ConditionalOnBooleanProperty} on a composed annotation are
     * not both evaluated (SyntheticPastTest caught that), so the rule is spelled out here.
     */
    final class Written implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return env.getProperty("xl.demo", Boolean.class, false) && env.getProperty("xl.demo.history", Boolean.class, true);
        }
    }
}
