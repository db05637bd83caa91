package org.compromiso.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The beans that the processes of {@code bpmn/} name in their expressions ({@code ${sendReminderDelegate}},
 * {@code ${leadershipDigestSchedule.cron}}): the only beans any expression of the engine may reach.
 */
record ModelBeans(Set<String> names) {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    // an identifier that does not follow a dot: the root of a property path, a bean or a variable
    private static final Pattern ROOT = Pattern.compile("(?<![.\\w$'])([A-Za-z_][\\w]*)");

    static ModelBeans of(ApplicationContext context) {
        var names = new TreeSet<String>();
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
                try (InputStream in = resource.getInputStream()) {
                    names.addAll(beansIn(new String(in.readAllBytes(), StandardCharsets.UTF_8), context));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bpmn/ for its beans", e);
        }
        return new ModelBeans(Set.copyOf(names));
    }

    static Set<String> beansIn(String model, ApplicationContext context) {
        var names = new TreeSet<String>();
        Matcher expression = EXPRESSION.matcher(model);
        while (expression.find()) {
            Matcher root = ROOT.matcher(expression.group(1).replaceAll("'[^']*'", "''"));
            while (root.find()) {
                if (context.containsBean(root.group(1))) {
                    names.add(root.group(1));
                }
            }
        }
        return names;
    }
}
