package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.compromiso.CompromisoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.web.method.ControllerAdviceBean;

/**
 * Which advice answers an exception depends on the advices' order: the catch-all ApiProblems comes last by its
 * {@code @Order}, and every feature's advice states an order before it, so no answer depends on scanning order.
 */
@CompromisoTest
class ProblemAdviceOrderTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theCatchAllAdviceIsAskedLastAndEveryOtherStatesItsPlaceBeforeIt() {
        var advices = ControllerAdviceBean.findAnnotatedBeans(context).stream()
                .filter(advice -> advice.getBeanType().getPackageName().startsWith("org.compromiso")).toList();
        assertThat(advices).extracting(advice -> advice.getBeanType().getSimpleName())
                .contains("CommitmentProblems").last().isEqualTo("ApiProblems");
        assertThat(advices).filteredOn(advice -> advice.getBeanType() == ApiProblems.class)
                .allMatch(advice -> advice.getOrder() == Ordered.LOWEST_PRECEDENCE);
        assertThat(advices).filteredOn(advice -> advice.getBeanType() != ApiProblems.class)
                .as("an advice without @Order ties with the catch-all").allMatch(advice -> advice.getOrder() < Ordered.LOWEST_PRECEDENCE);
    }
}
