package org.compromiso.catalog;

/** Why part of a catalog file was refused: the line it starts on (1-based), the field path, the reason. */
public record CatalogError(int line, String field, String reason) {
}
