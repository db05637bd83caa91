package org.compromiso.guard;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression language with two limits, for every expression of every process, filter and query, an
 * administrator's too: it reaches only the beans that {@code bpmn/} names, and no reflection ({@link
 * ReflectionRefusal}). Camunda's Spring expression manager otherwise resolves every bean of the application
 * ({@code identityService}, ...) and any public method, so one evaluated expression is code run on the server.
 */
class SandboxedExpressionManager extends SpringExpressionManager {

    SandboxedExpressionManager(ApplicationContext context, ModelBeans beans) {
        super(context, new AllowedBeans(context, beans.names()));
    }

    @Override
    protected ELResolver createElResolver() {
        var resolver = new CompositeELResolver();
        resolver.add(new ReflectionRefusal());
        resolver.add(super.createElResolver());
        return resolver;
    }

    /** Read-only view of the allowed beans, fetched when an expression names them (delegates are created late). */
    private static final class AllowedBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private final Set<String> names;

        AllowedBeans(ApplicationContext context, Set<String> names) {
            this.context = context;
            this.names = names;
        }

        @Override
        public boolean containsKey(Object key) {
            return names.contains(key);
        }

        @Override
        public Object get(Object key) {
            return names.contains(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            throw new UnsupportedOperationException("the allowed beans are looked up by name only");
        }
    }
}
