package org.xueliang.tracker.shared;

import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

/**
 * Wraps every method that Spring runs in a transaction ({@code @Transactional}, found through the same
 * {@link TransactionAttributeSource} as the transaction interceptor) in {@link TransactionRetries}. Ordered before
 * the transaction interceptor, so each attempt is a new transaction rather than a retry inside a failed one.
 */
public class TransactionRetryAdvisor extends AbstractPointcutAdvisor {

    /** Just outside the transaction advisor, which Spring Boot leaves at {@link Ordered#LOWEST_PRECEDENCE}. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    private final transient Pointcut pointcut;
    private final transient MethodInterceptor interceptor;

    public TransactionRetryAdvisor(TransactionAttributeSource transactions, ObjectProvider<TransactionRetries> retries) {
        this.pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return transactions.getTransactionAttribute(method, targetClass) != null;
            }
        };
        this.interceptor = invocation -> retries.getObject().run(invocation::proceed);
        setOrder(ORDER);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return interceptor;
    }
}
