package org.xueliang.tracker.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every transaction retries on a deadlock or Galera certification failure (issue 12, docs/CLUSTER.md
 * "Transactions"): {@code @Transactional} methods through the advisor, {@code TransactionTemplate} through the bean.
 */
@Configuration(proxyBeanMethods = false)
class TransactionRetryConfiguration {

    @Bean
    TransactionRetries transactionRetries(MeterRegistry meters) {
        return new TransactionRetries(meters);
    }

    /**
     * Infrastructure role: the auto-proxy creator that applies the transaction advisor picks up only those. Static,
     * and {@link TransactionRetries} looked up at the first call, because advisors are made before the other beans
     * (the meter registry among them) and must not pull those in early.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TransactionRetryAdvisor transactionRetryAdvisor(TransactionAttributeSource transactionAttributeSource,
                                                          ObjectProvider<TransactionRetries> retries) {
        return new TransactionRetryAdvisor(transactionAttributeSource, retries);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions, TransactionRetries retries) {
        return new RetryingTransactionTemplate(transactions, retries);
    }
}
