package org.compromiso.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import org.camunda.bpm.engine.rest.dto.runtime.FilterDto;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Tasklist's filters ({@code GET filter}, {@code GET filter/{id}}) named and described in the signed-in user's
 * language: a filter keeps one name, so its Spanish is in its properties {@code name.es} and
 * {@code description.es} (see {@link TasklistFilters}), and its columns' labels in {@code label.es}. Admins, who
 * edit filters, see them as stored: an edit saved from a translated copy would rename the filter.
 */
public class TranslatedFilters implements ContainerResponseFilter {

    @Context
    private ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        boolean filters = entity instanceof FilterDto || entity instanceof Collection<?> list && !list.isEmpty()
                && list.iterator().next() instanceof FilterDto;
        if (!filters || !"GET".equals(request.getMethod()) || isAdmin()) {
            return;
        }
        var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        String language = spring.getBean(UserLanguage.class).ofSignedInUser().getLanguage();
        if (Locale.ENGLISH.getLanguage().equals(language)) {
            return;
        }
        if (entity instanceof FilterDto filter) {
            translate(filter, language);
        } else {
            ((Collection<?>) entity).forEach(filter -> translate((FilterDto) filter, language));
        }
    }

    static void translate(FilterDto filter, String language) {
        if (filter.getProperties() == null) {
            return;
        }
        var properties = new LinkedHashMap<>(filter.getProperties());
        if (properties.get(TasklistFilters.translated("name", language)) instanceof String name) {
            filter.setName(name);
        }
        if (properties.get(TasklistFilters.translated("description", language)) instanceof String description) {
            properties.put("description", description);
        }
        if (properties.get("variables") instanceof List<?> variables) {
            properties.put("variables", variables.stream().map(variable -> variable instanceof Map<?, ?> column
                    && column.get(TasklistFilters.translated("label", language)) instanceof String label
                    ? withLabel(column, label) : variable).toList());
        }
        filter.setProperties(properties);
    }

    private static Map<Object, Object> withLabel(Map<?, ?> column, String label) {
        var translated = new LinkedHashMap<Object, Object>(column);
        translated.put("label", label);
        return translated;
    }

    private static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && Viewer.of(authentication).groups().contains(Groups.ADMINS);
    }
}
