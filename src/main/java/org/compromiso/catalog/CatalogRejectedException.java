package org.compromiso.catalog;

import java.util.List;

/** A catalog file with errors; nothing of it was imported. */
public class CatalogRejectedException extends RuntimeException {

    private final transient List<CatalogError> errors;

    CatalogRejectedException(List<CatalogError> errors) {
        super("Catalog rejected with " + errors.size() + " error(s)");
        this.errors = List.copyOf(errors);
    }

    public List<CatalogError> errors() {
        return errors;
    }
}
